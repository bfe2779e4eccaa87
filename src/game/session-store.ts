/**
 * The one adapter between the engine and the game. It owns the engine session, saves every
 * action the moment it is taken, resumes saved runs by re-simulating them, imports and exports
 * saves, keeps the cross-run knowledge map, and tells subscribers what changed. Scenes read its
 * snapshot and call `dispatch`: they never touch the engine or storage themselves.
 */
import {
  createSession,
  engineCompatible,
  ENGINE_VERSION,
  parseReplay,
  type Action,
  type DispatchResult,
  type Effect,
  type Evidence,
  type ReplayLog,
  type Report,
  type Session,
  type Step,
} from '../engine';
import { prefixReplay, verifyReplayValue } from '../replay';
import { describeReplayProblem } from './replay/problems';
import type { LoadedCampaign, LoadedCollection, LoadedScenario } from '../scenario';
import { completedScenarios, emptyKnowledgeMap, KNOWLEDGE_MAP_VERSION, mergeRun, summarizeRun, type KnowledgeMap } from '../assessment';
import { loadCatalogue } from './catalogue';
import { SAVE_FORMAT, SAVE_VERSION, readSaveText, type BranchOrigin, type SaveFile, type SaveSummary } from './save/format';
import { listSaves, rawSave, readSave, removeSave, writeSave, type SaveSlot, type StoredSave } from './save/storage';
import { committedPoints, trackOf, type SprintMarks, type SprintTrack } from './view/burndown';
import type { ClassroomClient, ClassroomEvent, ClassroomStatus, FinishedRun } from './classroom/client';
import { readFinished, setClassActiveInTab, writeFinished } from './classroom/saved';
import type { Debrief as DebriefData } from '../assessment/debrief';
import type { Observation } from '../engine/observe';
import { announce } from './dom/announce';
import { ClassEffectLedger, EffectLedger } from './view/effect-ledger';
import { setClassCoach } from './coach/mode';

export interface Notice {
  tone: 'info' | 'warning' | 'error';
  text: string;
}

/** What scenes render: the current observation and legal actions, plus what the shell tracked. */
export interface RunView {
  scenario: LoadedScenario;
  campaign: LoadedCampaign | null;
  step: Step;
  /** Actions taken so far. */
  steps: number;
  stateHash: string;
  /** The current Sprint's burndown: the engine's daily figures, with the start and event days the shell saw. */
  track: SprintTrack | null;
  /** What the last accepted action changed. */
  last: { messages: string[]; evidence: Evidence[]; /** The kind of choice it was, for the coach. */ choice?: Action['type'] | null; /** Trust, morale, debt, value and goal changes, with causes. */ effects?: Effect[] } | null;
  /** Every consequence seen so far in the current Sprint (rebuilt when a save is resumed): the report card reads it. */
  sprintEffects: readonly Effect[];
  /**
   * In a class, when some of the current Sprint's effects never reached this page (it was reloaded
   * or rejoined part-way through the Sprint, or an answer was lost): `sprintEffects` is then only
   * part of them, and the report card does not sum them. Absent or false: they are all there.
   */
  sprintEffectsPartial?: boolean;
  /** Why the last action was refused, until the next one is accepted. */
  error: string | null;
  /** Set when the simulation itself failed (a bug): the screens show it instead of crashing. */
  fault: string | null;
  /** Things the player must know about the run (a save that failed, a run resumed under a newer scenario). */
  notices: Notice[];
  /** Which run this is, counted from 1 since the page opened: screens keep unsent work for their run only. */
  runNumber: number;
}

export type StoreEvent =
  | { type: 'changed'; run: RunView; result: DispatchResult | null }
  /** `next`: where the player goes (the campaign map by default). */
  | { type: 'closed'; next?: 'title' | 'classroom' }
  /** Classroom mode without a run on screen (connecting, removed...): the status changed. */
  | { type: 'classroom' };
export type OpenResult = { ok: true; run: RunView } | { ok: false; message: string };
export type ImportCheck =
  | { ok: true; save: SaveFile; scenario: LoadedScenario; steps: number; slot: SaveSlot; replaces: StoredSave | null }
  | { ok: false; message: string };

