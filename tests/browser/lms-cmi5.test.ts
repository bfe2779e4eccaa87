import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../scripts/package/build';
import { startHarness, type Harness } from './harness';
import { COURSE_PATH, startLmsServer, unsafeEntries, type LmsServer } from './lms-server';
import { playUntil, status } from './play';

const TOKEN = Buffer.from('au-user:au-secret').toString('base64');
const SESSION = 'c0ffee00-0000-4000-8000-000000000001';
const REGISTRATION = '5a1e0000-0000-4000-8000-000000000002';
const ACTIVITY = 'urn:sprintwise:au:corner-cafe';
const PUBLISHER = 'urn:test-lms:publisher:course-42';
const ACTOR = { objectType: 'Agent', name: 'Test Learner', account: { homePage: 'https://lms.test', name: 'learner-1' } };
/** The platform's pass mark, below what the scripted player scores in the café. */
const MASTERY = 0.2;
const SESSION_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXT = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MOVE_ON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';

interface Statement {
  id: string;
  actor: typeof ACTOR;
  verb: { id: string };
  object: { id: string };
  result?: { score?: { scaled: number }; success?: boolean; completion?: boolean; duration?: string };
  context: { registration: string; extensions: Record<string, unknown>; contextActivities: Record<string, { id: string }[] | undefined> };
}

let harness: Harness;
let server: LmsServer;
let dir: string;
let cmi5Xml = '';
const statements: Statement[] = [];
let fetchCalls = 0;
const states = new Map<string, string>();

/** A cmi5 launch address: the AU's url from cmi5.xml plus the parameters the platform adds. */
function launchUrl(options: { endpoint?: boolean; fetch?: string } = {}): string {
  const p = new URLSearchParams();
  if (options.endpoint !== false) p.set('endpoint', `${server.baseUrl}/xapi/`);
  p.set('fetch', `${server.baseUrl}${options.fetch ?? '/lms/fetch'}`);
  p.set('actor', JSON.stringify(ACTOR));
  p.set('registration', REGISTRATION);
  p.set('activityId', ACTIVITY);
  const url = /<url>([^<]+)<\/url>/.exec(cmi5Xml)![1]!.replace(/&amp;/g, '&');
  return `${server.baseUrl}${COURSE_PATH}${url}&seed=lms-cmi5-1&${p.toString()}`;
}

