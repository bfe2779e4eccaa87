import './theme/styles.css';
import './theme/screens.css';
import Phaser from './phaser';
import { installRenderOnDemand } from './idle';
import { guardKeyboardCapture } from './keyboard-guard';
import { Boot } from './scenes/Boot';
import { Title } from './scenes/Title';
import { applySettings, onSettingsChange } from './settings';

/** The game's design size: scenes lay out in these units and FIT scales the result. */
const GAME_WIDTH = 1280;
const GAME_HEIGHT = 720;

applySettings();
onSettingsChange(() => applySettings());
window.matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', () => applySettings());

/** WebGL drivers that draw on the CPU: Chromium's SwiftShader, Mesa's llvmpipe, Windows' Basic Render Driver. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * WebGL where the machine has a GPU for it; Phaser's Canvas renderer where WebGL would only run in
 * software (no usable GPU, as on many school machines and in headless browsers). The canvas art is
 * flat shapes and text: a software 2D canvas draws a frame of it in a millisecond or two, while
 * software WebGL took ~25 ms a frame to draw it and have it read back for the page's compositor,
 * so every animated frame ran late (the stage's days, in `npm run bench:game`). The probe's
 * context is released at once; Phaser makes its own.
 */
function rendererType(): number {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return SOFTWARE_GL.test(name) ? Phaser.CANVAS : Phaser.AUTO;
  } catch {
    return Phaser.AUTO;
  }
}

const game = new Phaser.Game({
  type: rendererType(),
  parent: 'game',
  // The page's CSS background shows through, so the canvas and the letterbox bands match.
  transparent: true,
  banner: false,
  scale: {
    mode: Phaser.Scale.FIT,
    autoCenter: Phaser.Scale.CENTER_BOTH,
    width: GAME_WIDTH,
    height: GAME_HEIGHT,
  },
  // The run screens (and the engine) are added when the player leaves the title: see play.ts.
  scene: [Boot, Title],
});

game.events.once(Phaser.Core.Events.READY, () => {
  if (game.input.keyboard) guardKeyboardCapture(game.input.keyboard);
  installRenderOnDemand(game);
});
