// Shared test setup: every test that opens a page fails on a request to another origin
// and on any console error or page error. Such requests cannot leave the machine either:
// the browser resolves no host name but localhost (tests/chromium.ts). The guard only
// listens, so no request waits for it, and it wraps the `page` fixture, so a test that
// needs no browser page opens none.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { topicPages } from '../site-pages.ts';
import { serveStatic } from '../static-server.ts';

export { expect };

interface Guard {
  /** Console messages a test expects (e.g. the 404 of a missing page); matched ones are allowed. */
  allowedConsole: RegExp[];
}

/** The sub-path of the second build, and its folder (dist-sub/, made by test-servers.ts). */
export const SUB = '/kurs/virtualisierung/';
export const SUB_FOLDER = fileURLToPath(new URL(`../../dist-sub${SUB}`, import.meta.url));
/** Skips a test (or, in a describe block, its tests) where the sub-path build is missing. */
export const needsSubBuild = () =>
  test.skip(!existsSync(SUB_FOLDER), 'dist-sub/ is missing: run `node scripts/test-servers.ts`');

export const test = base.extend<
  Guard,
  {
    /**
     * dist-sub/ served under the sub-path at an origin of its own (an origin the build never
     * knew): one server per worker, started only for a test that asks for it.
     */
    subOrigin: string;
  }
>({
  subOrigin: [
    async ({}, use) => {
      const server = await serveStatic(SUB_FOLDER, SUB);
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  allowedConsole: [[], { option: true }],
  page: async ({ page, baseURL, allowedConsole }, use) => {
    const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    const foreign: string[] = [];
    const errors: string[] = [];
    const local = (url: URL) =>
      url.origin === origin || ['data:', 'blob:', 'about:', 'file:'].includes(url.protocol);
    page.context().on('request', (request) => {
      if (!local(new URL(request.url()))) foreign.push(request.url());
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !allowedConsole.some((re) => re.test(msg.text())))
        errors.push(msg.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(foreign, 'requests to other origins').toEqual([]);
    expect(errors, 'console errors').toEqual([]);
  },
});

export interface SitePage {
  /** Path as served, e.g. /de/architecture/. */
  path: string;
  lang: 'de' | 'en';
  slug: string;
}

/** Every topic page of the site (tests/site-pages.ts: the sitemap exists only with SITE_URL). */
export const sitePages = (): SitePage[] => topicPages();

/** The same topic in the other language. */
export const twinPath = (p: SitePage): string =>
  p.path.replace(/^\/(de|en)\//, (_, lang: string) => `/${lang === 'de' ? 'en' : 'de'}/`);

/**
 * A sweep cut into as few runs of at most `size` items as it takes, as even as they come
 * (22 in fours: 4, 4, 4, 4, 3, 3), each run one test on one browser page: a new page costs
 * more than a load on an open one. Labels read "pages 5–8 of 22" (or another `noun`).
 */
export function inRuns<T>(
  items: T[],
  size: number,
  noun: [one: string, many: string] = ['page', 'pages'],
): { label: string; run: T[] }[] {
  const runs: { label: string; run: T[] }[] = [];
  const count = Math.ceil(items.length / size);
  for (let i = 0, start = 0; i < count; i += 1) {
    // The first runs take one item more while the rest does not divide evenly.
    const length = Math.floor(items.length / count) + (i < items.length % count ? 1 : 0);
    const run = items.slice(start, start + length);
    const label =
      run.length > 1
        ? `${noun[1]} ${start + 1}–${start + run.length} of ${items.length}`
        : `${noun[0]} ${start + 1} of ${items.length}`;
    runs.push({ label, run });
    start += length;
  }
  return runs;
}

/**
 * The script every page runs on open (src/components/frame/boot.ts): the build names it
 * after src/layouts/Page.astro, which imports it.
 */
export const PAGE_SCRIPT = '**/_astro/Page.astro*';

/**
 * Holds back every request matching `url` until the returned function is called, as a slow
 * connection does: what the page shows and does before that file arrives can be tested.
 */
export async function holdBack(
  where: Page | BrowserContext,
  url: string | RegExp | ((url: URL) => boolean),
): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((done) => (release = done));
  await where.route(url, async (route) => {
    await held;
    await route.fallback();
  });
  return release;
}
