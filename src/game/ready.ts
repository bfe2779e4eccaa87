import type Phaser from 'phaser';
import type { SceneKey } from './scenes/keys';

/**
 * Tells the page (and the browser tests waiting on it) that `scene` is on screen and usable,
 * once the scene has rendered its first frame: `document.body.dataset.scene`,
 * `window.__sprintwise` and a `sprintwise:ready:<key>` performance mark, whose startTime is the
 * load-to-ready time. Call it at the end of `create()`, after the scene's DOM panel is mounted.
 * The status goes back to not-ready when the scene shuts down, so a wait for the next scene
 * cannot pass early. Run fields that the session store publishes are kept.
 */
export function markSceneReady(scene: Phaser.Scene, key: SceneKey): void {
  scene.events.once('render', () => {
    document.getElementById('boot-status')?.remove();
    document.body.dataset.scene = key;
    window.__sprintwise = { ...window.__sprintwise, ready: true, scene: key };
    performance.mark(`sprintwise:ready:${key}`);
  });

  scene.events.once('shutdown', () => {
    if (window.__sprintwise?.scene !== key) return;
    window.__sprintwise = { ...window.__sprintwise, ready: false, scene: key };
    delete document.body.dataset.scene;
  });
}
