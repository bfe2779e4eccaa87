/** What the debrief and its "what if" worker say to each other. Types only: no code of the engine. */
import type { ReplayLog, Scenario } from '../../engine';
import type { WhatIfResult } from '../../whatif/rollouts';

export interface WhatIfRequest {
  scenario: Scenario;
  hash: string;
  replay: ReplayLog;
  rollouts: number;
}

export type WhatIfReply =
  | { type: 'progress'; done: number; total: number }
  /** `ms`: the rollouts' own time in the worker. */
  | { type: 'result'; result: WhatIfResult; ms: number }
  | { type: 'error'; message: string };
