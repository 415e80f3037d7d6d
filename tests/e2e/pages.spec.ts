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
      const path = new URL(page.url()).pathname;
      seen.push(path);
      // One evaluation per page: its heading shows, and its "next" link takes focus as the
      // Tab key gives it; Enter follows the link. (Locators would set up Playwright's selector
      // engine again in each of the 22 documents, for two questions.)
      const { heading, next } = await page.evaluate(() => {
        const link = document.querySelector<HTMLAnchorElement>('a[rel="next"]');
        link?.focus();
        return {
          heading: !!document.querySelector('h1')?.checkVisibility(),
          next: link ? document.activeElement === link : null,
        };
      });
      expect(heading, `${path}: its heading shows`).toBe(true);
      if (next === null) break;
      expect(next, `${path}: the next link takes focus`).toBe(true);
      await Promise.all([
        page.waitForURL((url) => url.pathname !== path),
        page.keyboard.press('Enter'),
      ]);
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
  await expect(page.locator('sup.cite a[href$="#io-driver-emulation"]').first()).toBeAttached();
});

test('a citation leads to its claim on the sources page', async ({ page }) => {
  await page.goto('/de/architecture/');
  const cite = page.locator('sup.cite a').first();
  const id = (await cite.getAttribute('href'))?.split('#')[1];
  await cite.click();
  await expect(page).toHaveURL(new RegExp(`/de/sources/#${id}$`));
  await expect(page.locator(`li[id="${id}"]`)).toBeInViewport();
});
