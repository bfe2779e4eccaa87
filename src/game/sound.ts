import { getSettings } from './settings';

/** The few cues the game plays, generated with WebAudio: nothing is downloaded. */
export type Cue = 'select' | 'confirm' | 'event' | 'error' | 'fanfare';

/** Notes (Hz) and lengths (s) of each cue: short, soft, and distinct in rhythm as well as pitch. */
const CUES: Record<Cue, readonly (readonly [number, number])[]> = {
  select: [[660, 0.05]],
  confirm: [
    [523, 0.07],
    [784, 0.1],
  ],
  event: [
    [440, 0.09],
    [440, 0.09],
    [587, 0.14],
  ],
  error: [
    [220, 0.12],
    [185, 0.16],
  ],
  fanfare: [
    [523, 0.1],
    [659, 0.1],
    [784, 0.1],
    [1047, 0.22],
  ],
};

let context: AudioContext | null = null;

/** Plays `cue` if the player switched sound on; silent (and free) otherwise. */
export function play(cue: Cue): void {
  if (!getSettings().sound) return;
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    let at = context.currentTime + 0.01;
    for (const [frequency, length] of CUES[cue]) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = cue === 'error' ? 'triangle' : 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.12, at + 0.01);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + length);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + length + 0.02);
      at += length + 0.02;
    }
  } catch {
    // No audio device or a blocked context: sound is optional.
  }
}
