// The one place the game gets Phaser from. `phaser` is aliased to Phaser's core build
// (vite.config.ts), which has no container or shape factories: importing a factory module
// registers it on every scene's `this.add`. Import Phaser from here, not from 'phaser', so the
// registrations have run before any scene is created.
//
// The core namespace object lacks their classes too: use `this.add.container(...)`, never
// `new Phaser.GameObjects.Container(...)` or `instanceof` checks against it (undefined at run
// time, although the types say otherwise).
import Phaser from 'phaser';
import 'phaser-src/gameobjects/container/ContainerFactory.js';
import 'phaser-src/gameobjects/shape/rectangle/RectangleFactory.js';

export default Phaser;