async function open(url: string): Promise<Page> {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__sprintwise?.ready === true && window.__sprintwiseLms !== undefined && (window.__sprintwise.scene !== 'Title' || window.__sprintwiseLms.problem !== null), undefined, { timeout: 30_000 });
  return page;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintwise-cmi5-'));
  const built = await buildPackage({ format: 'cmi5', scenario: 'corner-cafe', out: join(dir, 'course.zip') });
  cmi5Xml = built.manifest;
  console.info(`cmi5 package: ${(built.bytes / 1024).toFixed(0)} KB, ${built.files.length} files`);
  server = await startLmsServer(new Uint8Array(await readFile(join(dir, 'course.zip'))));
  // The platform's side: the one-time auth token, the launch data, the State API and the statements.
  server.routes.push((req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (code: number, value: unknown) => res.writeHead(code, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    if (url.pathname === '/lms/fetch') {
      fetchCalls++;
      if (req.method !== 'POST') json(400, { 'error-code': '3', 'error-text': 'POST only' });
      else json(200, { 'auth-token': TOKEN });
      return true;
    }
    if (url.pathname === '/lms/fetch-expired') {
      json(401, { 'error-code': '2', 'error-text': 'The launch session has expired.' });
      return true;
    }
    if (!url.pathname.startsWith('/xapi/')) return false;
    if (req.headers.authorization !== `Basic ${TOKEN}`) {
      res.writeHead(401).end();
      return true;
    }
    const resource = url.pathname.slice('/xapi/'.length);
    if (resource === 'activities/state') {
      const stateId = url.searchParams.get('stateId') ?? '';
      if (stateId === 'LMS.LaunchData') {
        json(200, {
          contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: PUBLISHER }] }, extensions: { [SESSION_EXT]: SESSION } },
          launchMode: 'Normal',
          launchMethod: 'AnyWindow',
          masteryScore: MASTERY,
          moveOn: 'CompletedAndPassed',
        });
      } else if (req.method === 'GET') {
        const saved = states.get(stateId);
        if (saved) res.writeHead(200, { 'Content-Type': 'application/json' }).end(saved);
        else res.writeHead(404).end();
      } else {
        states.set(stateId, body);
        res.writeHead(204).end();
      }
      return true;
    }
    if (resource === 'agents/profile') {
      res.writeHead(404).end();
      return true;
    }
    if (resource === 'statements' && (req.method === 'POST' || req.method === 'PUT')) {
      const value = JSON.parse(body) as Statement | Statement[];
      const list = Array.isArray(value) ? value : [value];
      statements.push(...list);
      json(200, list.map((s) => s.id));
      return true;
    }
    res.writeHead(404).end();
    return true;
  });
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a cmi5 package', () => {
  it('has cmi5.xml at the root with the AU, its relative url and the mastery score', () => {
    const names = Object.keys(server.entries);
    expect(names).toContain('cmi5.xml');
    expect(unsafeEntries(names)).toEqual([]);
    expect(cmi5Xml).toContain('<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">');
    expect(cmi5Xml).toMatch(/<au id="urn:sprintwise:au:corner-cafe" moveOn="CompletedAndPassed" masteryScore="0.7"/);
    expect(cmi5Xml).toContain('<url>index.html?lms=cmi5&amp;scenario=corner-cafe&amp;mastery=0.7</url>');
  });

  it('sends the statements the spec requires, in order, with one per judged decision', async () => {
    const page = await open(launchUrl());
    expect(await page.evaluate(() => window.__sprintwiseLms)).toMatchObject({ kind: 'cmi5', connected: true, problem: null });
    expect(fetchCalls).toBe(1);
    await playUntil(page, (s) => s.scene === 'Debrief');
    await page.waitForFunction(() => window.__sprintwiseLms?.finished === true);
    const end = await status(page);
    // Leaving the course ends the session: `terminated` goes as the page goes.
    await page.goto('about:blank');
    await expect.poll(() => statements.at(-1)?.verb.id, { timeout: 10_000 }).toBe('http://adlnet.gov/expapi/verbs/terminated');
    await page.context().close();

    const session = statements.slice();
    const verbs = session.map((s) => s.verb.id.split('/').pop());
    expect(verbs[0]).toBe('initialized');
    expect(verbs.at(-1)).toBe('terminated');
    expect(verbs.filter((v) => v === 'initialized' || v === 'terminated')).toEqual(['initialized', 'terminated']);
    expect(verbs.filter((v) => v === 'failed')).toEqual([]);
    expect(verbs.filter((v) => v === 'passed' || v === 'completed').sort()).toEqual(['completed', 'passed']);
    expect(new Set(statements.map((s) => s.id)).size).toBe(statements.length);

    for (const s of statements) {
      expect(s.actor).toEqual(ACTOR);
      expect(s.context.registration).toBe(REGISTRATION);
      expect(s.context.extensions[SESSION_EXT]).toBe(SESSION);
      expect(s.context.contextActivities.grouping?.map((a) => a.id)).toContain(PUBLISHER);
    }
    const defined = statements.filter((s) => s.verb.id.endsWith('/initialized') || s.verb.id.endsWith('/passed') || s.verb.id.endsWith('/completed') || s.verb.id.endsWith('/terminated'));
    for (const s of defined) {
      expect(s.object.id).toBe(ACTIVITY);
      expect(s.context.contextActivities.category?.map((c) => c.id)).toContain(CMI5);
    }
    const passed = statements.find((s) => s.verb.id.endsWith('/passed'))!;
    expect(passed.result?.success).toBe(true);
    expect(passed.result?.score?.scaled).toBeGreaterThanOrEqual(MASTERY);
    expect(passed.result?.duration).toMatch(/^PT[\d.]+S$/);
    expect(passed.context.extensions[MASTERY_EXT]).toBe(MASTERY);
    expect(passed.context.contextActivities.category?.map((c) => c.id)).toContain(MOVE_ON);
    const completed = statements.find((s) => s.verb.id.endsWith('/completed'))!;
    expect(completed.result?.completion).toBe(true);

    // Judged decisions: cmi5 "allowed" statements between initialized and the result, each naming its goals.
    const decisions = statements.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/responded');
    expect(decisions.length).toBeGreaterThan(5);
    const firstResult = statements.findIndex((s) => s.verb.id.endsWith('/passed'));
    for (const d of decisions) {
      expect(statements.indexOf(d)).toBeLessThan(firstResult);
      expect(d.object.id).toMatch(/^urn:sprintwise:decision:corner-cafe:/);
      expect(d.context.contextActivities.category ?? []).not.toContainEqual(expect.objectContaining({ id: CMI5 }));
      const goals = d.context.contextActivities.other?.map((a) => a.id) ?? [];
      expect(goals.length).toBeGreaterThan(0);
      for (const g of goals) expect(g).toMatch(/^urn:sprintwise:goal:D\d+\.\d+\.\d+$/);
      expect(d.result?.score?.scaled).toBeGreaterThanOrEqual(0);
      expect(d.result?.score?.scaled).toBeLessThanOrEqual(1);
    }
    // Launched again in the same registration on another computer: the finished run, from the
    // State API, and no second result (the spec allows one per registration).
    const before = statements.length;
    const again = await open(launchUrl());
    expect(await again.evaluate(() => window.__sprintwiseLms)).toMatchObject({ connected: true, resumed: true });
    await again.waitForFunction(() => window.__sprintwise?.scene === 'Debrief' && window.__sprintwise.ready);
    expect((await status(again)).stateHash).toBe(end.stateHash);
    await again.goto('about:blank');
    await expect.poll(() => statements.length, { timeout: 10_000 }).toBe(before + 2);
    await again.context().close();
    expect(statements.slice(before).map((s) => s.verb.id.split('/').pop())).toEqual(['initialized', 'terminated']);

    console.info(`cmi5 café run: ${statements.length} statements (${decisions.length} decisions), score ${passed.result?.score?.scaled}, step ${end.step}; save in State: ${states.get('sprintwise.save')?.length ?? 0} characters`);
  });

  it('with a missing endpoint or an expired launch, says so and the game still plays', async () => {
    for (const [url, words] of [
      [launchUrl({ endpoint: false }), 'its endpoint is missing'],
      [launchUrl({ fetch: '/lms/fetch-expired' }), 'The link may have expired'],
    ] as const) {
      const page = await open(url);
      const text = await page.locator('#overlay').innerText();
      expect(text).toContain('Not connected to your learning platform');
      expect(text).toContain(words);
      expect(text).toContain('You can still play');
      await page.click('#play');
      await page.waitForFunction(() => window.__sprintwise?.scene === 'CampaignMap' && window.__sprintwise.ready);
      await page.click('[data-focus="scenario:start:corner-cafe"]');
      await page.waitForFunction(() => window.__sprintwise?.scene === 'Briefing' && window.__sprintwise.ready);
      expect((await status(page)).step).toBe(0);
      await page.context().close();
    }
  });
});
