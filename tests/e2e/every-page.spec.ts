// Every topic page of both languages, once each, as a reader meets it: it loads with its
// heading, language, title and frame; axe finds nothing in light or dark mode; at 320 px and
// 400 % zoom nothing scrolls sideways or leaves its box, and wider text spacing cuts no text
// off (the views: `reflowProblems` in audit-helpers.ts); searching and using every diagram
// request nothing from another origin, break no rule of the page's Content Security Policy
// and log no error; glossary terms are linked once at most and a content page's "Cite this page" block
// holds one full BibTeX entry; and the language switch leads to the same topic in the other
// language. One page load does all of it, and one browser page walks two topics in turn,
// each page a step of its own: the German page first, whose language switch opens the
// English page that is then checked on that load, and whose switch leads back.
import { existsSync } from 'node:fs';
import { reflowProblems } from './audit-helpers.ts';
import { axeBothSchemes } from './axe.ts';
import { CONTENT_SLUGS } from '../site-pages.ts';
import { parseBibtex } from './bibtex.ts';
import type { Page } from '@playwright/test';
import { expect, inRuns, sitePages, test, twinPath, type SitePage } from './fixtures.ts';
import { expectStrictPolicy, recordViolations, useDiagrams, useSearch } from './page-use.ts';

const withSiteUrl = existsSync(new URL('../../dist/sitemap.xml', import.meta.url));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Axe twice, four reflow views, search, every diagram and the language switch, on four
// pages: give it time.
test.describe.configure({ timeout: 180_000 });

/** Every topic as its German page and its English twin. */
const topics = Object.values(Object.groupBy(sitePages(), (p) => p.slug)).map((pair = []) =>
  pair.sort((a, b) => a.lang.localeCompare(b.lang)),
);

for (const { label, run: pairs } of inRuns(topics, 2, ['topic', 'topics'])) {
  const run = pairs.flat();
  test(`${label} (${run.map((p) => p.path).join(', ')}): each reads right, passes axe in both themes, stays on its origin and switches language`, async ({
    page,
    baseURL,
  }) => {
    const violations = await recordViolations(page);
    for (const p of run)
      await test.step(p.path, () => checkPage(page, p, `${baseURL}${p.path}`, violations));
  });
}

async function checkPage(
  page: Page,
  p: SitePage,
  url: string,
  violations: () => Promise<string[]>,
) {
  // The page the last one's language switch opened is checked on that load.
  const arrived = new URL(page.url()).pathname === p.path;
  const status = arrived
    ? await page.evaluate(
        () =>
          (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
            .responseStatus,
      )
    : (await page.goto(p.path))?.status();

  await test.step('heading, language, title, description, frame', async () => {
    expect(status).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', p.lang);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    await expect(h1).toBeVisible();
    const heading = (await h1.textContent())?.trim() ?? '';
    expect(heading.length).toBeGreaterThan(2);
    await expect(page).toHaveTitle(new RegExp(`^${escape(heading)} · `));
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{20,}/);
    // Canonical and alternates are absolute: only a build with SITE_URL (and its sitemap) has them.
    const alternate = page.locator(
      `link[rel="alternate"][hreflang="${p.lang === 'de' ? 'en' : 'de'}"]`,
    );
    if (withSiteUrl) {
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
        'href',
        new RegExp(`^https?://[^/]+${p.path}$`),
      );
      await expect(alternate).toHaveAttribute('href', new RegExp(`${twinPath(p)}$`));
    } else {
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
      await expect(alternate).toHaveCount(0);
    }
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText(
      'Was ist Bare Metal Virtualisierung?',
    );
    await expect(page.locator('#site-nav a[aria-current="page"]')).toHaveCount(1);
    await expectStrictPolicy(page);
  });

  await test.step('glossary links, and the "Cite this page" block of a content page', async () => {
    const terms = await page
      .locator('a.glossary-link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('data-term')));
    // Each term linked once at most, never in a heading, a link or a citation mark; a
    // content page links some, the glossary itself none.
    expect(new Set(terms).size, 'glossary terms linked twice').toBe(terms.length);
    await expect(page.locator(':is(h1,h2,h3,a,sup) .glossary-link')).toHaveCount(0);
    if (p.slug === 'glossary') expect(terms).toEqual([]);
    if (!CONTENT_SLUGS.includes(p.slug)) return;
    expect(terms.length).toBeGreaterThan(0);
    const block = page.locator('details.cite-page');
    await expect(block).toHaveCount(1);
    await expect(block).not.toHaveAttribute('open');
    await block.locator('summary').click();
    // Opened, its address carries the page's own origin (origin.spec.ts: another one).
    await expect(block.locator('pre')).toContainText(url);
    const entries = parseBibtex((await block.locator('pre').textContent()) ?? '');
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(['misc', 'online']).toContain(entry?.type);
    expect(entry?.fields['title']).toBe(
      (await page.getByRole('heading', { level: 1 }).textContent())?.trim(),
    );
    expect(entry?.fields['author'] ?? entry?.fields['organization']).toBeTruthy();
    expect(entry?.fields['year']).toMatch(/^\d{4}$/);
    expect(entry?.fields['url']).toBe(url);
  });

  await test.step('axe in light and dark mode', async () => {
    expect(await axeBothSchemes(page)).toEqual([]);
  });

  await test.step('reflow at 320 px and 400 % zoom, text spacing', async () => {
    expect(await reflowProblems(page)).toEqual([]);
  });

  await test.step('search and every diagram, on this origin and within the policy', async () => {
    await useSearch(page);
    await useDiagrams(page);
    expect(await violations(), 'policy violations').toEqual([]);
  });

  await test.step('the language switch leads to the same topic', async () => {
    const other = p.lang === 'de' ? 'en' : 'de';
    await page.locator(`header a[hreflang="${other}"]`).click();
    await expect(page).toHaveURL(new RegExp(`${twinPath(p)}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', other);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
}
