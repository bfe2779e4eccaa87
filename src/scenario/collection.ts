import { loadWithSource, internalProblem, type LoadedCampaign, type LoadedScenario, type Source } from './load';
import { pathProblem } from './locate';
import type { ParsedSource } from './parse';
import { quote } from './describe';
import type { Problem } from './problem';

/** Every valid scenario and campaign of a set of files, and the problems of the rest. */
export interface LoadedCollection {
  scenarios: LoadedScenario[];
  campaigns: LoadedCampaign[];
  problems: Problem[];
}

/** One file's name and content, as read from disk or from a bundler's raw import. */
export interface SourceFile {
  fileName: string;
  source: Source;
}

const DATA_FILE = /\.(json|ya?ml)$/i;

/** Whether a file in `scenarios/` is scenario data: `*.json|*.yaml|*.yml`, not `schema.json`, not hidden. */
export function isScenarioFileName(fileName: string): boolean {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return DATA_FILE.test(base) && base.toLowerCase() !== 'schema.json' && !base.startsWith('.');
}

type Entry<T> = { loaded: T; parsed: ParsedSource };

function listNames(ids: Iterable<string>): string {
  const list = [...ids].slice(0, 10).map((id) => quote(id));
  return list.length === 0 ? 'there are none' : `one of ${list.join(', ')}`;
}

function crossCheck(scenarios: Entry<LoadedScenario>[], campaigns: Entry<LoadedCampaign>[], problems: Problem[]): LoadedCollection {
  const bad = new Set<object>();
  const firstById = <T>(entries: Entry<T>[], idOf: (t: T) => string, what: string) => {
    const byId = new Map<string, Entry<T>>();
    for (const e of entries) {
      const first = byId.get(idOf(e.loaded));
      if (first) {
        problems.push(pathProblem(e.parsed, ['id'], `expected a ${what} id not used by another file, found ${quote(idOf(e.loaded))}, already used in ${first.parsed.file}`));
        bad.add(e);
      } else byId.set(idOf(e.loaded), e);
    }
    return byId;
  };
  const scenarioById = firstById(scenarios, (s) => s.scenario.id, 'scenario');
  const campaignById = firstById(campaigns, (c) => c.campaign.id, 'campaign');

  for (const c of campaigns) {
    c.loaded.campaign.scenarios.forEach((id, i) => {
      const s = scenarioById.get(id);
      if (!s) {
        problems.push(pathProblem(c.parsed, ['scenarios', i], `expected a scenario id (${listNames(scenarioById.keys())}), found ${quote(id)}`));
        bad.add(c);
      } else if (s.loaded.scenario.campaign !== undefined && s.loaded.scenario.campaign !== c.loaded.campaign.id) {
        problems.push(pathProblem(c.parsed, ['scenarios', i], `expected a scenario of this campaign, found ${quote(id)}, which belongs to campaign ${quote(s.loaded.scenario.campaign)}`));
        bad.add(c);
      }
    });
  }
  for (const s of scenarios) {
    const campaignId = s.loaded.scenario.campaign;
    if (campaignId === undefined) continue;
    const c = campaignById.get(campaignId);
    if (!c) {
      problems.push(pathProblem(s.parsed, ['campaign'], `expected a campaign id (${listNames(campaignById.keys())}), found ${quote(campaignId)}`));
      bad.add(s);
    } else if (!c.loaded.campaign.scenarios.includes(s.loaded.scenario.id)) {
      problems.push(pathProblem(s.parsed, ['campaign'], `expected a campaign that lists this scenario, found ${quote(campaignId)}, whose scenarios do not include ${quote(s.loaded.scenario.id)}`));
      bad.add(s);
    }
  }
  return {
    scenarios: scenarios.filter((e) => !bad.has(e)).map((e) => e.loaded),
    campaigns: campaigns.filter((e) => !bad.has(e)).map((e) => e.loaded),
    problems,
  };
}

/**
 * Loads a set of scenario and campaign files and checks what spans files: ids unique across
 * files, campaigns naming existing scenarios, a scenario's `campaign` naming a campaign that lists
 * it. Only fully valid files are returned; everything else is in `problems`. Files are taken in
 * name order so results and problems do not depend on directory order. Pure: no Node APIs, so
 * the browser can feed it `import.meta.glob` raw imports. Never throws.
 */
export function loadCollection(files: readonly SourceFile[]): LoadedCollection {
  const problems: Problem[] = [];
  try {
    const scenarios: Entry<LoadedScenario>[] = [];
    const campaigns: Entry<LoadedCampaign>[] = [];
    const sorted = [...files].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
    for (const f of sorted) {
      const r = loadWithSource(f.source, f.fileName);
      if (!r.ok) problems.push(...r.problems);
      else if (r.loaded.kind === 'scenario') scenarios.push({ loaded: r.loaded, parsed: r.parsed });
      else campaigns.push({ loaded: r.loaded, parsed: r.parsed });
    }
    return crossCheck(scenarios, campaigns, problems);
  } catch (e) {
    return { scenarios: [], campaigns: [], problems: [...problems, internalProblem('(scenario collection)', e)] };
  }
}
