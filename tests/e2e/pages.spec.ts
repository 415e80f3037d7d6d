// Every page of both languages loads as a reader expects: heading, language, title,
// description, canonical link, and the frame around it.
import { existsSync } from 'node:fs';
import { expect, sitePages, test, twinPath } from './fixtures.ts';

const pages = sitePages();
const withSiteUrl = existsSync(new URL('../../dist/sitemap.xml', import.meta.url));

test('the same topics exist in both languages', () => {
  const slugs = (lang: string) =>
    pages
      .filter((p) => p.lang === lang)
      .map((p) => p.slug)
      .sort();
  expect(slugs('de').length).toBeGreaterThanOrEqual(9);
  expect(slugs('de')).toEqual(slugs('en'));
});

for (const p of pages) {
  test(`${p.path} shows its heading, language and title`, async ({ page }) => {
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', p.lang);
    const h1 = page.getByRole('heading', { level: 1 });
    await expect(h1).toHaveCount(1);
    await expect(h1).toBeVisible();
    const heading = (await h1.textContent())?.trim() ?? '';
    expect(heading.length).toBeGreaterThan(2);
    await expect(page).toHaveTitle(
      new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `),
    );
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
  });
}

test('previous and next links walk the whole reading order in each language', async ({ page }) => {
  for (const lang of ['de', 'en']) {
    const seen: string[] = [];
    await page.goto(`/${lang}/`);
    for (;;) {
      seen.push(new URL(page.url()).pathname);
      const next = page.locator('a[rel="next"]');
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    expect(seen.sort()).toEqual(
      pages
        .filter((p) => p.lang === lang)
        .map((p) => p.path)
        .sort(),
    );
  }
});

test('the sources page lists every claim, each told on a page that cites it', async ({ page }) => {
  await page.goto('/en/sources/');
  const claims = page.locator('li.claim');
  expect(await claims.count()).toBeGreaterThanOrEqual(20);
  await expect(page.getByText('Not told on any page')).toHaveCount(0);
  // Follow the first "told on" link of a claim and find the citation there.
  const claim = page.locator('li#io-driver-emulation');
  const told = claim.locator('.claim-meta a').first();
  await told.click();
  await expect(page.locator('[data-claim="io-driver-emulation"]').first()).toBeAttached();
});

test('a citation leads to its claim on the sources page', async ({ page }) => {
  await page.goto('/de/architecture/');
  const cite = page.locator('sup.cite a').first();
  const id = await cite.getAttribute('data-claim');
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`/de/sources/#${id}$`));
  await expect(page.locator(`li[id="${id}"]`)).toBeInViewport();
});
