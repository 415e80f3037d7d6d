// Scale: copies the project into a temporary folder, adds N generated pages (half German,
// half English, one shared slug per pair, unlisted so the page list on every page stays the
// curated topics), builds it with the project's own build command and layouts, and measures
// build time, output size, the Pagefind index and the bytes one search fetches.
// Nothing of this lands in the project: the copy is deleted afterwards.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, recordFetches } from './browser.ts';
import { dirSize, kb, mb, run, say, sec, table } from './lib.ts';
import { serve, type Served } from './serve.ts';

type Lang = 'de' | 'en';

/** Top-level entries that are not sources (or are rebuilt) and stay out of the copy. */
const SKIP = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'bench-results',
  'test-results',
  'playwright-report',
]);
/** Caches Astro and Vite keep inside node_modules: the copy gets its own. */
const OWN_CACHES = new Set(['.astro', '.vite']);

/** A deterministic pseudo-random generator (mulberry32), so every run builds the same pages. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES =
  'ka,to,ri,men,sel,vor,lan,dis,pu,ter,gra,mo,fen,shi,bel,qua,nor,tek,vi,sa,lum,dro,ex,ion,ban,ul,cer,ost'.split(
    ',',
  );
const COMMON: Record<Lang, string[]> = {
  de: 'der die das und ist ein eine mit auf für nicht von zu im den sich auch wird bei oder als Hypervisor Treiber System Gerät Speicher Rechner'.split(
    ' ',
  ),
  en: 'the and is a of to in with on for not by or as it this that can be Hypervisor driver system device memory machine'.split(
    ' ',
  ),
};

/** A vocabulary of made-up words, picked with a Zipf-like skew as real prose is. */
function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 2 + Math.floor(rand() * 3);
    words.add(
      Array.from({ length: n }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]).join(''),
    );
  }
  return [...words];
}

function generator(seed: number): (lang: Lang, n: number) => string {
  const rand = random(seed);
  const vocab = vocabulary(rand, 6000);
  const word = (lang: Lang): string =>
    (rand() < 0.45
      ? COMMON[lang][Math.floor(rand() * COMMON[lang].length)]
      : vocab[Math.floor(vocab.length * rand() ** 3)]) ?? '';
  const sentence = (lang: Lang): string => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 12) }, () => word(lang));
    const first = words[0] ?? '';
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return words.join(' ') + '.';
  };
  const paragraph = (lang: Lang): string =>
    Array.from({ length: 3 + Math.floor(rand() * 3) }, () => sentence(lang)).join(' ');
  const heading = (lang: Lang): string =>
    Array.from({ length: 2 + Math.floor(rand() * 3) }, () => word(lang)).join(' ');
  /** An MDX page of about 500 words: four sections of paragraphs and a list. */
  return (lang, n) => {
    const title = `${heading(lang)} ${n}`;
    const sections = Array.from({ length: 4 }, () => {
      const list = Array.from({ length: 3 }, () => `- ${sentence(lang)}`).join('\n');
      return `## ${heading(lang)}\n\n${paragraph(lang)}\n\n${list}\n\n${paragraph(lang)}\n`;
    });
    return [
      '---',
      `title: ${JSON.stringify(title)}`,
      `description: ${JSON.stringify(`Generated benchmark page number ${n}, ${lang}, for measuring how the build scales.`)}`,
      `order: ${1000 + n}`,
      'listed: false',
      '---',
      '',
      paragraph(lang),
      '',
      ...sections,
    ].join('\n');
  };
}