const KNOWLEDGE_KEY = 'sprintwise.knowledge';

/** A seed for a new run: `?seed=` in the address (shared links, tests), else a random one. */
function newSeed(): string {
  const fromUrl = new URLSearchParams(location.search).get('seed');
  if (fromUrl && fromUrl.length <= 200) return fromUrl;
  const bytes = new Uint32Array(2);
  crypto.getRandomValues(bytes);
  return `run-${Array.from(bytes, (n) => n.toString(36)).join('')}`;
}

function summaryOf(step: Step, scenario: LoadedScenario, steps: number): SaveSummary {
  const o = step.observation;
  return { scenarioTitle: scenario.scenario.title, phase: step.phase, sprint: o.sprint, sprints: o.sprints, day: o.day, step: steps, done: step.done };
}

export class SessionStore {
  readonly catalogue: LoadedCollection;
  private session: Session | null = null;
  private scenario: LoadedScenario | null = null;
  /** Where the local run is saved, and where a branch run came from. */
  private slot: SaveSlot = 'main';
  private origin: BranchOrigin | null = null;
  private tracks = new Map<number, SprintMarks>();
  private last: RunView['last'] = null;
  private error: string | null = null;
  private notices: Notice[] = [];
  private hash = '';
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private view: RunView | null = null;
  private runNumber = 0;
  // Classroom mode: the server simulates; these hold what it sent.
  private remote: ClassroomClient | null = null;
  private remoteStep: Step | null = null;
  private remoteScenario: LoadedScenario | null = null;
  private finishedRuns: FinishedRun[] = [];
  private classNotices: Notice[] = [];
  private lastStatusText = '';
  private ledger = new EffectLedger();
  /** The kind of the choice sent to the class server, for the coach when its answer comes. */
  private remoteChoice: Action['type'] | null = null;
  /** The class's effects by Sprint, from the acks, and the Sprints seen whole. */
  private classLedger = new ClassEffectLedger();

  constructor(catalogue: LoadedCollection) {
    this.catalogue = catalogue;
  }

  /** The run on screen, or null on the map. */
  get run(): RunView | null {
    return this.view;
  }

