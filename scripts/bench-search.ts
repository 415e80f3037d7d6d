// Search figures for the built site (`npm run bench:search`; build first). Serves dist/
// with `astro preview` on PORT (default 4321) and drives headless Chromium: bytes fetched
// on the first search and per later query (gzip size of each body, as a compressing
// server would send it; Pagefind's own files are gzipped already), time from the last
// keystroke to results shown (median and 95th percentile; includes the input's debounce),
// for Pagefind and for the fallback (WebAssembly removed), and relevance over the query
// table tests/search-queries.json as a reader sees it in the dialog: success@1, success@3
// and mean reciprocal rank per language and engine, by kind of query. Prints tables;
// asserts nothing (tests/e2e/search-relevance.spec.ts does).
//
//   npm run bench:search               every row: both languages, both engines, RUNS=5
//   npm run bench:search -- --smoke    one row (German, Pagefind), one run, three relevance
//                                      queries: proves the benchmark still runs (npm test
//                                      runs it so; scripts/docs-commands.ts)
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, requireChromium } from '../tests/chromium.ts';
import { QUERIES as TABLE, rankOf, resultLinks, type Query } from '../tests/e2e/search-helpers.ts';

const SMOKE = process.argv.includes('--smoke');
const DIST = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist';
const PORT = Number(process.env['PORT'] ?? 4321);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = SMOKE ? 1 : Number(process.env['RUNS'] ?? 5);
type Lang = 'de' | 'en';
const QUERIES: Record<Lang, string[]> = {
  de: ['Treiber', 'Echtzeit', 'Installationsaufwand', 'ESXi', 'Virtuozzo', 'Hypervisor'],
  en: ['driver', 'real-time', 'installation', 'ESXi', 'Virtuozzo', 'hypervisor'],
};

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function sizeOf(path: string): Promise<{ raw: number; gz: number }> {
  const body = await readFile(path);
  return { raw: body.length, gz: Math.min(body.length, gzipSync(body).length) };
}

async function indexSizes(): Promise<string[][]> {
  const rows: string[][] = [];
  const pf = join(DIST, 'pagefind');
  let total = { raw: 0, gz: 0 };
  for (const entry of await readdir(pf, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const s = await sizeOf(join(entry.parentPath, entry.name));
    total = { raw: total.raw + s.raw, gz: total.gz + s.gz };
  }
  rows.push(['pagefind/ (all files)', kb(total.raw), kb(total.gz)]);
  for (const name of (await readdir(pf)).filter((n) =>
    /^(wasm\.|pagefind\.).*\.(pagefind|pf_meta)$/.test(n),
  )) {
    const s = await sizeOf(join(pf, name));
    rows.push([`pagefind/${name}`, kb(s.raw), kb(s.gz)]);
  }
  for (const name of await readdir(join(DIST, 'search-fallback'))) {
    const s = await sizeOf(join(DIST, 'search-fallback', name));
    rows.push([`search-fallback/${name}`, kb(s.raw), kb(s.gz)]);
  }
  return rows;
}

function table(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r: string[]): string =>
    r.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log();
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${ORIGIN}/`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server on ${ORIGIN}`);
}

interface Row {
  lang: Lang;
  engine: 'pagefind' | 'fallback';
  firstBytes: number;
  /** Rank of each query of the table (0: not listed). */
  ranks: { query: Query; rank: number }[];
  firstResultMs: number;
  laterBytes: number;
  median: number;
  p95: number;
}

