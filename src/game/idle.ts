import Phaser from './phaser';

/** Quiet frames drawn after the last change before the loop sleeps. */
const QUIET_FRAMES = 3;

let wakeFn: () => void = () => {};

/** Wakes the render loop (after a change the canvas must show). */
export function wakeGame(): void {
  wakeFn();
}

/**
 * Draws on demand. The canvas shows art that changes only when the game state, the scene or a
 * tween changes, so once nothing has moved for a few frames the loop sleeps, and a scene change,
 * a resize or an explicit wake (the store's changes) starts it again. Players' batteries are spared, and the page stays
 * quick to answer keys where WebGL runs in software.
 */
export function installRenderOnDemand(game: Phaser.Game): void {
  let quiet = 0;
  const wake = () => {
    quiet = 0;
    if (!game.loop.running) game.loop.wake(true);
  };
  wakeFn = wake;

  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    const moving = game.scene.getScenes(true).some((scene) => scene.tweens.getTweens().length > 0);
    if (moving) {
      quiet = 0;
      return;
    }
    quiet += 1;
    if (quiet > QUIET_FRAMES) game.loop.sleep();
  });

  // Every scene change goes through the manager's queue; the queue is only read by a running loop.
  const manager = game.scene as Phaser.Scenes.SceneManager & { queueOp: (...args: unknown[]) => unknown };
  const queueOp = manager.queueOp.bind(manager);
  manager.queueOp = (...args: unknown[]) => {
    wake();
    return queueOp(...args);
  };

  // Keys and clicks change the DOM panels, not the canvas: they need no frame of their own.
  for (const type of ['resize', 'visibilitychange']) window.addEventListener(type, wake, { passive: true });
}
