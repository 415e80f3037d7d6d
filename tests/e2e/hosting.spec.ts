// Hosting: every built page that is no topic (topics: every-page.spec.ts), with search and
// every diagram used, requests nothing from another origin, breaks no rule of its Content
// Security Policy and logs no error; before that, in its first view, it reflows at 320 px
// and 400 % zoom and keeps its text whole with wider spacing (reflow.spec.ts).
// Also the not-found page (search, page list) and the IIS web.config as XML.
import { readdirSync, readFileSync } from 'node:fs';
import { reflowProblems } from './audit-helpers.ts';
import { expect, inRuns, sitePages, test } from './fixtures.ts';
import { expectStrictPolicy, recordViolations, useDiagrams, useSearch } from './page-use.ts';

const dist = new URL('../../dist/', import.meta.url);

const topics = new Set(sitePages().map((p) => p.path));
/** Every other built page: root, not-found, search and embed pages (topics: every-page.spec.ts). */
const paths = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
  .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`)
  .filter((path) => !topics.has(path))
  .sort();

test.describe('every other page stays on its own origin and within its policy', () => {
  test('the sweep covers the root, not-found, search and embed pages', () => {
    expect(paths).toEqual(expect.arrayContaining(['/', '/404.html', '/de/search/']));
    expect(paths.filter((path) => path.includes('/embed/')).length).toBe(8);
  });
  // One browser page walks four pages in turn, each a step of its own.
  for (const { label, run } of inRuns(paths, 4)) {
    test(`${label} (${run.join(', ')}): each reflows, requests only its own origin; strict policy, no violation, no console error`, async ({
      page,
    }) => {
      const violations = await recordViolations(page);
      for (const path of run)
        await test.step(path, async () => {
          await page.goto(path);
          expect(await reflowProblems(page), 'reflow and text spacing').toEqual([]);
          await expectStrictPolicy(page);
          // Everything the page fetches when a reader uses it: search, then every diagram.
          await useSearch(page);
          await useDiagrams(page);
          expect(await violations()).toEqual([]);
        });
    });
  }
});

test.describe('the not-found page', () => {
  test.use({ allowedConsole: [/404/] });

  test('offers search in each language, filled with the words of the address', async ({ page }) => {
    const response = await page.goto('/de/io-treiber/');
    expect(response?.status()).toBe(404);
    for (const [lang, label] of [
      ['de', 'Auf dieser Website suchen'],
      ['en', 'Search this site'],
    ] as const) {
      const search = page.locator(`section[lang="${lang}"]`).getByRole('search');
      await expect(search).toHaveAttribute('action', `/${lang}/search/`);
      await expect(search).toHaveAttribute('method', 'get');
      const field = search.getByLabel(label);
      await expect(field).toHaveAttribute('name', 'q');
      await expect(field).toHaveValue('io treiber');
    }
  });

  test('turns markup in the address into plain words', async ({ page }) => {
    page.on('dialog', () => {
      throw new Error('a dialog opened');
    });
    await page.goto('/en/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/');
    await expect(page.getByLabel('Search this site')).toHaveValue('img src x onerror alert 1');
    await expect(page.locator('main img')).toHaveCount(0);
  });

  test('lists every page of each language', async ({ page }) => {
    await page.goto('/nowhere/');
    for (const lang of ['de', 'en'] as const) {
      const list = page.locator(`section[lang="${lang}"] ul a`);
      const expected = sitePages()
        .filter((p) => p.lang === lang)
        .map((p) => p.path)
        .sort();
      const hrefs = await list.evaluateAll((links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      );
      expect(hrefs.sort()).toEqual(expected);
    }
  });
});

test('web.config is well-formed XML for IIS', async ({ page }) => {
  const xml = readFileSync(new URL('web.config', dist), 'utf8');
  await page.goto('/en/');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? '',
      root: doc.documentElement.nodeName,
      mimeMaps: doc.querySelectorAll('staticContent > mimeMap').length,
      httpErrors: doc.querySelectorAll('httpErrors').length,
      // IIS locks <httpErrors> by default: the block waits in a comment beside the unlock command.
      comment: [...doc.querySelectorAll('system\\.webServer')]
        .flatMap((el) => [...el.childNodes])
        .filter((node) => node.nodeType === Node.COMMENT_NODE)
        .map((node) => node.textContent ?? '')
        .join('\n'),
    };
  }, xml);
  expect(parsed.error).toBe('');
  expect(parsed.root).toBe('configuration');
  expect(parsed.mimeMaps).toBeGreaterThanOrEqual(5);
  expect(parsed.httpErrors).toBe(0);
  expect(parsed.comment).toContain('unlock config -section:system.webServer/httpErrors');
  expect(parsed.comment).toMatch(/<error statusCode="404" path="\/(.+\/)?404\.html"/);
});
