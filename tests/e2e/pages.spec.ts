// The pages as a set: both languages have the same topics, the pager walks the reading
// order, the sources page and citations lead to each other. (Each page's own heading,
// title, language and frame: every-page.spec.ts.)
import { isReadingId, citationsIn } from '../../src/lib/claims.ts';
import { pageFiles, readings } from '../unit/content.ts';
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

test("each of the site's readings shows as one, apart from claims and context", async ({
  page,
}) => {
  // One page per reading, the languages taking turns, so both labels are seen.
  const label = { de: 'Lesart dieser Seiten', en: "This site's reading" };
  const all = readings();
  expect(all.length).toBeGreaterThan(0);
  for (const [i, reading] of all.entries()) {
    const lang = i % 2 ? 'en' : 'de';
    const told = pageFiles().find(
      (p) =>
        p.lang === lang &&
        citationsIn(p.body).some((c) => isReadingId(c.id) && c.id === reading.id),
    );
    expect(told, `${reading.id} is told on a ${lang} page`).toBeDefined();
    await page.goto(`/${lang}/${told?.slug === 'start' ? '' : `${told?.slug}/`}`);
    const aside = page.locator(`aside#${reading.id}`);
    await expect(aside).toBeVisible();
    await expect(aside).toHaveRole('note');
    await expect(aside.locator('.reading-title')).toHaveText(label[lang]);
    // Set apart from the prose and from a context aside: its own line and tint.
    const look = await aside.evaluate((el) => {
      const context = document.createElement('aside');
      context.className = 'context';
      el.after(context);
      const style = (e: Element) => {
        const s = getComputedStyle(e);
        return `${s.borderInlineStartStyle} ${s.borderInlineStartColor} ${s.backgroundColor}`;
      };
      // The paragraph of prose before it (on the comparison page, one reading follows another).
      let prose = el.previousElementSibling;
      while (prose && prose.tagName !== 'P') prose = prose.previousElementSibling;
      const result = {
        reading: style(el),
        context: style(context),
        prose: style(prose ?? document.body),
      };
      context.remove();
      return result;
    });
    expect(look.reading).toMatch(/^dashed /);
    expect(look.reading).not.toBe(look.context);
    expect(look.reading).not.toBe(look.prose);
    // One mark, with a link named for each claim the reading joins.
    const marks = aside.locator('sup.cite');
    await expect(marks).toHaveCount(1);
    const links = await marks.locator('a').evaluateAll((all) =>
      all.map((a) => ({
        id: a.getAttribute('href')?.split('#')[1],
        name: a.getAttribute('aria-label'),
        text: a.textContent,
      })),
    );
    expect(links.map((l) => l.id)).toEqual(reading.joins);
    for (const link of links) {
      expect(link.text).toMatch(/^P\d\.\d+$/);
      expect(link.name).toBe(`${lang === 'de' ? 'Beleg' : 'Source'} ${link.text}`);
    }
  }
});