  subscribe(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  findScenario(id: string): LoadedScenario | undefined {
    return this.catalogue.scenarios.find((s) => s.scenario.id === id);
  }

  campaignOf(scenarioId: string): LoadedCampaign | null {
    return this.catalogue.campaigns.find((c) => c.campaign.scenarios.includes(scenarioId)) ?? null;
  }

  /** Starts a new run of `scenarioId`, replacing its save. The empty run is saved at once. */
  start(scenarioId: string, seed: string = newSeed()): OpenResult {
    const loaded = this.findScenario(scenarioId);
    if (!loaded) return { ok: false, message: `There is no scenario "${scenarioId}" in this version of the game.` };
    this.open(loaded, createSession(loaded.scenario, seed, loaded.hash), []);
    this.persist();
    return { ok: true, run: this.emit(null) };
  }

  /** Continues the saved run (or the saved branch) of `scenarioId` by re-simulating its actions. */
  resume(scenarioId: string, slot: SaveSlot = 'main'): OpenResult {
    const stored = readSave(scenarioId, slot);
    if (!stored) return { ok: false, message: slot === 'branch' ? 'There is no saved branch for this scenario.' : 'There is no saved game for this scenario.' };
    if (stored.status === 'corrupt') return { ok: false, message: `The saved game could not be read: ${stored.message}. It is kept as it is: you can export it or discard it.` };
    return this.restore(stored.save, false, slot);
  }

  /**
   * Takes over `replay` after its first `step` actions as a new run saved in the scenario's
   * branch slot, so the original's save stays as it is. The replay is verified first (by
   * `prefixReplay`); the branch keeps it, for the debrief's side-by-side comparison.
   */
  branchFrom(replay: ReplayLog, step: number): OpenResult {
    if (this.remote) return { ok: false, message: 'A run cannot be branched during a class.' };
    const loaded = this.findScenario(replay.scenarioId);
    if (!loaded) return { ok: false, message: `This replay is of scenario "${replay.scenarioId}", which this version of the game does not include.` };
    const prefix = prefixReplay(loaded.scenario, loaded.hash, replay, step);
    if (!prefix.ok) return { ok: false, message: `This run cannot be branched: ${describeReplayProblem(prefix.kind === 'badStep' ? { kind: 'malformed', message: prefix.message } : prefix)}.` };
    const save: SaveFile = { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: '', summary: null, replay: prefix.replay, branch: { step, from: replay } };
    const opened = this.restore(save, true, 'branch');
    if (!opened.ok) return opened;
    this.persist();
    // Said once, in the screen's "What happened", so the learner knows whose run this is now.
    this.last = { messages: [`Branch started after ${step} of the original run's ${replay.actions.length} choices. It is saved on its own; the original stays as it was.`], evidence: [] };
    return { ok: true, run: this.emit(null) };
  }

  /** Where the local run on screen is saved: the scenario's own run, or its branch. */
  get runSlot(): SaveSlot {
    return this.slot;
  }

  /** On a branch run, the run it was taken over from; null otherwise. */
  get branchOrigin(): BranchOrigin | null {
    return this.session ? this.origin : null;
  }

  /** The local run as a replay (for the viewer, links and replay files); null in a class or on the map. */
  replayLog(): ReplayLog | null {
    return this.remote ? null : (this.session?.replayLog() ?? null);
  }

  /**
   * Takes a listed action (`{ id }`) or a full action object. Accepted actions are saved before
   * subscribers hear of them, so a closed tab never loses a decision.
   */
  dispatch(input: { id: string; text?: string } | Action, options: { refusalShownByCaller?: boolean } = {}): DispatchResult | null {
    if (this.remote) return this.dispatchRemote(input);
    const session = this.session;
    if (!session) return { ok: false, error: { code: 'finished', message: 'No game is running.' } };
    let result: DispatchResult;
    const choice = 'type' in input ? input.type : (session.legalActions().find((a) => a.id === input.id)?.action.type ?? null);
    // Effects belong to the Sprint the choice was made in (the Retrospective's choice starts the next).
    const sprint = session.state.sprint;
    try {
      result = session.dispatch(input);
    } catch (e) {
      // A bug in the simulation must not take the page down; the last good save stays as it is.
      result = { ok: false, error: { code: 'illegalNow', message: `the simulation failed on this choice (${describeError(e)}); your game is saved up to the previous choice` } };
    }
    if (result.ok) {
      try {
        this.track(session, result);
      } catch {
        // See emit(): the fault is reported there.
      }
      this.last = { messages: result.changes.messages, evidence: result.changes.evidence, choice, effects: result.changes.effects };
      this.ledger.add(sprint, result.changes.effects);
      this.error = null;
      this.persist();
      if (result.done) this.recordFinishedRun();
    } else {
      // A writing field shows its refusal beside the text; the screen's box would say it twice.
      this.error = options.refusalShownByCaller ? null : result.error.message;
    }
    this.emit(result);
    return result;
  }

  /** Leaves the run (it stays saved). In a class: back to the title; the place in the class is kept. */
  close(): void {
    if (this.remote) {
      this.leaveClassroom(false);
      return;
    }
    this.session = null;
    this.scenario = null;
    this.view = null;
    this.publishStatus();
    for (const listener of this.listeners) listener({ type: 'closed' });
  }

  /** The engine's report of the current run, for the debrief. */
  report(): Report | null {
    if (this.remote) return (this.finishedRun()?.report as Report | undefined) ?? null;
    return this.session?.report() ?? null;
  }

  // ── classroom mode ─────────────────────────────────────────────────────────────────────

  /** The class being played, or null for a local game. */
  get classroom(): ClassroomClient | null {
    return this.remote;
  }

  /** Plays a class: the server's observations replace the local engine session. */
  enterClassroom(client: ClassroomClient): void {
    if (this.remote && this.remote !== client) this.remote.stop();
    this.session = null;
    this.scenario = null;
    this.view = null;
    this.remote = client;
    this.remoteStep = null;
    this.remoteScenario = null;
    this.tracks = new Map();
    this.last = null;
    this.error = null;
    this.notices = [];
    this.classNotices = [];
    this.lastStatusText = '';
    this.finishedRuns = readFinished<FinishedRun>();
    setClassActiveInTab(true);
    client.onEvent((event) => this.onRemote(event));
    client.start();
    this.publishStatus();
  }

  /** Leaves the class for the title screen; `forget` also drops the token (no way back). */
  leaveClassroom(forget: boolean): void {
    const client = this.remote;
    if (!client) return;
    client.stop(forget);
    setClassActiveInTab(false);
    this.remote = null;
    this.remoteStep = null;
    this.remoteScenario = null;
    this.view = null;
    this.publishStatus();
    for (const listener of this.listeners) listener({ type: 'closed', next: 'title' });
  }

  /** The server's report and debrief of the scenario on screen, once it has ended. */
  finishedRun(): FinishedRun | null {
    const id = this.remoteStep?.observation.scenario.id;
    return [...this.finishedRuns].reverse().find((f) => f.scenarioId === id) ?? null;
  }

  /** The debrief the server built for the scenario on screen. */
  classDebrief(): DebriefData | null {
    return (this.finishedRun()?.debrief as DebriefData | undefined) ?? null;
  }

  private dispatchRemote(input: { id: string; text?: string } | Action): DispatchResult | null {
    const client = this.remote!;
    if (!this.remoteStep) return { ok: false, error: { code: 'finished', message: 'The class has not sent your game yet.' } };
    // One choice at a time: the next waits for the server's answer (a double click sends one).
    if (client.busy) return null;
    this.remoteChoice = 'type' in input ? input.type : (this.remoteStep.actions.find((a) => a.id === input.id)?.action.type ?? null);
    if (!client.act({ ...input })) {
      const message = client.status.removed ?? client.status.fatal ?? 'This choice cannot be sent now.';
      this.error = message;
      const result: DispatchResult = { ok: false, error: { code: 'notAllowedNow', message } };
      this.emit(result);
      return result;
    }
    return null;
  }

  private onRemote(event: ClassroomEvent): void {
    switch (event.type) {
      case 'observation': {
        const m = event.message;
        const step: Step = {
          phase: m.phase,
          observation: m.observation,
          done: m.done,
          actions: m.actions.map((a) => ({ ...a, action: { type: a.type, ...a.params } as Action })),
        };
        const before = this.remoteStep;
        const newRun = !this.remoteScenario || before?.observation.scenario.id !== step.observation.scenario.id;
        if (newRun) {
          this.runNumber++;
          this.remoteScenario = this.scenarioFor(step.observation);
          this.tracks = new Map();
          if (before) this.last = null;
        }
        const sprint = step.observation.sprint;
        if (!before) {
          // Opened (or reopened) here: earlier effects are not sent again, so only a game with no
          // action taken yet has its Sprint seen whole. After `welcome`, `nextSeq` is above every
          // seq the server accepted (from any tab); what is still pending here gets its ack later.
          const { nextSeq, pending } = this.remote!.saved;
          this.classLedger.restart(nextSeq - pending.length <= 1 ? sprint : null);
        } else if (newRun || sprint < before.observation.sprint) {
          // The next scenario of the class: it starts with no action taken, unless one was missed on the way.
          this.classLedger.restart(event.acked ? sprint : null);
        } else if (event.acked) {
          this.classLedger.acked(before.observation.sprint, sprint, event.effects ?? []);
        }
        let result: DispatchResult | null = null;
        if (event.acked && before) {
          const messages = newLines(before.observation.log, step.observation.log);
          result = { ok: true, changes: { phaseBefore: before.phase, phase: step.phase, messages, evidence: event.evidence ?? [], effects: event.effects ?? [] }, done: step.done };
          this.last = { messages, evidence: event.evidence ?? [], choice: this.remoteChoice, effects: event.effects ?? [] };
          this.error = null;
          try {
            this.trackObservation(before.phase, step.phase, step.observation);
          } catch {
            // the burndown is a view only
          }
        } else if (!before && step.phase.startsWith('sprint.execution')) {
          // Joined mid-Sprint: the start is read from the engine's first day (see trackOf).
          const o = step.observation;
          this.tracks.set(o.sprint, { start: o.day === 0 ? committedPoints(o) : (o.currentSprint?.scope[0] ?? committedPoints(o)), eventDays: [] });
        }
        this.remoteStep = step;
        this.emit(result);
        return;
      }
      case 'missed': {
        this.classLedger.missed();
        if (this.view && this.remoteStep) this.emit(null);
        return;
      }
      case 'refused': {
        this.error = event.message;
        if (this.remoteStep) this.emit({ ok: false, error: { code: 'notAllowedNow', message: event.message } });
        else announce(`Not possible: ${event.message}`);
        return;
      }
      case 'finished': {
        this.finishedRuns = [...this.finishedRuns.filter((f) => f.run !== event.finished.run), event.finished];
        writeFinished(this.finishedRuns);
        const title = this.findScenario(event.finished.scenarioId)?.scenario.title ?? event.finished.scenarioId;
        const value = (event.finished.report as { outcomes?: { valuePercent?: number } } | null)?.outcomes?.valuePercent;
        this.classNotices.push({ tone: 'info', text: `You finished “${title}”${typeof value === 'number' ? `: ${Math.round(value)}% of the value available realised` : ''}.` });
        return;
      }
      case 'notice':
        this.classNotices.push({ tone: 'info', text: `Your facilitator added an event: ${event.text}` });
        announce(`Your facilitator added an event: ${event.text}`);
        if (this.view) this.emit(null);
        return;
      case 'status': {
        const status = this.remote!.status;
        const text = statusLines(status)
          .filter((n) => n.tone !== 'info')
          .map((n) => n.text)
          .join(' ');
        if (text !== this.lastStatusText) {
          if (text) announce(text);
          else if (this.lastStatusText && status.connection === 'open') announce('Back in the class.');
          this.lastStatusText = text;
        }
        if (status.removed || status.fatal || status.replaced) {
          // Nothing more can be played: the classroom screen says why and offers the way on.
          this.view = null;
          this.remoteStep = null;
          setClassActiveInTab(false);
          this.publishStatus();
          for (const listener of this.listeners) listener({ type: 'closed', next: 'classroom' });
          return;
        }
        if (this.view && this.remoteStep) this.emit(null);
        else for (const listener of this.listeners) listener({ type: 'classroom' });
        return;
      }
    }
  }

  private scenarioFor(o: Observation): LoadedScenario {
    // A class may use a scenario this build does not bundle: the screens need only its identity.
    return this.findScenario(o.scenario.id) ?? ({ scenario: { ...o.scenario, targets: [] }, hash: '', source: '' } as unknown as LoadedScenario);
  }

  private emitRemote(result: DispatchResult | null): RunView {
    const step = this.remoteStep!;
    const scenario = this.remoteScenario!;
    const client = this.remote!;
    const sprint = this.classLedger.of(step.observation.sprint);
    let track: SprintTrack | null = null;
    try {
      track = trackOf(step.observation, this.tracks.get(step.observation.sprint) ?? null);
    } catch {
      track = null;
    }
    const view: RunView = {
      scenario,
      campaign: this.campaignOf(scenario.scenario.id),
      step,
      steps: client.steps,
      stateHash: '',
      track,
      last: this.last,
      sprintEffects: sprint.effects,
      sprintEffectsPartial: !sprint.whole,
      error: this.error,
      fault: null,
      notices: [...statusLines(client.status), ...this.classNotices.slice(-3), ...this.notices],
      runNumber: this.runNumber,
    };
    this.view = view;
    this.publishStatus();
    for (const listener of this.listeners) listener({ type: 'changed', run: view, result });
    return view;
  }

  saves(slot: SaveSlot = 'main'): StoredSave[] {
    return listSaves(slot);
  }

  discardSave(scenarioId: string, slot: SaveSlot = 'main'): void {
    if (this.scenario?.scenario.id === scenarioId && this.slot === slot) this.close();
    removeSave(scenarioId, slot);
  }

  /** A file to download: the live run's save, or the stored text (even a damaged one). */
  exportSave(scenarioId: string, slot: SaveSlot = 'main'): { fileName: string; text: string } | null {
    const live = this.session && this.scenario?.scenario.id === scenarioId && this.slot === slot;
    const text = live ? JSON.stringify(this.saveFile(), null, 2) : rawSave(scenarioId, slot);
    if (text === null) return null;
    return { fileName: `sprintwise-${scenarioId}${slot === 'branch' ? '-branch' : ''}-save.json`, text };
  }

  /** Reads and verifies an imported file (a save or a bare replay) without storing anything. */
  checkImport(text: string): ImportCheck {
    const read = readSaveText(text);
    if (!read.ok) return { ok: false, message: `This file is not a Sprintwise save: ${read.message}.` };
    const replay = read.save.replay;
    const loaded = this.findScenario(replay.scenarioId);
    if (!loaded) return { ok: false, message: `This save is for scenario "${replay.scenarioId}", which this version of the game does not include.` };
    // The CLI's verifier, with its kinds: the message says what is wrong and at which step.
    const verified = verifyReplayValue(replay, (id) => (id === loaded.scenario.id ? loaded : null));
    if (!verified.ok) return { ok: false, message: `The save did not pass verification: ${describeReplayProblem(verified)}.` };
    // A branch's save goes back to the branch slot, beside the scenario's own run.
    const slot: SaveSlot = read.save.branch ? 'branch' : 'main';
    const existing = readSave(replay.scenarioId, slot);
    return { ok: true, save: read.save, scenario: loaded, steps: verified.steps, slot, replaces: existing };
  }

  /** Stores a checked import as the scenario's save (or branch) and opens it. */
  applyImport(check: Extract<ImportCheck, { ok: true }>): OpenResult {
    const opened = this.restore(check.save, true, check.slot);
    if (opened.ok) this.persist();
    return opened;
  }

  knowledgeMap(): { map: KnowledgeMap; problem: string | null } {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(KNOWLEDGE_KEY);
    } catch {
      return { map: emptyKnowledgeMap(), problem: 'The browser does not allow this page to store data, so nothing from earlier runs is available.' };
    }
    if (raw === null) return { map: emptyKnowledgeMap(), problem: null };
    try {
      const value = JSON.parse(raw) as KnowledgeMap;
      if (value && value.version === KNOWLEDGE_MAP_VERSION && Array.isArray(value.runs)) return { map: value, problem: null };
    } catch {
      // fall through to the message below
    }
    return { map: emptyKnowledgeMap(), problem: 'Your knowledge map could not be read, so it starts empty again. Finished runs will fill it.' };
  }

