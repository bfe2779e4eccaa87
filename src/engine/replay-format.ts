import { z } from 'zod';
import { ActionSchema } from './model/actions';

export const REPLAY_FORMAT = 'sprintwise-replay';
export const REPLAY_FORMAT_VERSION = 1;

export interface Checkpoint {
  /** Number of actions applied when the hash was taken. */
  step: number;
  hash: string;
}

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a 64-character lowercase hex SHA-256');

/** The replay file: enough to re-simulate a run and check it bit for bit. */
export const ReplaySchema = z.strictObject({
  format: z.literal(REPLAY_FORMAT),
  formatVersion: z.literal(REPLAY_FORMAT_VERSION),
  engineVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.2.3'),
  scenarioId: z.string().min(1).max(120),
  scenarioHash: hex64,
  seed: z.string().min(1).max(200),
  actions: z.array(ActionSchema).max(100_000),
  checkpoints: z.array(z.strictObject({ step: z.int().min(0), hash: hex64 })).max(100_000),
  finalHash: hex64,
});

export type ReplayLog = z.infer<typeof ReplaySchema>;
