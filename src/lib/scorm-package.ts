// The files that make the portable copy a SCORM package (written by scripts/scorm.ts): the
// manifest, `imsmanifest.xml`, and the launch page, `scorm.html`. Pure functions: the caller
// passes the site's data and the list of files.
import { isLang, t, type Lang } from '../i18n/ui.ts';
import type { Course, ScormVersion } from './scorm.ts';

/** What a package says about itself, all from the site's own data. */
export interface PackageInfo {
  /** A stable id for the platform, e.g. `bare-metal-explainer`. */
  identifier: string;
  /** The version of the site (package.json). */
  version: string;
  /** The language the package opens in and describes itself in. */
  lang: Lang;
  /** The score (0–100) a student needs to pass; undefined: the package only reports completion. */
  mastery?: number | undefined;
}

/** The launch page's path in the package: the one SCO. */
export const LAUNCH_PAGE = 'scorm.html';

/** The schema files each version's manifest names, shipped at the package root as the specification expects. */
export const SCHEMA_FILES = {
  '1.2': ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'],
  '2004': [
    'imscp_v1p1.xsd',
    'adlcp_v1p3.xsd',
    'adlseq_v1p3.xsd',
    'adlnav_v1p3.xsd',
    'imsss_v1p0.xsd',
    'imsss_v1p0auxresource.xsd',
    'imsss_v1p0control.xsd',
    'imsss_v1p0delivery.xsd',
    'imsss_v1p0limit.xsd',
    'imsss_v1p0objective.xsd',
    'imsss_v1p0random.xsd',
    'imsss_v1p0rollup.xsd',
    'imsss_v1p0seqrule.xsd',
    'imsss_v1p0util.xsd',
    'xml.xsd',
    'XMLSchema.dtd',
    'datatypes.dtd',
  ],
} as const satisfies Record<ScormVersion, readonly string[]>;

/** Namespace → schema file, as each version's manifest names them in `xsi:schemaLocation`. */
export const SCHEMA_LOCATIONS = {
  '1.2': {
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': 'imsmd_rootv1p2p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
  },
  '2004': {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
} as const satisfies Record<ScormVersion, Record<string, string>>;

/** Text for XML content and attribute values. */
export function xml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Throws unless `mastery` is a whole score from 0 to 100 (or undefined). */
export function checkMastery(mastery: number | undefined): void {
  if (mastery !== undefined && !(Number.isInteger(mastery) && mastery >= 0 && mastery <= 100)) {
    throw new Error(
      `scorm: the mastery score must be a whole number from 0 to 100, not ${mastery}`,
    );
  }
}

/** The prefix each version's manifest gives each namespace it uses ('' for the default). */
const PREFIXES: Record<string, string> = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': '',
  'http://www.imsglobal.org/xsd/imscp_v1p1': '',
  'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1': 'imsmd',
  'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp',
  'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp',
  'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq',
  'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav',
  'http://www.imsglobal.org/xsd/imsss': 'imsss',
};

/**
 * The manifest of a package: one organization with one item, the launch page as its one SCO
 * resource listing `files` (every file of the package but the manifest and the schemas).
 * SCORM 1.2 carries the site's title, description, language and version as IMS metadata and
 * a mastery score as `adlcp:masteryscore`; SCORM 2004 a mastery score as the item's
 * sequencing objective (`minNormalizedMeasure`, 0–1).
 */
