// Search figures for the built site (`npm run bench:search`; build first). Serves dist/
// with `astro preview` on PORT (default 4321) and drives headless Chromium: bytes fetched
// on the first search and per later query (gzip size of each body, as a compressing
// server would send it; Pagefind's own files are gzipped already), time from the last
// keystroke to results shown (median and 95th percentile; includes the input's debounce),
// for Pagefind and for the fallback (WebAssembly removed). Prints tables; asserts nothing.
import { chromium, type Browser } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, requireChromium } from '../tests/chromium.ts';

const DIST = process.argv[2] ?? 'dist';
const PORT = Number(process.env['PORT'] ?? 4321);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env['RUNS'] ?? 5);
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

  const input = page.locator('pagefind-modal input');
  /** Types `q` and returns ms from the last keystroke until its results are shown. */
  const timed = async (q: string): Promise<number> => {
    await input.fill(q.slice(0, -1));
    await page.waitForTimeout(400);
    const ms = await page.evaluate(
      (q) =>
        new Promise<number>((resolve, reject) => {
          const field = document.querySelector<HTMLInputElement>('pagefind-modal input');
          if (!field) return reject(new Error('no search field'));
          const summary = document.querySelector('pagefind-modal pagefind-summary');
          const start = performance.now();
          field.value = q;
          field.dispatchEvent(new Event('input', { bubbles: true }));
          const check = () => {
            const done =
              summary?.textContent?.includes(q) &&
              document.querySelector('pagefind-modal .pf-result a');
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
  await page.locator('pagefind-modal .pf-result a').first().waitFor();
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
  await context.close();
  return {
    lang,
    engine: fallback ? 'fallback' : 'pagefind',
    firstBytes,
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
  for (const fallback of [false, true])
    for (const lang of ['de', 'en'] as const) rows.push(await measure(browser, lang, fallback));
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
} finally {
  server.kill();
}
