// The pages as a set: both languages have the same topics, the pager walks the reading
// order, the sources page and citations lead to each other. (Each page's own heading,
// title, language and frame: every-page.spec.ts.)
import { expect, sitePages, test } from './fixtures.ts';

const pages = sitePages();

test('the same topics exist in both languages', () => {
  const slugs = (lang: string) =>
    pages
      .filter((p) => p.lang === lang)
      .map((p) => p.slug)
      .sort();
  expect(slugs('de').length).toBeGreaterThanOrEqual(9);
  expect(slugs('de')).toEqual(slugs('en'));
});

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
