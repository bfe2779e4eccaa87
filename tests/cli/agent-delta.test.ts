import { describe, expect, it } from 'vitest';
import { applyMergePatch, keyedForm, readKeyedForm, type Json } from '../../src/protocol';
import { agentSession, expectCleanError, sim } from './helpers';

const SCENARIO = 'platform-exit';
const bytes = (line: string) => Buffer.byteLength(line) + 1; // with its newline

/** Everything but `type` and `form`: the part of an observation a delta changes. */
function body(m: Record<string, any>): Json {
  const { type: _type, form: _form, ...rest } = m;
  return rest as Json;
}

/**
 * Plays a whole run twice in step, `--observe full` and `--observe delta`, taking the first listed
 * action each time (and sending one unknown id on the way). Each delta is applied to the previous
 * observation and must give the full run's observation, at every step.
 */
async function playBoth(seed: string) {
  const full = agentSession(['--scenario', SCENARIO, '--seed', seed, '--observe', 'full']);
  const delta = agentSession(['--scenario', SCENARIO, '--seed', seed, '--observe', 'delta']);
  const sizes = { full: [] as number[], delta: [] as number[], fullObservations: [] as number[], deltaObservations: [] as number[] };
  const next = async (agent: ReturnType<typeof agentSession>, all: number[], observations: number[]) => {
    const m = await agent.next();
    const size = bytes(JSON.stringify(m));
    all.push(size);
    if (m.type === 'observation') observations.push(size);
    return m;
  };
  let state: Json | undefined;
  const forms = { full: 0, delta: 0 };
  let steps = 0;
  let errors = 0;
  for (let guard = 0; guard < 2000; guard++) {
    const f = await next(full, sizes.full, sizes.fullObservations);
    const d = await next(delta, sizes.delta, sizes.deltaObservations);
    if (f.type === 'result') {
      expect(d).toEqual(f);
      break;
    }
    expect(f.type).toBe(d.type);
    if (f.type === 'error') {
      expect(d).toEqual(f);
      errors++;
      continue;
    }
    expect(f).not.toHaveProperty('form'); // the default form is unchanged
    if (d.form === 'full') {
      state = keyedForm(body(d));
      forms.full++;
    } else {
      expect(d.form).toBe('delta');
      expect(Object.keys(d).sort()).toEqual(['form', 'patch', 'type']);
      expect(state).not.toBeUndefined();
      state = applyMergePatch(state, d.patch as Json);
      forms.delta++;
    }
    const seen = readKeyedForm(state!) as Record<string, any>;
    expect(seen).toEqual(body(f));
    // The driver reads the delta run's observation; both runs take the same action.
    // Once, an unknown id: an error line, then the same observation again.
    const line = steps === 5 && errors === 0 ? '{"id":"no-such-action"}' : JSON.stringify({ id: seen.actions[0].id as string });
    full.send(line);
    delta.send(line);
    steps++;
  }
  expect(await full.exit).toBe(0);
  expect(await delta.exit).toBe(0);
  expect(full.stderr.text).toBe('');
  expect(delta.stderr.text).toBe('');
  expect(errors).toBe(1);
  return { sizes, forms, steps };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('agent --observe delta: observations as merge patches', () => {
  it(`plays ${SCENARIO}: every patch, applied to the previous observation, gives the full run's observation`, async () => {
    const seed = '1';
    const { sizes, forms, steps } = await playBoth(seed);
    expect(steps).toBeGreaterThan(50);
    expect(forms.full).toBeGreaterThanOrEqual(1);
    expect(forms.delta).toBeGreaterThan(steps / 2);
    const figures = {
      steps,
      lines: sizes.delta.length,
      fullAvgLine: Math.round(mean(sizes.full)),
      deltaAvgLine: Math.round(mean(sizes.delta)),
      fullAvgObservation: Math.round(mean(sizes.fullObservations)),
      deltaAvgObservation: Math.round(mean(sizes.deltaObservations)),
      deltaMaxObservation: Math.max(...sizes.deltaObservations),
      wholeLinesInDelta: forms.full,
    };
    console.log(`${SCENARIO} seed ${seed}, bytes a line (result and error lines included): ${JSON.stringify(figures)}`);
    expect(figures.deltaAvgLine).toBeLessThan(4096);
    expect(figures.deltaAvgObservation).toBeLessThan(4096);
    expect(figures.deltaAvgLine).toBeLessThan(figures.fullAvgLine / 4);
  });

  it('answers an unknown error with the same observation: an empty patch', async () => {
    const agent = agentSession(['--scenario', 'corner-cafe', '--seed', '3', '--observe', 'delta']);
    const first = await agent.next();
    expect(first).toMatchObject({ type: 'observation', form: 'full', phase: 'briefing.choosingGoal' });
    agent.send('{"id":"nope"}');
    expect(await agent.next()).toMatchObject({ type: 'error', code: 'unknownActionId' });
    expect(await agent.next()).toEqual({ type: 'observation', form: 'delta', patch: {} });
    agent.end();
    expect(await agent.exit).toBe(3);
  });

  it('refuses an unknown form, naming the flag and the forms there are', async () => {
    const r = await sim(['agent', '--scenario', 'corner-cafe', '--seed', '1', '--observe', 'patch']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expectCleanError(r.stderr);
    expect(r.stderr).toBe('sim: agent: --observe: expected "full" or "delta", found "patch"\n');
  });
});