/** A copy of the project in a temporary folder, its node_modules linked entry by entry. */
function copyProject(root: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'explainer-scale-'));
  for (const entry of readdirSync(root)) {
    if (!SKIP.has(entry)) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  mkdirSync(join(dir, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (!OWN_CACHES.has(entry))
      symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  return dir;
}

/**
 * Bytes Pagefind fetches for a search, run through its JavaScript API in the page (the same
 * engine the search UI drives; the UI's own script and styles are constant and not counted):
 * the first query (engine, WASM, language metadata, index chunks, five result fragments)
 * and a second query after it.
 */
export async function searchBytes(
  server: Pick<Served, 'url'>,
  pagePath: string,
  queries: string[],
): Promise<SearchFigures[]> {
  const browser = await launch();
  try {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(server.url(pagePath), { waitUntil: 'load' });
    const log = recordFetches(page);
    await log.settle();
    const figures: SearchFigures[] = [];
    for (const query of queries) {
      const before = log.fetched.length;
      const found = await page.evaluate(async (q) => {
        // The base, from the favicon link every page has (a sitemap link needs SITE_URL).
        const icon = document.querySelector('link[rel="icon"]')?.getAttribute('href');
        const base = icon?.replace(/favicon\.svg$/, '') ?? '/';
        const pagefind = (await import(`${base}pagefind/pagefind.js`)) as {
          search(q: string): Promise<{ results: { data(): Promise<unknown> }[] }>;
        };
        const search = await pagefind.search(q);
        await Promise.all(search.results.slice(0, 5).map((r) => r.data()));
        return search.results.length;
      }, query);
      await log.settle(300, 5_000);
      const fetched = log.fetched.slice(before);
      figures.push({
        query,
        results: found,
        bytes: fetched.reduce((sum, f) => sum + f.bytes, 0),
        files: fetched.map((f) => ({ url: new URL(f.url).pathname, bytes: f.bytes })),
      });
    }
    return figures;
  } finally {
    await browser.close();
  }
}

/** Bytes one search query fetched, and from which files. */
export interface SearchFigures {
  query: string;
  results: number;
  bytes: number;
  files: { url: string; bytes: number }[];
}

export interface ScaleRow {
  pages: number;
  generated: number;
  buildMs: number;
  /** Time of a separate Pagefind run, when the build did not index (see pagefindBy). */
  pagefindMs: number | undefined;
  pagefindBy: 'build' | 'benchmark';
  output: number;
  html: number;
  htmlPerPage: number;
  pagefind: number;
  index: number;
  search: SearchFigures[];
}

/** Builds and measures the site with `count` generated pages added (0: the site as it is). */
export async function measureScale({
  root,
  count,
  port,
  keep = false,
}: {
  root: string;
  count: number;
  port: number;
  keep?: boolean;
}): Promise<ScaleRow> {
  const dir = copyProject(root);
  try {
    if (count) {
      const make = generator(count);
      for (const lang of ['de', 'en'] as const) {
        const folder = join(dir, 'src/content/pages', lang);
        for (let n = 1; n <= count / 2; n++) {
          writeFileSync(join(folder, `bench-${String(n).padStart(5, '0')}.mdx`), make(lang, n));
        }
      }
    }
    const build = await run('npm', ['run', 'build'], { cwd: dir });
    if (build.code !== 0)
      throw new Error(`build of ${count} pages failed:\n${build.output.slice(-3000)}`);
    const dist = join(dir, 'dist');
    let pagefindMs: number | undefined;
    let pagefindBy: ScaleRow['pagefindBy'] = 'build';
    if (!existsSync(join(dist, 'pagefind'))) {
      const pf = await run('npx', ['pagefind', '--site', dist], { cwd: dir });
      if (pf.code !== 0) throw new Error(`pagefind failed:\n${pf.output.slice(-2000)}`);
      pagefindMs = pf.ms;
      pagefindBy = 'benchmark';
    }
    const pagefind = join(dist, 'pagefind');
    const index = ['index', 'fragment'].reduce((sum, d) => sum + dirSize(join(pagefind, d)), 0);
    const htmlFiles = readdirSync(dist, { recursive: true }).filter((f) =>
      String(f).endsWith('.html'),
    );
    const html = htmlFiles.reduce((sum, f) => sum + statSync(join(dist, String(f))).size, 0);
    const server = await serve(dist, port);
    let search: SearchFigures[];
    try {
      search = await searchBytes(server, '/en/', ['hypervisor', 'driver']);
    } finally {
      await server.close();
    }
    return {
      pages: htmlFiles.length,
      generated: count,
      buildMs: build.ms,
      pagefindMs,
      pagefindBy,
      output: dirSize(dist),
      html,
      htmlPerPage: html / htmlFiles.length,
      pagefind: dirSize(pagefind),
      index,
      search,
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

export function printScale(rows: ScaleRow[]): void {
  table(
    'Scale: generated pages (unlisted, half de, half en) on top of the site. Search = bytes Pagefind fetches for the first query "hypervisor" (engine + WASM + metadata + index chunks + 5 result fragments), then for a second query "driver".',
    [
      'generated',
      'HTML pages',
      'build s',
      'build ms/page',
      'output MB',
      'output KB/page',
      'HTML KB/page',
      'Pagefind MB',
      'index+fragments MB',
      'first search KB',
      'next search KB',
    ],
    rows.map((r) => [
      r.generated,
      r.pages,
      sec(r.buildMs),
      Math.round(r.buildMs / r.pages),
      mb(r.output),
      kb(r.output / r.pages),
      kb(r.htmlPerPage),
      mb(r.pagefind),
      mb(r.index),
      kb(r.search[0]?.bytes),
      kb(r.search[1]?.bytes),
    ]),
  );
  const byBenchmark = rows.filter((r) => r.pagefindBy === 'benchmark');
  if (byBenchmark.length)
    say(
      `Note: the build command does not run Pagefind; the benchmark ran it after the build (${byBenchmark.map((r) => `${r.generated}: ${sec(r.pagefindMs)} s`).join(', ')}), not included in "build s".\n`,
    );
}
