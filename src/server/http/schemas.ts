import { z } from 'zod';

/** Bodies of the HTTP API. Strict: an unexpected key is an error, not silently ignored. */
export const CreateClassBody = z.strictObject({
  title: z.string().max(400).optional(),
  content: z.strictObject({ kind: z.enum(['scenario', 'campaign']), id: z.string().min(1).max(80) }),
  seedPolicy: z.enum(['class', 'learner']).default('class'),
  pacing: z.enum(['free', 'lockstep']).default('free'),
  /** False: assessment mode, learners see what happened but no verdicts or right answers. */
  coach: z.boolean().default(true),
});

/** The name is cleaned and measured after parsing; 400 characters is only a bound on the raw input. */
export const JoinBody = z.strictObject({
  code: z.string().min(1).max(32),
  name: z.string().max(400),
});

export const InjectBody = z.strictObject({
  cardId: z.string().min(1).max(80),
  scenarioId: z.string().min(1).max(80).optional(),
});
