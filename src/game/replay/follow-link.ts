/**
 * Following a link the game was opened with (docs/replays.md, "Links"): a challenge link starts
 * its scenario with its seed, after asking when that would replace a saved game; a replay link
 * opens the viewer once the replay verifies. Anything wrong ends as a message for the title
 * screen, and the game goes on as usual. Never throws.
 */
import { readLink } from '../../replay';
import { announce } from '../dom/announce';
import type { TitleNotice } from '../panels/TitlePanel';
import { phaseName, sceneForPhase } from '../router';
import { readSave, type StoredSave } from '../save/storage';
import { SceneKey } from '../scenes/keys';
import type { SessionStore } from '../session-store';
import { confirmDialog } from '../ui/dialog';
import { openInViewer } from './viewer-source';

export type LinkOutcome = { kind: 'go'; scene: SceneKey } | { kind: 'stay'; notice: TitleNotice | null };

function where(save: StoredSave): string {
  if (save.status === 'corrupt') return 'it is damaged and cannot be opened';
  const s = save.save.summary;
  if (!s) return 'an imported game';
  if (s.done) return 'finished';
  return s.sprint > 0 ? `Sprint ${s.sprint} of ${s.sprints}, ${phaseName(s.phase)}` : phaseName(s.phase);
}

async function startChallenge(store: SessionStore, scenarioId: string, seed: string): Promise<LinkOutcome> {
  const loaded = store.findScenario(scenarioId);
  if (!loaded)
    return { kind: 'stay', notice: { tone: 'error', title: 'This challenge link cannot be opened.', text: `It is for scenario “${scenarioId}”, which this version of the game does not include. Everything else works as usual.` } };
  const title = loaded.scenario.title;
  const existing = readSave(scenarioId);
  if (existing) {
    const replace = await confirmDialog(
      'Start the challenge?',
      [
        `This challenge link starts “${title}” with the seed ${seed}, so you face the same Sprints as whoever sent it.`,
        `You already have a saved game of “${title}” (${where(existing)}). Starting the challenge replaces it. Keep it to go on as before; you can export it from Campaigns and come back to the link.`,
      ],
      'Replace it and start the challenge',
      'Keep my saved game',
    );
    if (!replace) return { kind: 'stay', notice: { tone: 'info', title: 'The challenge was not started.', text: `Your saved game of “${title}” is kept as it was.` } };
  }
  const started = store.start(scenarioId, seed);
  if (!started.ok) return { kind: 'stay', notice: { tone: 'error', title: 'This challenge link cannot be opened.', text: started.message } };
  announce(`Challenge: ${title}, seed ${seed}.`);
  return { kind: 'go', scene: sceneForPhase(started.run.step.phase) };
}

/** Reads `address` and does what its link asks; `{kind: 'stay', notice: null}` when it holds no link of ours. */
export async function followLink(store: SessionStore, address: string): Promise<LinkOutcome> {
  try {
    const link = await readLink(address);
    switch (link.kind) {
      case 'none':
        return { kind: 'stay', notice: null };
      case 'error':
        return { kind: 'stay', notice: { tone: 'error', title: 'This link cannot be opened.', text: `${link.message} Everything else works as usual.` } };
      case 'challenge':
        return await startChallenge(store, link.scenarioId, link.seed);
      case 'replay': {
        const opened = openInViewer(store, link.replay, 'title', 'a replay link');
        if (!opened.ok) return { kind: 'stay', notice: { tone: 'error', title: 'This replay link cannot be opened.', text: `${opened.reason} Everything else works as usual.` } };
        return { kind: 'go', scene: SceneKey.ReplayViewer };
      }
      default:
        return assertNever(link);
    }
  } catch (e) {
    return { kind: 'stay', notice: { tone: 'error', title: 'This link cannot be opened.', text: `Something went wrong while reading it (${e instanceof Error ? e.message : String(e)}). Everything else works as usual.` } };
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected link: ${JSON.stringify(x)}`);
}
