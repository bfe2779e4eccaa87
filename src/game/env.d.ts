/// <reference types="vite/client" />

/**
 * What the shell tells tests (and anyone curious) about the game: the scene on screen (see
 * ready.ts) and, during a run, where the engine is (see session-store.ts).
 */
interface SprintwiseStatus {
  ready: boolean;
  scene: string;
  /** SHA-256 of the engine state of the running game. */
  stateHash?: string;
  phase?: string;
  /** Actions taken in the running game. */
  step?: number;
  scenarioId?: string;
  /** The engine seed of the running local game. */
  seed?: string;
  /** Where the running local game is saved: the scenario's own run or its branch. */
  slot?: 'main' | 'branch';
  /** The replay on the viewer: where it stands, and the hash its last frame re-simulates to. */
  viewer?: { scenarioId: string; seed: string; length: number; position: number; finalHash: string };
  /** What the stage (the team's board and the people around it) shows: see stage/memory.ts. */
  stage?: {
    screen: string;
    sprint: number;
    day: number;
    cards: { id: string; title: string; column: 'todo' | 'doing' | 'done'; blocked: boolean }[];
    stakeholders: { id: string; name: string; present: boolean; mood: 'neutral' | 'pleased' | 'worried'; says: string | null }[];
    team: { says: string | null };
    /** The latest stage events, oldest first, in words. */
    lastEvents: { kind: string; text: string }[];
    /** Stage events since the game loaded. */
    eventCount: number;
  };
}

interface Window {
  __sprintwise?: SprintwiseStatus;
}
