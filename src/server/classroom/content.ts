import type { Scenario } from '../../engine';
import { formatProblem } from '../../scenario';
import { loadScenarioDir } from '../../scenario/fs';
import type { ScenarioRef } from '../store/rows';

export interface ContentScenario {
  scenario: Scenario;
  hash: string;
}

export interface ContentCampaign {
  id: string;
  title: string;
  description: string;
  scenarioIds: string[];
}

/** What a facilitator can start a class with: the valid scenarios and campaigns of one directory. */
export class Content {
  constructor(
    readonly scenarios: ReadonlyMap<string, ContentScenario>,
    readonly campaigns: ReadonlyMap<string, ContentCampaign>,
    readonly problems: readonly string[],
  ) {}

  static async load(dir?: string): Promise<Content> {
    const all = await loadScenarioDir(dir);
    return new Content(
      new Map(all.scenarios.map((s) => [s.scenario.id, { scenario: s.scenario, hash: s.hash }])),
      new Map(all.campaigns.map((c) => [c.campaign.id, { id: c.campaign.id, title: c.campaign.title, description: c.campaign.description ?? '', scenarioIds: [...c.campaign.scenarios] }])),
      all.problems.map(formatProblem),
    );
  }

  /** The scenarios a class plays, in order, or why it cannot. */
  resolve(kind: 'scenario' | 'campaign', id: string): { ok: true; refs: ScenarioRef[]; title: string } | { ok: false; message: string } {
    if (kind === 'scenario') {
      const s = this.scenarios.get(id);
      return s ? { ok: true, refs: [{ id, hash: s.hash }], title: s.scenario.title } : { ok: false, message: `no scenario has id "${id.slice(0, 80)}"` };
    }
    const c = this.campaigns.get(id);
    if (!c) return { ok: false, message: `no campaign has id "${id.slice(0, 80)}"` };
    const refs: ScenarioRef[] = [];
    for (const sid of c.scenarioIds) {
      const s = this.scenarios.get(sid);
      if (!s) return { ok: false, message: `campaign "${id}" lists scenario "${sid}", which did not load` };
      refs.push({ id: sid, hash: s.hash });
    }
    return { ok: true, refs, title: c.title };
  }

  /**
   * The exact scenarios a stored class was started with. A scenario file edited since then would
   * re-simulate stored actions differently, so it is refused rather than silently diverging.
   */
  scenariosFor(refs: readonly ScenarioRef[]): { ok: true; scenarios: ContentScenario[] } | { ok: false; message: string } {
    const out: ContentScenario[] = [];
    for (const r of refs) {
      const s = this.scenarios.get(r.id);
      if (!s) return { ok: false, message: `scenario "${r.id}" is no longer in the scenario directory` };
      if (s.hash !== r.hash) return { ok: false, message: `scenario "${r.id}" changed since the class started (hash ${r.hash.slice(0, 12)}…, now ${s.hash.slice(0, 12)}…)` };
      out.push(s);
    }
    return { ok: true, scenarios: out };
  }

  /** The list the facilitator's page offers. */
  catalogue(): { scenarios: { id: string; title: string; summary: string; sprints: number; events: { id: string; title: string }[] }[]; campaigns: { id: string; title: string; description: string; scenarios: string[] }[] } {
    return {
      scenarios: [...this.scenarios.values()].map(({ scenario: s }) => ({ id: s.id, title: s.title, summary: s.summary, sprints: s.sprints, events: s.events.map((e) => ({ id: e.id, title: e.title })) })),
      campaigns: [...this.campaigns.values()].map((c) => ({ id: c.id, title: c.title, description: c.description, scenarios: [...c.scenarioIds] })),
    };
  }
}