  completed(): string[] {
    const fromMap = completedScenarios(this.knowledgeMap().map);
    const fromSaves = this.saves().flatMap((s) => (s.status === 'ok' && s.save.summary?.done ? [s.scenarioId] : []));
    return [...new Set([...fromMap, ...fromSaves])];
  }

  private restore(save: SaveFile, imported: boolean, slot: SaveSlot = 'main'): OpenResult {
    const replay = save.replay;
    const loaded = this.findScenario(replay.scenarioId);
    if (!loaded) return { ok: false, message: `This save is for scenario "${replay.scenarioId}", which this version of the game does not include. The save is kept.` };
    const parsed = parseReplay(replay);
    if (!parsed.ok) return { ok: false, message: `The saved game is damaged (${parsed.message}). It is kept as it is: you can export it or discard it.` };
    const notices: Notice[] = [];
    if (!engineCompatible(parsed.replay.engineVersion))
      notices.push({ tone: 'warning', text: `This game was saved by simulation version ${parsed.replay.engineVersion}; this is ${ENGINE_VERSION}. It continues, but outcomes may differ from the original run.` });
    if (parsed.replay.scenarioHash !== loaded.hash)
      notices.push({ tone: 'warning', text: 'The scenario has been updated since this game was saved. Your run continues with the new version.' });

    const session = createSession(loaded.scenario, parsed.replay.seed, loaded.hash);
    this.tracks = new Map();
    this.ledger = new EffectLedger();
    for (let i = 0; i < parsed.replay.actions.length; i++) {
      const action = parsed.replay.actions[i]!;
      const sprint = session.state.sprint;
      let result: DispatchResult;
      try {
        result = session.dispatch(action);
      } catch (e) {
        result = { ok: false, error: { code: 'illegalNow', message: `the simulation failed (${describeError(e)})` } };
      }
      if (!result.ok)
        return {
          ok: false,
          message: `The saved game could not be replayed: step ${i + 1} (${action.type}) was refused (${result.error.message}). It is kept as it is: you can export it or discard it.`,
        };
      this.ledger.add(sprint, result.changes.effects);
      try {
        this.track(session, result);
      } catch {
        // The burndown is a view: a failing observation must not block the resume.
      }
    }
    if (notices.length === 0 && !imported && session.stateHash() !== parsed.replay.finalHash)
      notices.push({ tone: 'warning', text: 'The resumed game differs slightly from the saved one (the simulation has changed). It continues from here.' });
    const tracks = this.tracks;
    const ledger = this.ledger;
    this.open(loaded, session, notices, slot, save.branch);
    this.tracks = tracks;
    this.ledger = ledger;
    this.hash = session.stateHash();
    if (session.done) this.recordFinishedRun();
    return { ok: true, run: this.emit(null) };
  }

