import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Socket, startTestServer, tempDir, wsUrl, type TestServer } from './helpers';

/** A raw request: node's http lets the test name any Host and see the bytes as sent. */
function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the Host check', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ allowedHosts: ['classroom.example.org', '.school.example'] });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('refuses a foreign Host on HTTP, and answers this machine\'s names and the allowed ones', async () => {
    const evil = await get(server.url, '/api/health', { Host: 'evil.example' });
    expect(evil.status).toBe(403);
    expect(JSON.parse(String(evil.body)).error.code).toBe('hostNotAllowed');
    expect((await get(server.url, '/learn', { Host: `attacker.test:${server.port}` })).status).toBe(403);
    expect((await get(server.url, '/api/health', { Host: `rebind.classroom.example.org.evil.example` })).status).toBe(403);
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, 'classroom.example.org', 'room-4.school.example']) {
      expect((await get(server.url, '/api/health', { Host: host })).status, host).toBe(200);
    }
    expect(server.logger.lines.some((l) => l.event === 'hostRefused' && l.fields.host === 'evil.example')).toBe(true);
  });

  it('refuses a foreign Host on the WebSocket upgrade', async () => {
    for (const path of ['/ws/learner', '/ws/facilitator']) {
      const evil = new Socket(wsUrl(server.url, path), { headers: { Host: 'evil.example' } });
      await expect(evil.opened).rejects.toThrow(/403/);
    }
    const ok = new Socket(wsUrl(server.url, '/ws/learner'), { headers: { Host: 'classroom.example.org' } });
    await ok.opened;
    ok.close();
    expect(server.logger.lines.some((l) => l.event === 'hostRefused' && l.fields.upgrade === true)).toBe(true);
  });
});

describe('the built game, compressed', () => {
  let server: TestServer;
  const script = `console.log(${JSON.stringify('Sprintwise '.repeat(500))});\n`;
  beforeAll(async () => {
    const dist = tempDir('sprintwise-dist-');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sprintwise</title><script type="module" src="/assets/game-a1b2c3.js"></script>');
    const js = join(dist, 'assets', 'game-a1b2c3.js');
    writeFileSync(js, script);
    writeFileSync(`${js}.br`, brotliCompressSync(script));
    writeFileSync(`${js}.gz`, gzipSync(script));
    server = await startTestServer({ distDir: dist });
  });
  afterAll(async () => {
    await server.stop();
  });

  it('sends the brotli copy to a browser that accepts it, with the right headers', async () => {
    const br = await get(server.url, '/assets/game-a1b2c3.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript; charset=utf-8$/);
    expect(String(br.headers.vary)).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.etag).toBeTruthy();
    expect(br.body.length).toBeLessThan(script.length / 10);
    expect(String(brotliDecompressSync(br.body))).toBe(script);

    const gz = await get(server.url, '/assets/game-a1b2c3.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get(server.url, '/assets/game-a1b2c3.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(String(plain.body)).toBe(script);
    expect(String(plain.headers.vary)).toMatch(/accept-encoding/i);

    // Revalidation: the ETag of what was sent answers 304.
    const again = await get(server.url, '/assets/game-a1b2c3.js', { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('sends the game page under a CSP and never caches it', async () => {
    const page = await get(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(server.url, '/api/health')).headers['cache-control']).toBe('no-store');
    // The server's own pages keep their stricter policy.
    expect((await get(server.url, '/learn')).headers['content-security-policy']).toMatch(/worker-src 'none'/);
  });
});
