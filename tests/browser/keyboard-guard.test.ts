import { describe, expect, it } from 'vitest';
import { guardKeyboardCapture, type CaptureSwitch } from '../../src/game/keyboard-guard';

// Plain objects stand in for Phaser's KeyboardManager and the document: the guard only reads
// `activeElement`, so this runs in Node without a browser.
function setup(activeTag: 'BODY' | 'CANVAS' | 'INPUT' | 'BUTTON' | null) {
  const body = { tagName: 'BODY' } as Element;
  const doc: { body: Element; activeElement: Element | null } = { body, activeElement: activeTag === 'BODY' ? body : activeTag ? ({ tagName: activeTag } as Element) : null };
  const manager: CaptureSwitch = { preventDefault: false };
  guardKeyboardCapture(manager, doc);
  return { manager, doc };
}

describe('Phaser keyboard capture yields to DOM controls', () => {
  it.each(['BODY', 'CANVAS', null] as const)('captures when a scene asks and focus is on %s', (tag) => {
    const { manager } = setup(tag);
    manager.preventDefault = true; // what Phaser does when a scene adds a key
    expect(manager.preventDefault).toBe(true);
  });

  it.each(['INPUT', 'BUTTON'] as const)('never captures while a DOM %s has focus', (tag) => {
    const { manager } = setup(tag);
    manager.preventDefault = true;
    expect(manager.preventDefault).toBe(false);
  });

  it('captures again once focus leaves the DOM control', () => {
    const { manager, doc } = setup('INPUT');
    manager.preventDefault = true;
    doc.activeElement = doc.body;
    expect(manager.preventDefault).toBe(true);
  });

  it('stays off when no scene asked for capture', () => {
    expect(setup('BODY').manager.preventDefault).toBe(false);
  });
});