  private open(loaded: LoadedScenario, session: Session, notices: Notice[], slot: SaveSlot = 'main', origin: BranchOrigin | null = null): void {
    this.session = session;
    this.runNumber++;
    this.scenario = loaded;
    this.slot = slot;
    this.origin = origin;
    this.tracks = new Map();
    this.ledger = new EffectLedger();
    this.last = null;
    this.error = null;
    this.notices = notices;
    this.hash = session.stateHash();
  }

  /** Notes what the observation does not keep: the Sprint Backlog's size at the start, and the days events came up. */
  private track(session: Session, result: Extract<DispatchResult, { ok: true }>): void {
    const { phaseBefore, phase } = result.changes;
    const inExecution = (p: string) => p.startsWith('sprint.execution');
    if (!inExecution(phaseBefore) && !inExecution(phase)) return;
    this.trackObservation(phaseBefore, phase, session.observe().observation);
  }

  private trackObservation(phaseBefore: string, phase: string, o: Observation): void {
    const inExecution = (p: string) => p.startsWith('sprint.execution');
    if (!inExecution(phaseBefore) && !inExecution(phase)) return;
    if (!inExecution(phaseBefore)) {
      this.tracks.set(o.sprint, { start: committedPoints(o), eventDays: [] });
      return;
    }
    const t = this.tracks.get(o.sprint);
    if (!t) return;
    if (o.pendingEvent && !t.eventDays.includes(o.day)) t.eventDays.push(o.day);
  }

