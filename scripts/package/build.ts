/**
 * Builds an LMS package: the game built with relative paths (it runs from whatever folder the
 * platform unpacks it into, in a frame or a new window), the manifest for the format, zipped
 * with the manifest at the root.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { loadScenarioDir } from '../../src/scenario/fs';
import { DEFAULT_MASTERY } from '../../src/lms/outcome';
import { cmi5Course, launchHref, scorm12Manifest, type PackageMeta } from './manifest';

export type PackageFormat = 'scorm12' | 'cmi5';

export interface PackageOptions {
  format: PackageFormat;
  scenario?: string;
  campaign?: string;
  out: string;
  /** Pass mark 0..1; DEFAULT_MASTERY when not given (scenarios and campaigns carry none). */
  mastery?: number;
  /** An already built game (with `base: './'`) to package instead of building one. */
  builtDir?: string;
}

export interface PackageResult {
  out: string;
  bytes: number;
  files: string[];
  manifestName: string;
  manifest: string;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const viteConfig = fileURLToPath(new URL('../../vite.config.ts', import.meta.url));

/** Builds the game with relative paths into a fresh temporary folder and returns it. */
export async function buildRelative(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'sprintwise-package-'));
  await build({ root: repoRoot, configFile: viteConfig, logLevel: 'warn', base: './', build: { outDir, emptyOutDir: true } });
  return outDir;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    // Not the build's .br and .gz copies (for the game's own servers): the platform serves the files itself.
    .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** What the package says about itself, from the scenario or campaign file. */
export async function packageMeta(options: Pick<PackageOptions, 'format' | 'scenario' | 'campaign' | 'mastery'>, files: string[]): Promise<PackageMeta> {
  const collection = await loadScenarioDir();
  const mastery = options.mastery ?? DEFAULT_MASTERY;
  const unitOf = (id: string) => {
    const s = collection.scenarios.find((x) => x.scenario.id === id);
    if (!s) throw new Error(`There is no scenario "${id}" in scenarios/.`);
    return { id, title: s.scenario.title, description: s.scenario.summary, href: launchHref(options.format, id, mastery) };
  };
  if (options.campaign) {
    const c = collection.campaigns.find((x) => x.campaign.id === options.campaign);
    if (!c) throw new Error(`There is no campaign "${options.campaign}" in scenarios/.`);
    return { id: c.campaign.id, title: c.campaign.title, description: c.campaign.description, mastery, units: c.campaign.scenarios.map(unitOf), files };
  }
  if (!options.scenario) throw new Error('Name a --scenario or a --campaign to package.');
  const unit = unitOf(options.scenario);
  return { id: unit.id, title: unit.title, description: unit.description, mastery, units: [unit], files };
}

export async function buildPackage(options: PackageOptions): Promise<PackageResult> {
  if (options.mastery !== undefined && !(options.mastery >= 0 && options.mastery <= 1)) throw new Error('--mastery is a share between 0 and 1, such as 0.7.');
  const dir = options.builtDir ?? (await buildRelative());
  try {
    const files = await listFiles(dir);
    const meta = await packageMeta(options, files);
    const manifestName = options.format === 'scorm12' ? 'imsmanifest.xml' : 'cmi5.xml';
    const manifest = options.format === 'scorm12' ? scorm12Manifest(meta) : cmi5Course(meta);
    const entries: Record<string, Uint8Array> = { [manifestName]: new TextEncoder().encode(manifest) };
    for (const f of files) entries[f] = new Uint8Array(await readFile(join(dir, f)));
    // A fixed date: the same game gives the same zip.
    const zip = zipSync(entries, { level: 9, mtime: new Date('2020-01-01T00:00:00Z') });
    await writeFile(options.out, zip);
    return { out: options.out, bytes: zip.length, files: [manifestName, ...files], manifestName, manifest };
  } finally {
    if (!options.builtDir) await rm(dir, { recursive: true, force: true });
  }
}
