import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

// What the build compresses (text; images and fonts are compressed already), with its type.
const COMPRESSIBLE: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function filesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f)).filter((f) => statSync(f).isFile());
}

/**
 * Writes a brotli (.br) and a gzip (.gz) copy next to each text file of the build, which the
 * classroom server and `npm start` (vite preview) send to browsers that accept them.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'sprintwise-precompress',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // In parallel on zlib's threads; brotli quality 10 is within 2% of 11 at half the time.
    async writeBundle() {
      const [br, gz] = [promisify(brotliCompress), promisify(gzip)];
      const compress = async (file: string) => {
        const data = await readFile(file);
        const params = { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: data.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT };
        await Promise.all([br(data, { params }).then((b) => writeFile(`${file}.br`, b)), gz(data, { level: 9 }).then((b) => writeFile(`${file}.gz`, b))]);
      };
      await Promise.all(filesIn(outDir).filter((f) => COMPRESSIBLE[extname(f)]).map(compress));
    },
    // vite preview: serve those copies (before its own on-the-fly gzip).
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const accept = String(req.headers['accept-encoding'] ?? '');
        const encoding = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
        const path = (req.url ?? '/').split('?')[0]!;
        let file: string;
        try {
          file = resolve(join(outDir, path === '/' ? 'index.html' : decodeURIComponent(path)));
        } catch {
          return next();
        }
        const type = COMPRESSIBLE[extname(file)];
        const copy = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
        if (!encoding || !type || (req.method !== 'GET' && req.method !== 'HEAD') || !file.startsWith(outDir + sep) || !existsSync(copy)) return next();
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', encoding);
        res.setHeader('Content-Length', statSync(copy).size);
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
        if (req.method === 'HEAD') return void res.end();
        createReadStream(copy).pipe(res);
      });
    },
  };
}