  private saveFile(): SaveFile {
    const session = this.session!;
    const replay = session.replayLog();
    this.hash = replay.finalHash;
    let summary: SaveSummary | null = null;
    try {
      summary = summaryOf(session.observe(), this.scenario!, session.step);
    } catch {
      // The replay is what matters; the summary is only for the menus.
    }
    return { format: SAVE_FORMAT, version: SAVE_VERSION, savedAt: new Date().toISOString(), summary, replay, branch: this.origin };
  }

  private persist(): void {
    const written = writeSave(this.saveFile(), this.slot);
    this.notices = this.notices.filter((n) => !n.text.startsWith('Could not save'));
    if (!written.ok) this.notices.push({ tone: 'error', text: written.message });
  }

  private recordFinishedRun(): void {
    const session = this.session;
    if (!session || !session.done) return;
    let report: Report;
    try {
      report = session.report();
    } catch {
      return;
    }
    const runId = `${session.scenario.id}:${session.seed}:${session.stateHash().slice(0, 16)}`;
    const { run } = summarizeRun(runId, session.scenario.id, report.evidence);
    const next = mergeRun(this.knowledgeMap().map, run);
    try {
      localStorage.setItem(KNOWLEDGE_KEY, JSON.stringify(next));
    } catch {
      this.notices.push({ tone: 'warning', text: 'Your knowledge map could not be updated: the browser refused to store data.' });
    }
  }

