import Phaser from '../phaser';
import { textureUrls } from '../assets';
import { SceneKey } from './keys';

/** Loads the few assets the first screen needs, then hands over to the Title scene. */
export class Boot extends Phaser.Scene {
  constructor() {
    super(SceneKey.Boot);
  }

  preload(): void {
    for (const [key, url] of Object.entries(textureUrls)) this.load.image(key, url);
  }

  create(): void {
    this.scene.start(SceneKey.Title);
  }
}