export function manifest(
  version: ScormVersion,
  info: PackageInfo,
  files: readonly string[],
): string {
  checkMastery(info.mastery);
  const { identifier, version: siteVersion, lang, mastery } = info;
  const v12 = version === '1.2';
  const title = xml(t(lang, 'site.name'));
  const ls = (text: string, l: string = lang) =>
    `<imsmd:langstring xml:lang="${l}">${text}</imsmd:langstring>`;
  const namespaces = Object.keys(SCHEMA_LOCATIONS[version])
    .map((ns) => `\n  xmlns${PREFIXES[ns] ? `:${PREFIXES[ns]}` : ''}="${ns}"`)
    .join('');
  const schemaLocation = Object.entries(SCHEMA_LOCATIONS[version])
    .map(([ns, file]) => `${ns} ${file}`)
    .join(' ');
  const metadata = v12
    ? `
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title>${ls(title)}</imsmd:title>
        <imsmd:language>${lang}</imsmd:language>
        <imsmd:description>${ls(xml(t(lang, 'site.tagline')))}</imsmd:description>
      </imsmd:general>
      <imsmd:lifecycle>
        <imsmd:version>${ls(xml(siteVersion), 'x-none')}</imsmd:version>
      </imsmd:lifecycle>
    </imsmd:lom>`
    : '';
  const passing =
    mastery === undefined
      ? ''
      : v12
        ? `
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>`
        : `
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="self-checks" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${mastery / 100}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>`;
  const list = files.map((file) => `      <file href="${xml(file)}"/>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${`${identifier}-${siteVersion}`.replace(/[^\w.-]/g, '-')}" version="${xml(siteVersion)}"${namespaces}
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${schemaLocation}">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>${v12 ? '1.2' : '2004 4th Edition'}</schemaversion>${metadata}
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${title}</title>
      <item identifier="site" identifierref="sco" isvisible="true">
        <title>${title}</title>${passing}
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:${v12 ? 'scormtype' : 'scormType'}="sco" href="${LAUNCH_PAGE}">
${list}
    </resource>
  </resources>
</manifest>
`;
}

/** Where the launch page's scripts and styles live in the package. */
export const SCORM_DIR = '_scorm';

/**
 * The launch page: without JavaScript a link to the start page; with it, launch.js finds the
 * platform's API (and then loads the runtime) or goes straight to the start page. The data
 * the runtime needs sits in `data-*` attributes; the privacy line of the self-checks, in both
 * languages, as the platform shows it.
 */
export function launchPage(version: ScormVersion, info: PackageInfo, course: Course): string {
  const { lang } = info;
  const start = `${lang}/index.html`;
  const attrs = {
    lang,
    'data-scorm': version,
    'data-start': start,
    'data-runtime': `${SCORM_DIR}/runtime.js`,
    'data-pages': course.pages.join(' '),
    'data-questions': course.questions.join(' '),
    'data-note-de': t('de', 'course.quiz.noteLms'),
    'data-note-en': t('en', 'course.quiz.noteLms'),
  };
  const html = Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${xml(value)}"`)
    .join('');
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";
  return `<!doctype html>
<html${html}>
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="content-security-policy" content="${csp}">
    <title>${xml(t(lang, 'site.name'))}</title>
    <link rel="stylesheet" href="${SCORM_DIR}/launch.css">
    <script src="${SCORM_DIR}/launch.js" defer></script>
  </head>
  <body>
    <p><a href="${start}">${xml(t(lang, 'site.name'))}</a></p>
  </body>
</html>
`;
}

/** The launch page's styles: the site's frame fills the platform's frame. */
export const LAUNCH_CSS = `html,body{margin:0;block-size:100%}iframe{display:block;border:0;inline-size:100%;block-size:100%}p{font:1rem/1.5 system-ui,sans-serif;margin:1rem}
`;

/**
 * The styles a package built without `SITE_URL` adds to every page: the buttons that copy an
 * address to share, cite or embed are hidden (inside the platform they would copy the
 * platform's address, which works for nobody else), the note that says so is shown.
 */
export const PACKAGE_CSS = `copy-link,button[data-copy],.cite-page{display:none!important}
`;

/**
 * A page of the site as the package holds it (`file` its path in the package): marked as a
 * package page (`data-package`: addresses to copy are the public site's, lib/live-address.ts)
 * that searches with the fallback index; without a public address (`site`, the build's
 * `SITE_URL`), the copy buttons hidden and a note in the footer.
 */
export function packagePage(html: string, file: string, site: string | undefined): string {
  let page = html.replace(/<html /, '<html data-search="fallback" data-package ');
  if (site) return page;
  const lang = /<html [^>]*\blang="([a-z]+)"/.exec(page)?.[1] ?? '';
  const up = '../'.repeat(file.split('/').length - 1);
  page = page.replace(
    '</head>',
    `<link rel="stylesheet" href="${up}${SCORM_DIR}/package.css"></head>`,
  );
  if (isLang(lang))
    page = page.replace(
      '</footer>',
      `<p class="package-note">${xml(t(lang, 'course.package.offsite'))}</p></footer>`,
    );
  return page;
}
