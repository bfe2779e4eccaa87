import type Phaser from 'phaser';

function overlayRoot(): HTMLElement {
  const root = document.getElementById('overlay');
  if (!root) throw new Error('index.html has no #overlay element');
  return root;
}

/**
 * Shows `panel` over the canvas for as long as `scene` runs. The scene owns its DOM the way it
 * owns its game objects: the panel is removed when the scene shuts down, so no stale control
 * stays reachable by Tab after a scene change.
 */
export function mountPanel<T extends HTMLElement>(scene: Phaser.Scene, panel: T): T {
  overlayRoot().append(panel);
  scene.events.once('shutdown', () => panel.remove());
  return panel;
}
