/**
 * Says `message` through the page's polite ARIA live region, for what a screen-reader user
 * would otherwise only see change on the canvas.
 */
export function announce(message: string): void {
  const region = document.getElementById('announcer');
  if (!region) return;
  // Clearing first makes a repeat of the same message count as a change and be read again.
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = message;
  });
}
