import './theme/styles.css';
import Phaser from './phaser';
import { guardKeyboardCapture } from './keyboard-guard';
import { Boot } from './scenes/Boot';
import { Title } from './scenes/Title';

/** The game's design size: scenes lay out in these units and FIT scales the result. */
const GAME_WIDTH = 1280;
const GAME_HEIGHT = 720;

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
  scene: [Boot, Title],
});

game.events.once(Phaser.Core.Events.READY, () => {
  if (game.input.keyboard) guardKeyboardCapture(game.input.keyboard);
});
