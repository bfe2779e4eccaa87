/**
 * Where a Chromium or Chrome for the browser tests can be found, as a pure decision over what
 * the machine has: the tests, the benchmark and the unit tests of this file all share it.
 */

export type Platform = 'linux' | 'darwin' | 'win32' | (string & {});

export interface Machine {
  platform: Platform;
  env: Readonly<Record<string, string | undefined>>;
  home: string;
  exists(path: string): boolean;
  /** Where Playwright keeps the Chromium it downloads (it may not be there). */
  playwrightChromium: string | null;
}

export interface Found {
  path: string;
  /** How it was found, for the one line the tests print. */
  how: 'CHROMIUM_PATH' | 'a usual place' | 'Playwright';
}

export type FindResult = { ok: true; found: Found } | { ok: false; looked: string[]; problem?: string };

/** Chromium and Chrome at the places their installers put them, most likely first. */
export function usualPlaces(m: Pick<Machine, 'platform' | 'env' | 'home'>): string[] {
  switch (m.platform) {
    case 'linux':
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/bin/google-chrome-stable',
        '/usr/bin/google-chrome',
        '/opt/google/chrome/chrome',
      ];
    case 'darwin':
      return [
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        `${m.home}/Applications/Chromium.app/Contents/MacOS/Chromium`,
        `${m.home}/Applications/Google Chrome.app/Contents/MacOS/Google Chrome`,
      ];
    case 'win32': {
      const roots = [m.env.LOCALAPPDATA, m.env.PROGRAMFILES, m.env['PROGRAMFILES(X86)']].filter((r): r is string => Boolean(r));
      return roots.flatMap((root) => [`${root}\\Chromium\\Application\\chrome.exe`, `${root}\\Google\\Chrome\\Application\\chrome.exe`]);
    }
    default:
      return [];
  }
}

/**
 * In this order: `CHROMIUM_PATH` (when set it must exist: a typo should not silently pick another
 * browser), the usual places, then a Chromium Playwright has already downloaded.
 */
export function findBrowser(m: Machine): FindResult {
  const wanted = m.env.CHROMIUM_PATH;
  if (wanted) {
    return m.exists(wanted)
      ? { ok: true, found: { path: wanted, how: 'CHROMIUM_PATH' } }
      : { ok: false, looked: [wanted], problem: `CHROMIUM_PATH is set to "${wanted}", but there is no file there` };
  }
  const looked: string[] = [];
  for (const path of usualPlaces(m)) {
    looked.push(path);
    if (m.exists(path)) return { ok: true, found: { path, how: 'a usual place' } };
  }
  if (m.playwrightChromium) {
    looked.push(m.playwrightChromium);
    if (m.exists(m.playwrightChromium)) return { ok: true, found: { path: m.playwrightChromium, how: 'Playwright' } };
  }
  return { ok: false, looked };
}

export type InstallMethod = 'playwright' | 'apt-get';

/**
 * How a missing browser can be installed here: Playwright's own download wherever it runs, then
 * Debian's package when running as root on Debian (as CI does). Never when CHROMIUM_PATH names
 * a browser that is not there: that is a mistake to fix, not a browser to fetch.
 */
export function installPlan(m: Pick<Machine, 'platform' | 'env'> & { isRoot: boolean; isDebian: boolean }): InstallMethod[] {
  if (m.env.CHROMIUM_PATH) return [];
  const plan: InstallMethod[] = ['playwright'];
  if (m.platform === 'linux' && m.isRoot && m.isDebian) plan.push('apt-get');
  return plan;
}

/** The one message for when nothing worked: both ways to fix it. */
export function notFoundMessage(result: { looked: string[]; problem?: string }, tried: readonly string[]): string {
  return [
    result.problem ? `${result.problem}.` : 'No Chromium or Chrome was found for the browser tests.',
    result.looked.length ? `Looked at: ${result.looked.join(', ')}.` : '',
    tried.length ? `Tried to install one: ${tried.join('; ')}.` : '',
    'Fix it either way: install Chromium or Google Chrome (Debian or Ubuntu: `sudo apt-get install -y chromium`;',
    'macOS or Windows: install Google Chrome), or run `npx playwright-core install chromium` where its download',
    'is reachable. To use a browser somewhere else, set CHROMIUM_PATH to its executable.',
  ]
    .filter(Boolean)
    .join(' ');
}
