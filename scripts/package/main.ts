/**
 * `npm run package -- --format scorm12|cmi5 (--scenario <id> | --campaign <id>) --out <file.zip> [--mastery 0.7]`
 * See docs/lms.md.
 */
import { parseArgs } from 'node:util';
import { buildPackage, type PackageFormat } from './build';

const USAGE = 'Usage: npm run package -- --format scorm12|cmi5 (--scenario <id> | --campaign <id>) --out <file.zip> [--mastery 0.7]';

async function main(): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: { format: { type: 'string' }, scenario: { type: 'string' }, campaign: { type: 'string' }, out: { type: 'string' }, mastery: { type: 'string' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${e instanceof Error ? e.message : e}\n${USAGE}`);
    return 2;
  }
  const format = values.format;
  if (format !== 'scorm12' && format !== 'cmi5') {
    console.error(`--format must be scorm12 or cmi5.\n${USAGE}`);
    return 2;
  }
  if (!values.out || !values.out.endsWith('.zip') || !!values.scenario === !!values.campaign) {
    console.error(USAGE);
    return 2;
  }
  const mastery = values.mastery === undefined ? undefined : Number(values.mastery);
  try {
    const result = await buildPackage({ format: format as PackageFormat, scenario: values.scenario, campaign: values.campaign, out: values.out, mastery });
    console.log(`${result.out}: ${format} package, ${(result.bytes / 1024).toFixed(0)} KB, ${result.files.length} files (${result.manifestName} at the root).`);
    return 0;
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    return 1;
  }
}

process.exitCode = await main();
