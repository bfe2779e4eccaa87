/** The part of Phaser's KeyboardManager the guard touches. */
export interface CaptureSwitch {
  preventDefault: boolean;
}

/** The part of the document the guard reads (a Document is one). */
export interface FocusSource {
  readonly activeElement: Element | null;
  readonly body: Element | null;
}

/**
 * Phaser calls `preventDefault` on its captured keys at window level, whatever has focus: once
 * any scene adds a key, Space, Enter or arrows typed into a DOM input or pressed on a DOM button
 * in the overlay would do nothing. Phaser also re-enables capture each time a key is added, so
 * switching it off once is not enough. This makes capture apply only while focus is on the page
 * itself or the canvas, and never while a DOM control has it.
 */
export function guardKeyboardCapture(
  manager: CaptureSwitch,
  doc: FocusSource = document,
): void {
  let wanted = manager.preventDefault;
  Object.defineProperty(manager, 'preventDefault', {
    configurable: true,
    get: () => wanted && focusIsOnGame(doc),
    set: (value: boolean) => {
      wanted = value;
    },
  });
}

function focusIsOnGame(doc: FocusSource): boolean {
  const active = doc.activeElement;
  return active === null || active === doc.body || active.tagName === 'CANVAS';
}