  private emit(result: DispatchResult | null): RunView {
    setClassCoach(this.remote?.status.class?.coach ?? null);
    if (this.remote) return this.emitRemote(result);
    const session = this.session!;
    const scenario = this.scenario!;
    let step: Step;
    let fault: string | null = null;
    try {
      step = session.observe();
      void step.actions;
    } catch (e) {
      fault = describeError(e);
      const phase = session.state.phase;
      step = {
        phase,
        done: false,
        actions: [],
        get observation(): Step['observation'] {
          throw new Error(fault ?? 'no observation');
        },
      };
    }
    let track: SprintTrack | null = null;
    try {
      track = trackOf(step.observation, this.tracks.get(step.observation.sprint) ?? null);
    } catch {
      fault ??= 'the observation could not be built';
    }
    const view: RunView = {
      scenario,
      campaign: this.campaignOf(scenario.scenario.id),
      step,
      steps: session.step,
      stateHash: this.hash,
      track,
      last: this.last,
      sprintEffects: this.ledger.of(session.state.sprint),
      error: this.error,
      fault,
      notices: [...this.notices],
      runNumber: this.runNumber,
    };
    this.view = view;
    this.publishStatus();
    for (const listener of this.listeners) listener({ type: 'changed', run: view, result });
    return view;
  }

