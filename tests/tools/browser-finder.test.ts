import { describe, expect, it } from 'vitest';
import { findBrowser, installPlan, notFoundMessage, type Machine } from '../../scripts/browser/find';

/** A machine whose file system holds exactly `files`. */
function machine(platform: string, files: string[], env: Record<string, string> = {}, playwrightChromium: string | null = null): Machine {
  const set = new Set(files);
  return { platform, env, home: platform === 'win32' ? 'C:\\Users\\ana' : '/home/ana', exists: (p) => set.has(p), playwrightChromium };
}

const PW_LINUX = '/home/ana/.cache/ms-playwright/chromium-1200/chrome-linux/chrome';

describe('finding a browser for the tests', () => {
  const table: { name: string; m: Machine; path: string | null; how?: string }[] = [
    { name: 'CHROMIUM_PATH wins over everything', m: machine('linux', ['/opt/mine/chrome', '/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/mine/chrome' }), path: '/opt/mine/chrome', how: 'CHROMIUM_PATH' },
    { name: "Debian's chromium", m: machine('linux', ['/usr/bin/chromium']), path: '/usr/bin/chromium', how: 'a usual place' },
    { name: 'Ubuntu snap before Google Chrome', m: machine('linux', ['/snap/bin/chromium', '/usr/bin/google-chrome']), path: '/snap/bin/chromium' },
    { name: 'Google Chrome on Linux', m: machine('linux', ['/usr/bin/google-chrome-stable']), path: '/usr/bin/google-chrome-stable' },
    { name: 'Chromium on macOS', m: machine('darwin', ['/Applications/Chromium.app/Contents/MacOS/Chromium']), path: '/Applications/Chromium.app/Contents/MacOS/Chromium' },
    { name: 'Chrome in the home folder on macOS', m: machine('darwin', ['/home/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']), path: '/home/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
    {
      name: 'Chrome under Program Files on Windows',
      m: machine('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' }),
      path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    },
    { name: 'a Chromium Playwright downloaded earlier', m: machine('linux', [PW_LINUX], {}, PW_LINUX), path: PW_LINUX, how: 'Playwright' },
    { name: 'Linux paths mean nothing on Windows', m: machine('win32', ['/usr/bin/chromium'], { PROGRAMFILES: 'C:\\Program Files' }), path: null },
    { name: 'nothing anywhere', m: machine('linux', [], {}, PW_LINUX), path: null },
  ];
  for (const row of table)
    it(row.name, () => {
      const r = findBrowser(row.m);
      if (row.path === null) expect(r.ok).toBe(false);
      else {
        expect(r).toMatchObject({ ok: true, found: { path: row.path } });
        if (row.how && r.ok) expect(r.found.how).toBe(row.how);
      }
    });

  it('a CHROMIUM_PATH that points nowhere is a mistake, named, not a reason to pick another browser', () => {
    const r = findBrowser(machine('linux', ['/usr/bin/chromium'], { CHROMIUM_PATH: '/opt/typo/chrome' }));
    expect(r).toEqual({ ok: false, looked: ['/opt/typo/chrome'], problem: 'CHROMIUM_PATH is set to "/opt/typo/chrome", but there is no file there' });
    expect(installPlan({ platform: 'linux', env: { CHROMIUM_PATH: '/opt/typo/chrome' }, isRoot: true, isDebian: true })).toEqual([]);
  });
});

describe('installing one when none is found', () => {
  it("tries Playwright's download, then Debian's package only as root on Debian", () => {
    expect(installPlan({ platform: 'linux', env: {}, isRoot: true, isDebian: true })).toEqual(['playwright', 'apt-get']);
    expect(installPlan({ platform: 'linux', env: {}, isRoot: false, isDebian: true })).toEqual(['playwright']);
    expect(installPlan({ platform: 'linux', env: {}, isRoot: true, isDebian: false })).toEqual(['playwright']);
    expect(installPlan({ platform: 'darwin', env: {}, isRoot: true, isDebian: false })).toEqual(['playwright']);
  });

  it('when everything failed, one message names what was looked at, what was tried, and both fixes', () => {
    const text = notFoundMessage({ looked: ['/usr/bin/chromium'] }, ["Debian's chromium package (exit 100: E: Unable to locate package, 3 s)"]);
    expect(text).toContain('Looked at: /usr/bin/chromium.');
    expect(text).toContain("Tried to install one: Debian's chromium package");
    expect(text).toContain('apt-get install -y chromium');
    expect(text).toContain('npx playwright-core install chromium');
    expect(text).toContain('CHROMIUM_PATH');
  });
});
