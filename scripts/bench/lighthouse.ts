// Lighthouse with its default (mobile, simulated throttling) settings on each page, one
// after the other in one headless Chromium.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, requireChromium } from '../../tests/chromium.ts';
import { kb, say, sec, table } from './lib.ts';
import type { Served } from './serve.ts';

const FLAGS = ['--headless=new', ...chromiumArgs];
type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';
const CATEGORIES: Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

/** A row of layout-shift audit details: how much it moved, and what. */
interface Shift {
  score?: number;
  node?: { snippet?: string; selector?: string };
}

export interface LighthouseRow extends Record<Category, number> {
  path: string;
  /** Largest Contentful Paint, ms. */
  lcp: number | undefined;
  cls: number | undefined;
  /** Total Blocking Time, ms. */
  tbt: number | undefined;
  bytes: number | undefined;
  /** `category:audit` of every weighted audit below full score. */
  failing: string[];
  shifts: { score: number | undefined; node: string | undefined }[];
  runtimeError: string | undefined;
  ms: number;
}

export async function measureLighthouse(
  server: Pick<Served, 'url'>,
  paths: string[],
): Promise<LighthouseRow[]> {
  const chromePath = requireChromium();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS });
  const rows: LighthouseRow[] = [];
  try {
    for (const path of paths) {
      const started = performance.now();
      const result = await lighthouse(server.url(path), {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: CATEGORIES,
      });
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${path}`);
      const audit = (id: string): number | undefined => lhr.audits[id]?.numericValue;
      const scores = Object.fromEntries(
        CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      ) as Record<Category, number>;
      const shifts = lhr.audits['layout-shifts']?.details;
      // Audits that cost points outside the performance metrics, to say why a score is below 100.
      const failing = CATEGORIES.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .filter((ref) => {
            const score = lhr.audits[ref.id]?.score;
            return score !== null && score !== undefined && score < 1;
          })
          .map((ref) => `${c}:${ref.id}`),
      );
      rows.push({
        path,
        ...scores,
        lcp: audit('largest-contentful-paint'),
        cls: audit('cumulative-layout-shift'),
        tbt: audit('total-blocking-time'),
        bytes: audit('total-byte-weight'),
        failing,
        // What moved, when the layout shifted (to find the cause of a CLS above zero).
        shifts: ((shifts && 'items' in shifts ? shifts.items : []) as Shift[]).map((item) => ({
          score: item.score,
          node: item.node?.snippet ?? item.node?.selector,
        })),
        runtimeError: lhr.runtimeError?.message,
        ms: performance.now() - started,
      });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

export function printLighthouse(rows: LighthouseRow[]): void {
  table(
    'Lighthouse 13, mobile defaults (simulated slow 4G, 4× CPU slowdown); LCP in s, TBT in ms, transferred KB',
    ['page', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP', 'CLS', 'TBT', 'KB', 'run s'],
    rows.map((r) => [
      r.path,
      r.performance,
      r.accessibility,
      r['best-practices'],
      r.seo,
      sec(r.lcp),
      r.cls === undefined ? '–' : r.cls.toFixed(3),
      r.tbt === undefined ? '–' : Math.round(r.tbt),
      kb(r.bytes),
      sec(r.ms),
    ]),
  );
  const failing = [...new Set(rows.flatMap((r) => r.failing))];
  if (failing.length) say(`Audits below full score somewhere: ${failing.join(', ')}\n`);
  for (const r of rows.filter((r) => r.runtimeError))
    say(`Lighthouse error on ${r.path}: ${r.runtimeError}`);
}