/** One language, one engine: bytes of the first open, per later query, and timings. */
async function measure(browser: Browser, lang: Lang, fallback: boolean): Promise<Row> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (fallback) {
    await page.addInitScript(() => {
      Reflect.deleteProperty(globalThis, 'WebAssembly');
    });
  }
  let bytes = 0;
  const pending: Promise<unknown>[] = [];
  context.on('response', (response) =>
    pending.push(
      response.body().then(
        (b) => (bytes += Math.min(b.length, gzipSync(b).length)),
        () => {},
      ),
    ),
  );
  await page.goto(`${ORIGIN}/${lang}/`);
  await page.waitForLoadState('networkidle');
  await Promise.all(pending.splice(0));
  bytes = 0;

  const dialog = page.getByRole('dialog');
  const input = dialog.getByRole('combobox');
  /** Types `q` and returns ms from the last keystroke until its results are shown. */
  const timed = async (q: string): Promise<number> => {
    await input.fill(q.slice(0, -1));
    await page.waitForTimeout(400);
    const ms = await page.evaluate(
      (q) =>
        new Promise<number>((resolve, reject) => {
          const field = document.querySelector<HTMLInputElement>('dialog [role="combobox"]');
          if (!field) return reject(new Error('no search field'));
          const summary = document.querySelector('dialog [role="status"]');
          const start = performance.now();
          field.value = q;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          const check = () => {
            const done =
              summary?.textContent?.includes(q) && document.querySelector('dialog [role="option"]');
            if (done) resolve(performance.now() - start);
            else requestAnimationFrame(check);
          };
          check();
        }),
      q,
    );
    return ms;
  };

  const started = performance.now();
  await page.locator('[data-search-trigger]').click();
  await input.waitFor();
  const [first = '', ...rest] = QUERIES[lang];
  await input.fill(first);
  await dialog.getByRole('option').first().waitFor();
  const firstResultMs = performance.now() - started;
  await page.waitForLoadState('networkidle');
  await Promise.all(pending.splice(0));
  const firstBytes = bytes;

  bytes = 0;
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) for (const q of rest) times.push(await timed(q));
  await page.waitForLoadState('networkidle');
  await Promise.all(pending.splice(0));
  const laterBytes = bytes / rest.length;

  // Relevance: each query of the table, as listed in the dialog.
  const status = dialog.getByRole('status');
  const ranks: Row['ranks'] = [];
  for (const query of SMOKE ? TABLE[lang].slice(0, 3) : TABLE[lang]) {
    await input.fill(query.q);
    await status.filter({ hasText: query.q }).waitFor();
    ranks.push({ query, rank: rankOf(await resultLinks(dialog), lang, query) });
  }
  await context.close();
  return {
    lang,
    engine: fallback ? 'fallback' : 'pagefind',
    firstBytes,
    ranks,
    firstResultMs,
    laterBytes,
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
  };
}

await stat(join(DIST, 'pagefind')).catch(() => {
  throw new Error(`no ${DIST}/pagefind: build first (npm run build)`);
});
// Astro's own entry, run by this Node, so that killing `server` stops the server itself.
const astro = fileURLToPath(import.meta.resolve('astro/package.json')).replace(
  /package\.json$/,
  'bin/astro.mjs',
);
const server = spawn(
  process.execPath,
  [astro, 'preview', '--host', '127.0.0.1', '--port', String(PORT)],
  { stdio: 'ignore' },
);
try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
  const rows: Row[] = [];
  for (const fallback of SMOKE ? [false] : [false, true])
    for (const lang of SMOKE ? (['de'] as const) : (['de', 'en'] as const))
      rows.push(await measure(browser, lang, fallback));
  await browser.close();
  console.log(`\nSearch figures (${RUNS} runs of ${QUERIES.de.length - 1} queries per row)\n`);
  table(
    ['lang', 'engine', 'first open', 'open→results', 'per later query', 'median', 'p95'],
    rows.map((r) => [
      r.lang,
      r.engine,
      kb(r.firstBytes),
      `${r.firstResultMs.toFixed(0)} ms`,
      kb(r.laterBytes),
      `${r.median.toFixed(1)} ms`,
      `${r.p95.toFixed(1)} ms`,
    ]),
  );
  table(['index file', 'raw', 'gzip'], await indexSizes());
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)} %`;
  const score = (ranks: Row['ranks']) => [
    String(ranks.length),
    pct(ranks.filter((r) => r.rank === 1).length, ranks.length),
    pct(ranks.filter((r) => r.rank >= 1 && r.rank <= 3).length, ranks.length),
    (ranks.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / ranks.length).toFixed(2),
  ];
  console.log('Relevance over tests/search-queries.json (rank of the expected page and section)\n');
  table(
    ['lang', 'engine', 'queries', 'success@1', 'success@3', 'MRR'],
    rows.map((r) => [r.lang, r.engine, ...score(r.ranks)]),
  );
  const kinds = [...new Set(rows.flatMap((r) => r.ranks.map((x) => x.query.kind)))];
  table(
    ['lang', 'engine', ...kinds.map((k) => `${k} s@1/s@3`)],
    rows.map((r) => [
      r.lang,
      r.engine,
      ...kinds.map((k) => {
        const of = r.ranks.filter((x) => x.query.kind === k);
        const [, s1, s3] = score(of);
        return of.length ? `${s1}/${s3}` : '–';
      }),
    ]),
  );
  const misses = rows.flatMap((r) =>
    r.ranks
      .filter((x) => x.rank !== 1)
      .map((x) => `${r.lang} ${r.engine}: "${x.query.q}" at ${x.rank || '–'}`),
  );
  if (misses.length) console.log(`Not first:\n  ${misses.join('\n  ')}\n`);
} finally {
  server.kill();
}
