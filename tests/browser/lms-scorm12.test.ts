import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage } from '../../scripts/package/build';
import { startHarness, type Harness } from './harness';
import { absoluteReferences, COURSE_PATH, startLmsServer, unsafeEntries, type LmsServer } from './lms-server';
import { playUntil, status } from './play';

const SEED = 'lms-scorm-1';
const LAUNCH = `index.html?lms=scorm12&scenario=corner-cafe&mastery=0.7&seed=${SEED}`;

let harness: Harness;
let server: LmsServer;
let dir: string;
let manifest: string;
/** What the host page starts scorm-again with: the platform's stored record of the attempt. */
let initialCmi: unknown = null;

/** The platform's page: scorm-again's SCORM 1.2 API on `window.API`, and the course in a frame. */
function hostPage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again/scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, lmsCommitUrl: false, logLevel: 5 });
  const initial = ${JSON.stringify(initialCmi)};
  window.API.loadFromJSON(initial ?? { core: { student_id: 'learner-1', student_name: 'Learner, Test' }, student_data: { mastery_score: '70' } }, '');
  window.__commits = 0;
  window.__calls = [];
  const keep = () => { window.__record = window.API.renderCMIToJSONObject(); };
  window.API.on('LMSCommit', () => { window.__commits++; keep(); });
  window.API.on('LMSFinish', () => { window.__finished = true; keep(); });
</script></head>
<body style="margin:0"><iframe id="course" src="${COURSE_PATH}${LAUNCH}" style="width:1280px;height:720px;border:0"></iframe></body></html>`;
}

async function openHost(): Promise<{ page: Page; frame: Frame }> {
  const context = await harness.browser.newContext({ viewport: { width: 1300, height: 760 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.baseUrl}/host`);
  const frame = page.frames().find((f) => f.url().includes(COURSE_PATH));
  if (!frame) throw new Error('no course frame');
  await frame.waitForFunction(() => window.__sprintwise?.ready === true && window.__sprintwise.scene !== 'Title' && window.__sprintwiseLms !== undefined, undefined, { timeout: 30_000 });
  expect(errors).toEqual([]);
  return { page, frame };
}

/** The SCORM record as the platform holds it (the last commit). */
async function record(page: Page): Promise<{ core: Record<string, unknown> & { score: Record<string, string> }; suspend_data: string; interactions: Record<string, Record<string, string>> }> {
  const r = (await page.evaluate(() => (window as unknown as { __record: unknown }).__record)) as { cmi?: unknown } & Record<string, unknown>;
  return (r.cmi ?? r) as never;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sprintwise-lms-'));
  const built = await buildPackage({ format: 'scorm12', scenario: 'corner-cafe', out: join(dir, 'course.zip') });
  manifest = built.manifest;
  console.info(`SCORM 1.2 package: ${(built.bytes / 1024).toFixed(0)} KB, ${built.files.length} files`);
  server = await startLmsServer(new Uint8Array(await readFile(join(dir, 'course.zip'))));
  server.routes.push((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/host') return false;
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostPage());
    return true;
  });
  harness = await startHarness();
});

