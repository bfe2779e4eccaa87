/**
 * Where the 16:9 canvas and the overlay sit in a window taller than 16:9: 'centred' for the
 * title (art and words in one box), 'top' for the screens of text and controls, which then get
 * the window's full height. Each scene sets it at the start of create(). See styles.css.
 */
export function setLayout(layout: 'centred' | 'top'): void {
  if (layout === 'top') document.body.dataset.layout = 'top';
  else delete document.body.dataset.layout;
}
