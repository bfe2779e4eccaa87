import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scenarioSchemaJson } from '../../src/scenario/json-schema';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const schemaFile = `${repo}scenarios/schema.json`;

describe('scenarios/schema.json', () => {
  it('is what the zod schema generates today (run `npm run schema` if not)', () => {
    expect(readFileSync(schemaFile, 'utf8')).toBe(scenarioSchemaJson());
  });

  it('forbids unknown keys and names both kinds, so editors flag what the loader flags', () => {
    const schema = JSON.parse(scenarioSchemaJson()) as { oneOf: { properties: { kind: { const: string } }; additionalProperties: boolean }[] };
    expect(schema.oneOf.map((o) => o.properties.kind.const)).toEqual(['scenario', 'campaign']);
    expect(schema.oneOf.every((o) => o.additionalProperties === false)).toBe(true);
  });

  it('passes `gen-schema --check` (exit 0)', () => {
    // Throws (failing the test) on a non-zero exit.
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/gen-schema.ts', '--check'], { cwd: repo, encoding: 'utf8' });
    expect(out).toContain('up to date');
  });
});
