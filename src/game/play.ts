/**
 * The part of the game that loads after the title screen: the engine, the scenarios and every
 * screen of a run. Title imports this module on demand, so the first paint stays small.
 */
import './zod-jitless';
import { coachCardFor } from './coach/for-run';
import { coachSpeech } from './coach/view-model';
import type Phaser from 'phaser';
import { announce } from './dom/announce';
import { effectLines, effectsSpeech } from './view/effects';
import { wakeGame } from './idle';
import { phaseName } from './router';
import { getStore, type SessionStore } from './session-store';
import { play } from './sound';
import { Backlog } from './scenes/Backlog';
import { Briefing } from './scenes/Briefing';
import { CampaignMap } from './scenes/CampaignMap';
import { Classroom, type ClassroomData } from './scenes/Classroom';
import { ClassroomClient } from './classroom/client';
import { readClass } from './classroom/saved';
import { Debrief } from './scenes/Debrief';
import { Decision } from './scenes/Decision';
import { KnowledgeMap } from './scenes/KnowledgeMap';
import { Planning } from './scenes/Planning';
import { Release } from './scenes/Release';
import { Retrospective } from './scenes/Retrospective';
import { Review } from './scenes/Review';
import { SprintDay } from './scenes/SprintDay';
import { StakeholderMap } from './scenes/StakeholderMap';
import { Customers } from './scenes/Customers';
import { Market } from './scenes/Market';
import { ReplayViewer } from './scenes/ReplayViewer';
import { followLink as followGameLink, type LinkOutcome } from './replay/follow-link';
import { receiveFromDashboard } from './replay/from-dashboard';
import { openInViewer } from './replay/viewer-source';
import type { SaveSlot } from './save/storage';
import { SceneKey } from './scenes/keys';
import { sceneForPhase } from './router';

const SCENES: readonly [SceneKey, typeof Phaser.Scene][] = [
  [SceneKey.CampaignMap, CampaignMap],
  [SceneKey.KnowledgeMap, KnowledgeMap],
  [SceneKey.Classroom, Classroom],
  [SceneKey.Briefing, Briefing],
  [SceneKey.Backlog, Backlog],
  [SceneKey.Planning, Planning],
  [SceneKey.SprintDay, SprintDay],
  [SceneKey.Review, Review],
  [SceneKey.Retrospective, Retrospective],
  [SceneKey.Release, Release],
  [SceneKey.Debrief, Debrief],
  [SceneKey.Decision, Decision],
  [SceneKey.StakeholderMap, StakeholderMap],
  [SceneKey.Customers, Customers],
  [SceneKey.Market, Market],
  [SceneKey.ReplayViewer, ReplayViewer],
];

let installed = false;

/** Says what each choice did: the live region for screen readers (the screen itself shows it too), and a sound if wanted. */
function installFeedback(store: SessionStore): void {
  store.subscribe((event) => {
    // Screens redraw canvas art after a change: the loop must be awake to show it.
    wakeGame();
    if (event.type !== 'changed' || !event.result) return;
    const { result, run } = event;
    if (!result.ok) {
      play('error');
      announce(`Not possible: ${result.error.message}`);
      return;
    }
    const { messages, phase, phaseBefore } = result.changes;
    const o = run.step.observation;
    const lines = [...messages];
    if (phase !== phaseBefore && !lines.length) lines.push(`${phaseName(phase)}.`);
    if (!lines.length && phase.startsWith('sprint.execution')) lines.push(`Day ${o.day} of ${o.days} is over.`);
    // Trust, morale, debt, value and Product Goal changes, each with its cause.
    const consequences = effectsSpeech(effectLines(result.changes.effects, o.stakeholders.length));
    if (consequences) lines.push(consequences);
    // The coach's verdicts follow what happened, so a screen reader hears the card too.
    const card = coachCardFor(run);
    if (card && (card.judgements.length || card.later)) lines.push(coachSpeech({ ...card, happened: [] }));
    announce(lines.join(' '));
    if (phase === phaseBefore) play('select');
  });
}

/** Registers the run screens once and returns the store. */
export function installPlay(game: Phaser.Game): SessionStore {
  const store = getStore();
  if (!installed) {
    installed = true;
    for (const [key, scene] of SCENES) game.scene.add(key, scene, false);
    installFeedback(store);
  }
  return store;
}

/**
 * Into the classroom: with a stored place in a class, reconnects to it (the screen follows the
 * server's observation); otherwise the join form, prefilled with `code`.
 */
export function openClassroom(game: Phaser.Game, options: { resume: boolean; code?: string }): { scene: SceneKey; data: ClassroomData } {
  const store = installPlay(game);
  const saved = options.resume ? readClass() : null;
  if (saved && !store.classroom) store.enterClassroom(new ClassroomClient(saved));
  return { scene: SceneKey.Classroom, data: options.code ? { code: options.code } : {} };
}

/** Where Continue goes: the saved run's screen, or the campaign map with the reason it could not open. */
export function continueLast(scenarioId: string, slot: SaveSlot = 'main'): { scene: SceneKey; error: string | null } {
  const opened = getStore().resume(scenarioId, slot);
  return opened.ok ? { scene: sceneForPhase(opened.run.step.phase), error: null } : { scene: SceneKey.CampaignMap, error: opened.message };
}

/** Opens the learner's run the class dashboard sends (replay/from-dashboard.ts) in the replay viewer (call installPlay first). */
export async function openFromDashboard(): Promise<LinkOutcome> {
  const sent = await receiveFromDashboard();
  if (!sent.ok) return { kind: 'stay', notice: { tone: 'error', title: 'No run to show.', text: sent.message } };
  const opened = openInViewer(getStore(), sent.replay, 'title', sent.source);
  if (!opened.ok) return { kind: 'stay', notice: { tone: 'error', title: 'This run cannot be shown.', text: opened.reason } };
  return { kind: 'go', scene: SceneKey.ReplayViewer };
}

/** Follows a challenge or replay link the game was opened with (call installPlay first). */
export function followLink(address: string): Promise<LinkOutcome> {
  return followGameLink(getStore(), address);
}
