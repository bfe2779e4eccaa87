import { chromium, type Browser } from 'playwright-core';
import { ensureBrowser } from '../../scripts/browser/ensure';

/** Flags for headless Chromium on this machine: no sandbox, GPU, QUIC or background traffic. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The Chromium the classroom's browser tests drive (Debian's, or wherever ensureBrowser finds one). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await ensureBrowser(), args: CHROMIUM_ARGS });
}
