import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createClass, Dashboard, joinClass, startTestServer, tempDir, type TestServer } from './helpers';

describe('the projector lobby', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers the facilitator only: the join link, its QR code as SVG and the class', async () => {
    const cls = await createClass(server.url, { pacing: 'lockstep' });
    const path = `/api/classes/${cls.id}/lobby`;
    expect((await api(server.url, 'GET', path)).status).toBe(401);
    expect((await api(server.url, 'GET', path, { key: 'y'.repeat(43) })).status).toBe(403);
    const r = await api(server.url, 'GET', path, { key: cls.key });
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    // No game is served by the test server: the link goes to the minimal learner page.
    expect(r.json.joinUrl).toBe(`${server.url}/learn#code=${cls.code}`);
    expect(r.json.qrSvg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+">/);
    expect(r.json.qrSvg).not.toMatch(/<script|on\w+=|href/i);
    expect(r.json.class).toMatchObject({ code: cls.code, pacing: 'lockstep', released: { index: 0 } });
    expect(r.json.class.next.label).toBe('Sprint 1 · Sprint Planning');
    expect(r.json).toMatchObject({ announcement: null, timer: null });
    expect(JSON.stringify(r.json)).not.toContain(cls.key);
  });

  it('links to the game when the server serves it', async () => {
    const dist = tempDir('sprintwise-dist-');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>game</title>');
    const withGame = await startTestServer({ distDir: dist });
    try {
      const cls = await createClass(withGame.url);
      const r = await api(withGame.url, 'GET', `/api/classes/${cls.id}/lobby`, { key: cls.key });
      expect(r.json.joinUrl).toBe(`${withGame.url}/?join=${cls.code}`);
    } finally {
      await withGame.stop();
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it('is a page of its own under the pages\' policy: no inline script or style', async () => {
    const page = await api(server.url, 'GET', '/facilitator/lobby');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(page.text).not.toMatch(/\sstyle=|<style|<script(?![^>]*\ssrc=)/);
    for (const file of ['lobby.js', 'lobby.css', 'dashboard-notes.js']) expect((await api(server.url, 'GET', `/classroom/${file}`)).status).toBe(200);
    const dashboard = await api(server.url, 'GET', '/facilitator/class');
    expect(dashboard.text).toContain('id="lobbyLink"');
  });

  it('"Start" is the release command: the lobby\'s counter and stage follow on the dashboard socket', async () => {
    const cls = await createClass(server.url, { pacing: 'lockstep' });
    const board = await new Dashboard(server.url, cls.id, cls.key).connect();
    await joinClass(server.url, cls.code, 'Lee');
    await joinClass(server.url, cls.code, 'Mo');
    await board.until((ls) => ls.size === 2);
    const start = await api(server.url, 'POST', `/api/classes/${cls.id}/release`, { key: cls.key });
    expect(start.json.class.released.label).toBe('Sprint 1 · Sprint Planning');
    const m = await board.socket.next((x) => x.type === 'class');
    expect(m.class.released.index).toBe(1);
    board.close();
  });
});
