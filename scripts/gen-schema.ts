/**
 * Writes `scenarios/schema.json` (JSON Schema for editors) from the zod schema in
 * `src/scenario/schema.ts`, so there is one source of truth.
 *   npm run schema          write the file
 *   npm run schema:check    exit 1 if the file is missing or stale (for CI)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { scenarioSchemaJson } from '../src/scenario/json-schema';

const target = fileURLToPath(new URL('../scenarios/schema.json', import.meta.url));

async function main(): Promise<number> {
  const fresh = scenarioSchemaJson();
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => null);
    if (current === fresh) {
      console.log('scenarios/schema.json is up to date');
      return 0;
    }
    console.error(`scenarios/schema.json is ${current === null ? 'missing' : 'stale'}: run npm run schema`);
    return 1;
  }
  await writeFile(target, fresh);
  console.log('wrote scenarios/schema.json');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
