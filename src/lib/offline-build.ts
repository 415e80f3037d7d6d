// Build side only (Node): writes the offline copy's files into a built folder, for its
// `base`: each language's web app manifest (`offline/<lang>.webmanifest`), each language's
// listing (`offline/<lang>.json`: every file of its copy with its size and a revision, a
// hash of its content, and the control's words), and the service worker (`sw.js`), bundled
// by esbuild from src/offline/sw.ts on Workbox's runtime modules with the deployment's
// version in it. Run by the build (src/integrations/offline.ts) after the pages and the
// search index exist; a test runs it on a changed copy of the build to play a new deployment.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { languages, t, type UiKey } from '../i18n/ui.ts';
import { filesBelow } from './files-below.ts';
import {
  inCopy,
  listingUrl,
  OFFLINE_DIR,
  urlOf,
  versionOf,
  webManifest,
  WORKER_FILE,
  type ListedFile,
  type Listing,
} from './offline.ts';
import { HASHED_DIRS } from './server-config.ts';
import { joinBase } from './urls.ts';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
/** The control's words, which come with the listing (the page carries only its button). */
const TEXT_KEYS: UiKey[] = [
  'offline.missingTitle',
  'offline.missing',
  'offline.missingLink',
  'offline.size',
  'offline.download',
  'offline.progress',
  'offline.kept',
  'offline.saved',
  'offline.remove',
  'offline.removed',
  'offline.failed',
  'offline.insecure',
  'offline.framed',
];

/** What was written: the version and, per language, its file count and bytes. */
export interface OfflineSummary {
  version: string;
  langs: Record<string, { files: number; bytes: number }>;
}

/** Writes manifests, listings and the worker into the built folder `dir` for `base`. */
export async function writeOffline(dir: string, base: string): Promise<OfflineSummary> {
  const root = joinBase(base, '');
  await mkdir(join(dir, OFFLINE_DIR), { recursive: true });
  // The manifests first: they are part of each copy.
  for (const lang of languages) {
    const manifest = webManifest(root, lang, {
      name: t(lang, 'site.name'),
      short: t(lang, 'offline.app.short'),
      description: t(lang, 'site.tagline'),
    });
    await writeFile(
      join(dir, OFFLINE_DIR, `${lang}.webmanifest`),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
  }
  const files = filesBelow(dir);
  const revisions = new Map<string, [bytes: number, revision: string]>();
  for (const file of files.filter((f) => languages.some((lang) => inCopy(f, lang)))) {
    const data = await readFile(join(dir, file));
    revisions.set(file, [data.length, sha256(data).slice(0, 10)]);
  }
  const listed = Object.fromEntries(
    languages.map((lang) => [
      lang,
      files
        .filter((file) => inCopy(file, lang))
        .map((file): ListedFile => [urlOf(root, file), ...(revisions.get(file) ?? [0, ''])]),
    ]),
  );
  const version = versionOf(Object.values(listed).flat(), sha256);
  const summary: OfflineSummary = { version, langs: {} };
  for (const lang of languages) {
    const copy = listed[lang] ?? [];
    const bytes = copy.reduce((sum, [, size]) => sum + size, 0);
    const listing: Listing = {
      v: version,
      lang,
      bytes,
      files: copy,
      text: Object.fromEntries(TEXT_KEYS.map((key) => [key.slice(8), t(lang, key)])),
    };
    await writeFile(join(dir, listingUrl('/', lang).slice(1)), JSON.stringify(listing));
    summary.langs[lang] = { files: copy.length, bytes };
  }
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('../offline/sw.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    legalComments: 'none',
    // Workbox logs in development builds only.
    define: {
      'process.env.NODE_ENV': '"production"',
      OFFLINE: JSON.stringify({ base: root, version, langs: languages, hashed: HASHED_DIRS }),
    },
  });
  await writeFile(join(dir, WORKER_FILE), bundle.outputFiles[0]?.contents ?? '');
  return summary;
}
