import seedrandom from 'seedrandom';

/**
 * Named, independent random streams. Each stream is a seedrandom Alea generator whose
 * state lives in the game state, so a snapshot resumes exactly and one subsystem's draws
 * never shift another's.
 */
export const STREAMS = ['velocity', 'events', 'estimates', 'quality', 'forecast'] as const;
export type StreamName = (typeof STREAMS)[number];
export type StreamStates = Record<StreamName, seedrandom.State.Alea>;

export function initialStreams(seed: string): StreamStates {
  const out = {} as StreamStates;
  for (const name of STREAMS) out[name] = seedrandom.alea(`${seed}/${name}`, { state: true }).state();
  return out;
}

/** Live generators for one dispatch; `commit` writes back only the streams that were drawn from. */
export class Rng {
  private live = new Map<StreamName, seedrandom.StatefulPRNG<seedrandom.State.Alea>>();

  constructor(private readonly states: StreamStates) {}

  /** A float in [0, 1). */
  next(stream: StreamName): number {
    return this.stream(stream)();
  }

  /** The live generator of a stream, for loops that draw many times (Monte Carlo). */
  stream(stream: StreamName): () => number {
    let g = this.live.get(stream);
    if (!g) {
      g = seedrandom.alea('', { state: this.states[stream] });
      this.live.set(stream, g);
    }
    return g;
  }

  /** An integer in [0, n). */
  int(stream: StreamName, n: number): number {
    return Math.floor(this.next(stream) * n);
  }

  /** Approximately standard normal: sum of 4 uniforms, scaled (cheap, bounded at ±3.46). */
  normal(stream: StreamName): number {
    return (this.next(stream) + this.next(stream) + this.next(stream) + this.next(stream) - 2) * Math.sqrt(3);
  }

  commit(target: StreamStates): void {
    for (const [name, g] of this.live) target[name] = g.state();
  }
}
