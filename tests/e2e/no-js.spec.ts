// A reader whose browser runs no JavaScript: every page reads whole, links and forms lead
// where scripts would, and nothing offers what needs a script. One browser page walks the
// site, each part a step of its own. (The root page's axe check as such a reader gets it:
// a11y.spec.ts.)
import { CONTENT_SLUGS, topicPath } from '../site-pages.ts';
import { expect, sitePages, test } from './fixtures.ts';

test.use({ javaScriptEnabled: false });

/** Each diagram and the topic page it teaches on. */
const FIGURES = [
  { id: 'layer-stack', page: '/en/architecture/' },
  { id: 'io-path', page: '/en/io-drivers/' },
  { id: 'device-sharing', page: '/en/io-drivers/' },
  { id: 'architecture-fit', page: '/en/comparison/' },
];

test('without JavaScript the root offers both languages, pages and figures read whole, search lists every page and self-check answers open', async ({
  page,
}) => {
  test.setTimeout(60_000);

  await test.step('/ offers both languages', async () => {
    await page.goto('/');
    await expect(page.getByRole('link', { name: 'Auf Deutsch lesen' })).toHaveAttribute(
      'href',
      '/de/',
    );
    await expect(page.getByRole('link', { name: 'Read in English' })).toHaveAttribute(
      'href',
      '/en/',
    );
  });

  await test.step('a page reads whole: no theme switch, no copy button, no hint for the / shortcut', async () => {
    await page.goto('/en/architecture/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('theme-switch')).toBeHidden();
    await expect(page.locator('figure').first()).toBeVisible();
    // Headings keep a plain anchor link.
    const heading = page.locator('.heading', { has: page.locator('#the-layers-in-a-picture') });
    await expect(heading.locator('a.heading-anchor')).toHaveAttribute(
      'href',
      '#the-layers-in-a-picture',
    );
    await expect(heading.getByRole('button')).toHaveCount(0);
    // The search link shows; the / shortcut needs a script, so no hint names it.
    await expect(page.locator('.search-trigger')).toBeVisible();
    await expect(page.locator('.search-key')).toBeHidden();
  });

  for (const { id, page: path } of FIGURES)
    await test.step(`figure ${id}: picture, caption, citation and text alternative, no controls`, async () => {
      if (new URL(page.url()).pathname !== path) await page.goto(path);
      const fig = page.locator(`#figure-${id}`);
      await expect(fig.locator('svg').first()).toBeVisible();
      await expect(fig.locator('figcaption')).toBeVisible();
      await expect(fig.locator('figcaption .cite').first()).toBeVisible();
      await fig.locator('.diagram-alt summary').click();
      await expect(fig.locator('.diagram-alt').locator('table, ol').first()).toBeVisible();
      await expect(fig.locator('[data-controls]').first()).toBeHidden();
      await expect(fig.getByRole('radio')).toHaveCount(0);
    });

  for (const lang of ['de', 'en'] as const)
    await test.step(`${lang}: the search link leads to a page that lists every page and the glossary`, async () => {
      await page.goto(`/${lang}/vendors/`);
      await page.locator('[data-search-trigger]').click();
      await expect(page).toHaveURL(`/${lang}/search/`);
      await expect(page.locator('[data-search-nojs]')).toBeVisible();
      await expect(page.locator('[data-search-nojs]')).toContainText('JavaScript');
      const listed = await page
        .locator('.search-all a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      for (const p of sitePages().filter((p) => p.lang === lang)) expect(listed).toContain(p.path);
      expect(listed).toContain(`/${lang}/glossary/`);
    });

  await test.step('every self-check answer is reachable behind its details; no Check button that would do nothing', async () => {
    for (const slug of CONTENT_SLUGS) {
      await page.goto(topicPath('en', slug));
      const questions = page.locator('.quiz-question');
      const count = await questions.count();
      expect(count, slug).toBeGreaterThanOrEqual(2);
      await expect(questions.locator('.quiz-check').first()).toBeHidden();
      for (let i = 0; i < count; i++) {
        const details = questions.nth(i).locator('details');
        await details.locator('summary').click();
        await expect(details.getByText(/^Answer: [A-E] – /)).toBeVisible();
        await expect(details.locator('sup.cite a').first()).toBeVisible();
        // Why each other option is wrong, each named by its letter and text.
        const options = await questions.nth(i).locator('input').count();
        await expect(details.locator('li')).toHaveCount(options - 1);
        for (const item of await details.locator('li').all())
          await expect(item).toHaveText(/^[A-E] – .+: \S/);
      }
    }
  });
});
