import { describe, expect, it } from 'vitest';
import { cmi5Course, launchHref, scorm12Manifest, type PackageMeta } from '../../scripts/package/manifest';
import { packageMeta } from '../../scripts/package/build';

const files = ['index.html', 'assets/index-abc.js', 'assets/index-abc.css'];

describe('package manifests', () => {
  it('describe a scenario with its title, summary and mastery score', async () => {
    const meta = await packageMeta({ format: 'scorm12', scenario: 'corner-cafe' }, files);
    expect(meta.title).toBe('The Corner Café: your first three Sprints');
    expect(meta.mastery).toBe(0.7);
    expect(meta.units).toHaveLength(1);
    const xml = scorm12Manifest(meta);
    expect(xml).toContain('<schemaversion>1.2</schemaversion>');
    expect(xml).toContain('adlcp:scormtype="sco" href="index.html?lms=scorm12&amp;scenario=corner-cafe&amp;mastery=0.7"');
    for (const f of files) expect(xml).toContain(`<file href="${f}"/>`);
    // Every identifierref names a resource, and identifiers are unique.
    const ids = [...xml.matchAll(/ identifier="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of xml.matchAll(/identifierref="([^"]+)"/g)) expect(ids).toContain(m[1]);
  });

  it('give a campaign one SCO or AU per scenario, in playing order', async () => {
    const meta = await packageMeta({ format: 'cmi5', campaign: 'first-steps', mastery: 0.8 }, files);
    expect(meta.units.length).toBeGreaterThan(1);
    expect(meta.units[0]!.id).toBe('corner-cafe');
    const course = cmi5Course(meta);
    expect(course.match(/<au /g)).toHaveLength(meta.units.length);
    expect(course).toContain('masteryScore="0.8"');
    expect(course).toContain(`<url>${launchHref('cmi5', 'corner-cafe', 0.8).replace(/&/g, '&amp;')}</url>`);
    const scorm = scorm12Manifest(meta);
    expect(scorm.match(/<item /g)).toHaveLength(meta.units.length);
    expect(scorm).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
  });

  it('escape what XML would misread', () => {
    const meta: PackageMeta = { id: 'x', title: 'A & B <c> "d"', description: "it's", mastery: 0.5, units: [{ id: 'x', title: 'T & U', description: 'd', href: 'index.html?a=1&b=2' }], files: ['index.html'] };
    expect(scorm12Manifest(meta)).toContain('<title>A &amp; B &lt;c&gt; &quot;d&quot;</title>');
    expect(cmi5Course(meta)).toContain('it&apos;s');
  });

  it('reject unknown scenarios and campaigns', async () => {
    await expect(packageMeta({ format: 'scorm12', scenario: 'nope' }, files)).rejects.toThrow(/no scenario "nope"/);
    await expect(packageMeta({ format: 'scorm12', campaign: 'nope' }, files)).rejects.toThrow(/no campaign "nope"/);
  });
});
