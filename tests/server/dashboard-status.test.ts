import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './chromium';
import { POLICIES } from '../../src/bots';
import { DB_FILE } from '../../src/server/store/db';
import { api, createClass, joinClass, Learner, startTestServer, tempDir } from './helpers';

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 8000, interval: 50 });

describe('the dashboard in a real browser', () => {
  let browser: Browser;
  const dataDir = tempDir();
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts learners as they join, shows a damaged learner, and after the end says so and disables Remove', async () => {
    const first = await startTestServer({ dataDir });
    const cls = await createClass(first.url, { title: 'Status class' });
    const dana = await joinClass(first.url, cls.code, 'Dana');
    const l = await new Learner(first.url, dana.token).connect();
    await l.play(POLICIES.first!('d'), { stopAfter: 3 });
    l.close();
    await first.close();
    const db = new Database(join(dataDir, DB_FILE));
    db.prepare("UPDATE actions SET action = '{\"ty' WHERE learner_id = ? AND step = 1").run(dana.learnerId);
    db.close();

    const server = await startTestServer({ dataDir });
    try {
      const page = await (await browser.newContext()).newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(`${server.url}/facilitator/class#class=${cls.id}&key=${cls.key}`);
      const status = () => page.textContent('#status');
      await poll(status).toContain('1 learner');
      expect(await status()).not.toContain('1 learners');
      const damaged = page.locator('tr[data-damaged]');
      await poll(() => damaged.count()).toBe(1);
      expect(await damaged.textContent()).toMatch(/Damaged: .*step 1.*Dana/);

      await joinClass(server.url, cls.code, 'Eli');
      await joinClass(server.url, cls.code, 'Fay');
      await poll(status).toContain('3 learners');
      await poll(() => page.locator('tr[data-learner] button[data-focus=remove]:not([disabled])').count()).toBe(3);

      await api(server.url, 'POST', `/api/classes/${cls.id}/end`, { key: cls.key });
      await poll(status).toContain('The class has ended');
      expect(await status()).not.toContain('open to new learners');
      await poll(() => page.locator('tr[data-learner] button[data-focus=remove]:not([disabled])').count()).toBe(0);
      expect(await page.locator('tr[data-learner] button[data-focus=remove][disabled]').count()).toBe(3);
      expect(problems).toEqual([]);
    } finally {
      await server.close();
    }
  }, 60_000);
});
