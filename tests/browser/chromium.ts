import { existsSync } from 'node:fs';

export const CHROMIUM_NOT_FOUND =
  'Chromium not found: install it with `apt-get install -y --no-install-recommends chromium` or set CHROMIUM_PATH';

/** The Chromium the browser tests drive: `$CHROMIUM_PATH` if set, else Debian's /usr/bin/chromium. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ['/usr/bin/chromium'];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`${CHROMIUM_NOT_FOUND} (looked at ${candidates.join(', ')})`);
  return found;
}
