import type { ReplayLog } from '../engine';
import { deflateRaw, fromBase64Url, inflateRaw, toBase64Url } from './encoding';
import { MAX_REPLAY_FILE_BYTES, orderedReplay } from './file';
import { clip, linkIdProblem } from './ids';
import { readReplayValue } from './verdict';

/**
 * Longest link `replayLink` makes (the whole URL, in characters). Links this long survive
 * browsers, chat apps and mail; a longer replay is shared as a file.
 */
export const MAX_LINK_LENGTH = 8192;
/** Longest `#replay=` payload `readLink` accepts: generous, for links made with a larger limit. */
export const MAX_LINK_PAYLOAD = 1024 * 1024;

/** Query keys of a challenge link, and the fragment key of a replay link. */
export const LINK_KEYS = { scenario: 'scenario', seed: 'seed', replay: 'replay' } as const;

export type MadeLink = { ok: true; url: string };
export type LinkProblem = { ok: false; tooLarge: false; message: string };
export type ReplayLinkResult =
  | (MadeLink & { length: number })
  | { ok: false; tooLarge: true; length: number; limit: number; message: string }
  | LinkProblem;

export type LinkRead =
  | { kind: 'challenge'; scenarioId: string; seed: string }
  | { kind: 'replay'; replay: ReplayLog; migratedFrom: number | null }
  | { kind: 'none' }
  | { kind: 'error'; message: string };

function baseUrl(base: string | URL): URL | string {
  let url: URL;
  try {
    url = new URL(String(base));
  } catch {
    return `the base address ${JSON.stringify(clip(String(base), 80))} is not an absolute URL (like https://example.org/sprintwise/)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the base address must be http or https, found ${url.protocol}`;
  url.hash = '';
  url.searchParams.delete(LINK_KEYS.scenario);
  url.searchParams.delete(LINK_KEYS.seed);
  return url;
}

/**
 * A link that starts a fresh run of a scenario with a given seed, so two players face the same
 * Sprints: `base?scenario=<id>&seed=<seed>`. Other query parameters of `base` are kept, its
 * fragment dropped. Never throws.
 */
export function challengeLink(base: string | URL, scenarioId: string, seed: string): MadeLink | LinkProblem {
  const problem = linkIdProblem('scenario', scenarioId) ?? linkIdProblem('seed', seed);
  if (problem) return { ok: false, tooLarge: false, message: problem };
  const url = baseUrl(base);
  if (typeof url === 'string') return { ok: false, tooLarge: false, message: url };
  url.searchParams.set(LINK_KEYS.scenario, scenarioId);
  url.searchParams.set(LINK_KEYS.seed, seed);
  return { ok: true, url: url.href };
}

/**
 * A link that carries a whole replay in its fragment (never sent to a server):
 * `base#replay=<base64url(deflate-raw(JSON))>`. When the link would be longer than `maxLength`
 * it returns `tooLarge` and the caller offers the replay as a file. Never throws.
 */
export async function replayLink(base: string | URL, replay: ReplayLog, options: { maxLength?: number } = {}): Promise<ReplayLinkResult> {
  const limit = options.maxLength ?? MAX_LINK_LENGTH;
  try {
    const read = readReplayValue(replay);
    if (!read.ok) return { ok: false, tooLarge: false, message: read.message };
    const url = baseUrl(base);
    if (typeof url === 'string') return { ok: false, tooLarge: false, message: url };
    const packed = toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(orderedReplay(read.replay)))));
    url.hash = `${LINK_KEYS.replay}=${packed}`;
    const href = url.href;
    if (href.length > limit)
      return { ok: false, tooLarge: true, length: href.length, limit, message: `the replay link would be ${href.length} characters long, over the ${limit} a link can carry: share the replay as a file instead` };
    return { ok: true, url: href, length: href.length };
  } catch (e) {
    return { ok: false, tooLarge: false, message: `the link could not be made: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * What an address asks for: a challenge (`?scenario=&seed=`), a replay (`#replay=`), nothing of
 * ours, or an error saying what is wrong with it. Every parameter is checked strictly; other
 * query parameters and other fragments are ignored. The replay is shape-checked (and migrated
 * from older format versions) but not verified: verify it against its scenario before showing
 * it. Never throws.
 */
export async function readLink(address: string | URL): Promise<LinkRead> {
  try {
    let url: URL;
    try {
      url = new URL(String(address));
    } catch {
      return { kind: 'error', message: 'This link is not a valid address.' };
    }
    const scenarios = url.searchParams.getAll(LINK_KEYS.scenario);
    const seeds = url.searchParams.getAll(LINK_KEYS.seed);
    const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash;
    const hasReplay = hash === LINK_KEYS.replay || hash.startsWith(`${LINK_KEYS.replay}=`);
    const hasChallenge = scenarios.length > 0 || seeds.length > 0;
    if (hasReplay && hasChallenge)
      return { kind: 'error', message: 'This link holds both a challenge (?scenario=…&seed=…) and a replay (#replay=…); open one at a time.' };
    if (hasReplay) return await readReplayFragment(hash.slice(LINK_KEYS.replay.length + 1));
    if (!hasChallenge) return { kind: 'none' };
    if (scenarios.length !== 1 || seeds.length !== 1) {
      const [name, n] = scenarios.length !== 1 ? [LINK_KEYS.scenario, scenarios.length] : [LINK_KEYS.seed, seeds.length];
      return { kind: 'error', message: `This challenge link must name exactly one ${name}, found ${n === 0 ? 'none' : n}.` };
    }
    const problem = linkIdProblem('scenario', scenarios[0]) ?? linkIdProblem('seed', seeds[0]);
    if (problem) return { kind: 'error', message: `This challenge link is not valid: ${problem}.` };
    return { kind: 'challenge', scenarioId: scenarios[0]!, seed: seeds[0]! };
  } catch (e) {
    return { kind: 'error', message: `This link could not be read (internal error: ${e instanceof Error ? e.message : String(e)}).` };
  }
}

async function readReplayFragment(payload: string): Promise<LinkRead> {
  const damaged = (why: string): LinkRead => ({ kind: 'error', message: `The replay in this link is damaged: ${why}. Ask for the replay file instead.` });
  if (payload === '') return damaged('it is empty');
  if (payload.length > MAX_LINK_PAYLOAD) return damaged(`it is ${payload.length} characters long, more than the ${MAX_LINK_PAYLOAD} accepted`);
  const bytes = fromBase64Url(payload);
  if (!bytes) return damaged('it is not base64url text (letters, digits, "-" and "_"); part of it may have been cut off or changed');
  const inflated = await inflateRaw(bytes, MAX_REPLAY_FILE_BYTES);
  if (!inflated.ok) return damaged(inflated.message);
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return damaged('it does not hold JSON text');
  }
  const read = readReplayValue(value);
  if (!read.ok) return { kind: 'error', message: `The replay in this link cannot be opened: ${read.message}.` };
  return { kind: 'replay', replay: read.replay, migratedFrom: read.migratedFrom };
}
