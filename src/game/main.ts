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

const game = new Phaser.Game({
  type: Phaser.AUTO,
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
