/**
 * The manifests an LMS reads from a package: `imsmanifest.xml` (SCORM 1.2, content packaging
 * with the ADL CP extensions) and `cmi5.xml` (a cmi5 course structure). A scenario package has
 * one SCO or AU; a campaign package has one per scenario, in playing order, so the platform
 * records each scenario's result and rolls them up.
 */

/** One playable unit: a scenario, launched at `href` (relative to the package root). */
export interface PackageUnit {
  id: string;
  title: string;
  description: string;
  href: string;
}

export interface PackageMeta {
  /** The scenario's or campaign's id. */
  id: string;
  title: string;
  description: string;
  /** Pass mark, 0..1. */
  mastery: number;
  units: PackageUnit[];
  /** Every file of the package, relative, with `/` separators (SCORM lists them in the resource). */
  files: string[];
}

export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** An XML ID (NCName): letters, digits, `-`, `_`, `.`, not starting with a digit. */
function xmlId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_.-]/g, '_')}`;
}

/** SCORM 1.2 `imsmanifest.xml`. The launch address carries `?lms=scorm12&scenario=…&mastery=…`. */
export function scorm12Manifest(meta: PackageMeta): string {
  const org = xmlId('org', meta.id);
  const items = meta.units
    .map(
      (u) => `      <item identifier="${xmlId('item', u.id)}" identifierref="${xmlId('res', u.id)}" isvisible="true">
        <title>${xmlEscape(u.title)}</title>
        <adlcp:masteryscore>${Math.round(meta.mastery * 100)}</adlcp:masteryscore>
      </item>`,
    )
    .join('\n');
  const fileList = meta.files.map((f) => `      <file href="${xmlEscape(f)}"/>`).join('\n');
  const resources = meta.units
    .map((u, i) =>
      i === 0
        ? `    <resource identifier="${xmlId('res', u.id)}" type="webcontent" adlcp:scormtype="sco" href="${xmlEscape(u.href)}">
${fileList}
    </resource>`
        : `    <resource identifier="${xmlId('res', u.id)}" type="webcontent" adlcp:scormtype="sco" href="${xmlEscape(u.href)}">
      <dependency identifierref="${xmlId('res', meta.units[0]!.id)}"/>
    </resource>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xmlId('sprintwise', meta.id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${org}">
    <organization identifier="${org}">
      <title>${xmlEscape(meta.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
  </resources>
</manifest>
`;
}

/**
 * cmi5 `cmi5.xml`. Course and AU ids are IRIs in Sprintwise's scheme (docs/lms.md); the AU's
 * `url` is relative, so the platform launches it from wherever it unpacked the zip.
 */
export function cmi5Course(meta: PackageMeta): string {
  const courseId = `urn:sprintwise:course:${encodeURIComponent(meta.id)}`;
  const aus = meta.units
    .map(
      (u) => `  <au id="urn:sprintwise:au:${encodeURIComponent(u.id)}" moveOn="CompletedAndPassed" masteryScore="${meta.mastery}" launchMethod="AnyWindow">
    <title><langstring lang="en-US">${xmlEscape(u.title)}</langstring></title>
    <description><langstring lang="en-US">${xmlEscape(u.description)}</langstring></description>
    <url>${xmlEscape(u.href)}</url>
  </au>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${courseId}">
    <title><langstring lang="en-US">${xmlEscape(meta.title)}</langstring></title>
    <description><langstring lang="en-US">${xmlEscape(meta.description)}</langstring></description>
  </course>
${aus}
</courseStructure>
`;
}

/** The launch address of a scenario inside the package. */
export function launchHref(format: 'scorm12' | 'cmi5', scenarioId: string, mastery: number): string {
  return `index.html?lms=${format}&scenario=${encodeURIComponent(scenarioId)}&mastery=${mastery}`;
}