afterAll(async () => {
  await harness?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a SCORM 1.2 package', () => {
  it('has its manifest at the root, SCORM 1.2 structure, and no absolute paths', async () => {
    const names = Object.keys(server.entries);
    expect(names).toContain('imsmanifest.xml');
    expect(names).toContain('index.html');
    expect(unsafeEntries(names)).toEqual([]);
    expect(absoluteReferences(server.entries)).toEqual([]);

    // Parsed by a real XML parser (Chromium's), then checked against the structure the SCORM 1.2 schema requires.
    const page = await harness.browser.newPage();
    const problems = await page.evaluate(
      ({ xml, files }) => {
        const out: string[] = [];
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        if (doc.querySelector('parsererror')) return ['not well-formed XML'];
        const CP = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
        const ADLCP = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
        const root = doc.documentElement;
        if (root.localName !== 'manifest' || root.namespaceURI !== CP) out.push('root is not an IMS CP 1.1.2 manifest');
        if (!root.getAttribute('identifier')) out.push('manifest has no identifier');
        const kids = (el: Element, name: string) => [...el.children].filter((c) => c.localName === name && c.namespaceURI === CP);
        const metadata = kids(root, 'metadata')[0];
        if (metadata && kids(metadata, 'schema')[0]?.textContent !== 'ADL SCORM') out.push('metadata schema is not "ADL SCORM"');
        if (metadata && kids(metadata, 'schemaversion')[0]?.textContent !== '1.2') out.push('schemaversion is not 1.2');
        const orgs = kids(root, 'organizations')[0];
        const resources = kids(root, 'resources')[0];
        if (!orgs || !resources) return [...out, 'organizations or resources missing'];
        const orgList = kids(orgs, 'organization');
        if (!orgList.length) out.push('no organization');
        if (!orgList.some((o) => o.getAttribute('identifier') === orgs.getAttribute('default'))) out.push('organizations@default names no organization');
        const resById = new Map(kids(resources, 'resource').map((r) => [r.getAttribute('identifier'), r]));
        const ids = [root, ...orgList, ...resById.values()].map((e) => e.getAttribute('identifier'));
        if (new Set(ids).size !== ids.length) out.push('identifiers are not unique');
        for (const org of orgList) {
          if (!kids(org, 'title').length) out.push('organization has no title');
          const items = [...org.getElementsByTagNameNS(CP, 'item')];
          if (!items.length) out.push('organization has no item');
          for (const item of items) {
            if (!item.getAttribute('identifier') || !kids(item, 'title').length) out.push('item without identifier or title');
            const ref = item.getAttribute('identifierref');
            const res = ref ? resById.get(ref) : undefined;
            if (!res) out.push(`item ${item.getAttribute('identifier')} refers to no resource`);
            const mastery = item.getElementsByTagNameNS(ADLCP, 'masteryscore')[0]?.textContent;
            if (mastery !== undefined && !(Number(mastery) >= 0 && Number(mastery) <= 100)) out.push('masteryscore outside 0..100');
          }
        }
        for (const res of resById.values()) {
          if (res.getAttribute('type') !== 'webcontent') out.push('resource type is not webcontent');
          if (!['sco', 'asset'].includes(res.getAttributeNS(ADLCP, 'scormtype') ?? '')) out.push('resource without adlcp:scormtype');
          const href = res.getAttribute('href') ?? '';
          if (!href || href.startsWith('/') || /^[a-z]+:/i.test(href)) out.push(`resource href is not relative: ${href}`);
          if (!files.includes(href.split('?')[0]!)) out.push(`resource href ${href} is not in the package`);
          for (const f of kids(res, 'file')) if (!files.includes(f.getAttribute('href') ?? '')) out.push(`listed file ${f.getAttribute('href')} is not in the package`);
        }
        return out;
      },
      { xml: manifest, files: Object.keys(server.entries) },
    );
    await page.close();
    expect(problems).toEqual([]);
    expect(manifest).toContain('<title>The Corner Café: your first three Sprints</title>');
    expect(manifest).toContain('<adlcp:masteryscore>70</adlcp:masteryscore>');
  });

  it('reports the café run to scorm-again and resumes it from the suspend data on another computer', async () => {
    // First session: half a run, then the learner closes the course.
    initialCmi = null;
    const first = await openHost();
    const lms = await first.frame.evaluate(() => window.__sprintwiseLms);
    expect(lms).toMatchObject({ kind: 'scorm12', connected: true, problem: null, resumed: false });
    const driver = first.frame as unknown as Page;
    await playUntil(driver, (s) => s.phase?.startsWith('sprint.review') === true && !s.dialog);
    const mid = await status(driver);
    expect(mid.stateHash).toMatch(/^[0-9a-f]{64}$/);
    const midRecord = await record(first.page);
    expect(midRecord.core.lesson_status).toBe('incomplete');
    expect(midRecord.suspend_data.length).toBeGreaterThan(0);
    // The last commit may be a phase or two behind; leaving commits the rest.
    await first.frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await first.page.waitForFunction(() => (window as unknown as { __finished?: boolean }).__finished === true);
    const closed = await record(first.page);
    expect(closed.core.exit).toBe('suspend');
    expect(closed.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    console.info(`suspend_data mid-run (step ${mid.step}): ${closed.suspend_data.length} characters`);
    await first.page.context().close();

    // Second session, fresh browser storage: everything comes from the platform's record.
    initialCmi = { ...closed, core: { ...closed.core, entry: 'resume', exit: '', session_time: '' } };
    const second = await openHost();
    const resumed = await second.frame.evaluate(() => window.__sprintwiseLms);
    expect(resumed).toMatchObject({ connected: true, resumed: true });
    const again = await status(second.frame as unknown as Page);
    expect(again.step).toBe(mid.step);
    expect(again.stateHash).toBe(mid.stateHash);

    // Play on to the end: the result, the score and one interaction per judged goal.
    await playUntil(second.frame as unknown as Page, (s) => s.scene === 'Debrief');
    await second.frame.waitForFunction(() => window.__sprintwiseLms?.finished === true);
    const end = await status(second.frame as unknown as Page);
    const done = await record(second.page);
    const raw = Number(done.core.score.raw);
    expect(done.core.score.min).toBe('0');
    expect(done.core.score.max).toBe('100');
    expect(raw).toBeGreaterThanOrEqual(0);
    expect(raw).toBeLessThanOrEqual(100);
    expect(done.core.lesson_status).toBe(raw >= 70 ? 'passed' : 'failed');
    const interactions = Object.values(done.interactions ?? {}).filter((i) => typeof i === 'object' && i !== null && 'id' in i);
    expect(interactions.length).toBeGreaterThan(3);
    for (const i of interactions) {
      expect(i.id).toMatch(/^D\d+\.\d+\.\d+$/);
      expect(['correct', 'wrong', 'neutral']).toContain(i.result);
      expect(i.latency).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
    }
    expect(new Set(interactions.map((i) => i.id)).size).toBe(interactions.length);
    const endLms = await second.frame.evaluate(() => window.__sprintwiseLms);
    expect(endLms?.saveFits).toBe(true);
    console.info(`café run: score ${raw} (${done.core.lesson_status}), ${interactions.length} goal interactions, suspend_data ${done.suspend_data.length} characters at the end (step ${end.step})`);
    await second.frame.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide')));
    await second.page.waitForFunction(() => (window as unknown as { __finished?: boolean }).__finished === true);
    const finished = await record(second.page);
    await second.page.context().close();

    // A third launch of the finished attempt opens the same finished run.
    initialCmi = { ...finished, core: { ...finished.core, entry: 'resume', exit: '', session_time: '' } };
    const third = await openHost();
    const last = await status(third.frame as unknown as Page);
    expect(last.stateHash).toBe(end.stateHash);
    expect(last.scene).toBe('Debrief');
    await third.page.context().close();
  });

  it('without a platform API says so, and the game still plays in the browser', async () => {
    const context = await harness.browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}${COURSE_PATH}${LAUNCH}`);
    await page.waitForFunction(() => window.__sprintwise?.scene === 'Title' && window.__sprintwise.ready && window.__sprintwiseLms?.problem != null, undefined, { timeout: 30_000 });
    const text = await page.locator('#overlay').innerText();
    expect(text).toContain('Not connected to your learning platform');
    expect(text).toContain('The learning platform could not be found');
    expect(text).toContain('You can still play');
    await page.click('#play');
    await page.waitForFunction(() => window.__sprintwise?.scene === 'CampaignMap' && window.__sprintwise.ready);
    await page.click('[data-focus="scenario:start:corner-cafe"]');
    await page.waitForFunction(() => window.__sprintwise?.scene === 'Briefing' && window.__sprintwise.ready);
    const s = await status(page);
    expect(s.step).toBe(0);
    await context.close();
  });
});
