// Shared test setup: every browser test fails on a request to another origin (those are
// also blocked, so nothing leaves the machine) and on any console error or page error.
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

export { expect };

interface Guard {
  /** Console messages a test expects (e.g. the 404 of a missing page); matched ones are allowed. */
  allowedConsole: RegExp[];
  guard: void;
}

export const test = base.extend<Guard>({
  allowedConsole: [[], { option: true }],
  guard: [
    async ({ page, baseURL, allowedConsole }, use) => {
      const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
      const foreign: string[] = [];
      const errors: string[] = [];
      const local = (url: URL) =>
        url.origin === origin || ['data:', 'blob:', 'about:', 'file:'].includes(url.protocol);
      await page.route(
        (url) => !local(url),
        (route) => {
          foreign.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !allowedConsole.some((re) => re.test(msg.text())))
          errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(foreign, 'requests to other origins').toEqual([]);
      expect(errors, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export interface SitePage {
  /** Path as served, e.g. /de/architecture/. */
  path: string;
  lang: 'de' | 'en';
  slug: string;
}

/** Every topic page of the built site, read from its sitemap. */
export function sitePages(): SitePage[] {
  const xml = readFileSync(new URL('../../dist/sitemap.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
    const path = new URL(m[1] ?? '').pathname;
    const [lang = 'en', slug = 'start'] = path.split('/').filter(Boolean);
    return { path, lang: lang as SitePage['lang'], slug };
  });
}

/** The same topic in the other language. */
export const twinPath = (p: SitePage): string =>
  p.path.replace(/^\/(de|en)\//, (_, lang: string) => `/${lang === 'de' ? 'en' : 'de'}/`);

/** True when the page can be scrolled sideways (it should never be). */
export const scrollsSideways = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