  /** Tells tests (and the curious) where the run is: `window.__sprintwise.stateHash` etc. */
  private publishStatus(): void {
    const status = window.__sprintwise ?? { ready: false, scene: '' };
    const view = this.view;
    window.__sprintwise = view
      ? { ...status, stateHash: view.stateHash, phase: view.step.phase, step: view.steps, scenarioId: view.scenario.scenario.id, ...(this.session ? { seed: this.session.seed, slot: this.slot } : {}) }
      : { ready: status.ready, scene: status.scene };
  }
}

/** The lines of `after` (a rolling log) that `before` did not end with. */
function newLines(before: readonly string[], after: readonly string[]): string[] {
  for (let overlap = Math.min(before.length, after.length); overlap > 0; overlap--) {
    let same = true;
    for (let i = 0; i < overlap && same; i++) same = before[before.length - overlap + i] === after[i];
    if (same) return after.slice(overlap);
  }
  return [...after];
}

/** What the player must know about the class: who and where, and anything stopping play. */
export function statusLines(s: ClassroomStatus): Notice[] {
  const lines: Notice[] = [];
  const c = s.class;
  const released = c?.pacing === 'lockstep' ? ` · released up to: ${c.released?.label ?? 'nothing yet'}` : '';
  lines.push({ tone: 'info', text: `Class${s.classTitle ? ` “${s.classTitle}”` : ''} · playing as ${s.name}${released}` });
  if (s.removed) lines.push({ tone: 'error', text: s.removed });
  if (s.fatal) lines.push({ tone: 'error', text: s.fatal });
  if (s.replaced) lines.push({ tone: 'warning', text: 'This class is now open in another tab or window, so this one has stopped.' });
  if (s.connection === 'reconnecting') lines.push({ tone: 'warning', text: 'Connection to the class lost: reconnecting… Your choices are kept and sent when it is back.' });
  if (c?.status === 'ended') lines.push({ tone: 'warning', text: 'The class has ended: no more choices are taken.' });
  else if (c?.paused) lines.push({ tone: 'warning', text: 'Your facilitator has paused the class. Wait until it resumes.' });
  if (s.waitingForRelease && !c?.paused) lines.push({ tone: 'warning', text: 'Waiting for your facilitator to release the next part of the class.' });
  return lines;
}

function describeError(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 300);
}

let store: SessionStore | null = null;

/** The game's one store, created with the bundled scenarios on first use. */
export function getStore(): SessionStore {
  return (store ??= new SessionStore(loadCatalogue()));
}
