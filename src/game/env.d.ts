/// <reference types="vite/client" />

/** What the shell tells tests (and anyone curious) about the scene on screen: see ready.ts. */
interface SprintwiseStatus {
  ready: boolean;
  scene: string;
}

interface Window {
  __sprintwise?: SprintwiseStatus;
}

interface WindowEventMap {
  /** The player pressed Play on the title screen. */
  'sprintwise:play': CustomEvent<undefined>;
}
