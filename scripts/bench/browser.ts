// Headless Chromium through Playwright, and a log of what a page fetches with the bytes that
// went over the wire for each response (the body as sent, i.e. compressed where the server
// compressed it).
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, requireChromium } from '../../tests/chromium.ts';

/** How the weight table groups what a page fetches. */
export type Kind = 'html' | 'css' | 'js' | 'font' | 'img' | 'other';

export interface Fetched {
  url: string;
  type: Kind;
  bytes: number;
  at: number;
}

export type KindSums = Record<Kind | 'total' | 'requests', number>;

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: requireChromium(), args: chromiumArgs });
}

/** The resource types Chromium reports, grouped as the weight table shows them. */
export function kind(resourceType: string, url = ''): Kind {
  // Chromium files the favicon under "other"; it is an image.
  if (resourceType === 'other' && /\.(svg|png|ico|webp)$/.test(new URL(url).pathname)) return 'img';
  switch (resourceType) {
    case 'document':
      return 'html';
    case 'stylesheet':
      return 'css';
    case 'script':
      return 'js';
    case 'font':
      return 'font';
    case 'image':
      return 'img';
    default:
      return 'other';
  }
}

/** Records every finished request of `page` with its transferred body size. */
export function recordFetches(page: Page): {
  fetched: Fetched[];
  settle: (quietMs?: number, maxMs?: number) => Promise<void>;
} {
  const fetched: Fetched[] = [];
  let inFlight = 0;
  let lastActivity = performance.now();
  const pending = new Set<Promise<void>>();
  page.on('request', () => {
    inFlight++;
    lastActivity = performance.now();
  });
  const done = (): void => {
    inFlight--;
    lastActivity = performance.now();
  };
  page.on('requestfailed', done);
  page.on('requestfinished', (request) => {
    const job = request
      .sizes()
      .then(async (sizes) => {
        let bytes = sizes.responseBodySize;
        // Chromium leaves the body size of a worker's own script at 0; the header has it.
        if (!bytes) bytes = Number((await request.response())?.headers()['content-length'] ?? 0);
        fetched.push({
          url: request.url(),
          type: kind(request.resourceType(), request.url()),
          bytes,
          at: performance.now(),
        });
      })
      .catch(() => {})
      .finally(() => {
        pending.delete(job);
        done();
      });
    pending.add(job);
  });
  return {
    fetched,
    /** Waits until no request has started or ended for `quietMs` (at most `maxMs`). */
    async settle(quietMs = 600, maxMs = 15_000): Promise<void> {
      const started = performance.now();
      while (performance.now() - started < maxMs) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (inFlight <= 0 && performance.now() - lastActivity >= quietMs) break;
      }
      await Promise.all(pending);
    },
  };
}

/** Sums fetched bytes by kind, with a total and a request count. */
export function byKind(fetched: Fetched[]): KindSums {
  const sums: KindSums = {
    html: 0,
    css: 0,
    js: 0,
    font: 0,
    img: 0,
    other: 0,
    total: 0,
    requests: 0,
  };
  for (const f of fetched) {
    sums[f.type] += f.bytes;
    sums.total += f.bytes;
    sums.requests++;
  }
  return sums;
}
