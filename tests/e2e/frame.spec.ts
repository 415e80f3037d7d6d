// The site frame: theme switch, anchors, root page, 404. (Every page's language switch and
// 320 px fit: every-page.spec.ts; without JavaScript: no-js.spec.ts; printed: print.spec.ts.)
import { expect, holdBack, PAGE_SCRIPT, test } from './fixtures.ts';

test('theme: follows the system scheme until the reader picks one; the choice survives a reload and another page, without a flash', async ({
  page,
}) => {
  await test.step('follows the system scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/en/');
    const bg = () =>
      page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const dark = await bg();
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).not.toBe(dark);
  });

  await test.step('the choice survives a reload and another page, without a flash', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/de/');
    const select = page.getByLabel('Farbschema');
    await select.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    // Record the theme at the moment <body> first exists, before anything is painted.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.body) {
          (window as unknown as { themeAtBody: string }).themeAtBody =
            document.documentElement.dataset['theme'] ?? '';
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(
      await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody),
    ).toBe('dark');
    await expect(select).toHaveValue('dark');
    await page.goto('/en/architecture/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.getByLabel('Theme').selectOption('system');
    await page.reload();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  });

  await test.step('a choice made before the page script has run is kept', async () => {
    // On a slow connection or from disk the select shows before its script runs.
    const release = await holdBack(page, PAGE_SCRIPT);
    await page.goto('/en/glossary/', { waitUntil: 'commit' });
    await page.getByLabel('Theme').selectOption('dark');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
    release();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.getByLabel('Theme')).toHaveValue('dark');
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
  });
});

test('anchors: heading ids come from the heading text; the contents, heading anchors and a link to a section reach it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.goto('/en/architecture/');

  await test.step('heading ids come from the heading text', async () => {
    for (const h of await page.locator('main h2[id]').all()) {
      const text = ((await h.textContent()) ?? '').trim().toLowerCase();
      const id = (await h.getAttribute('id')) ?? '';
      expect(id.split('-')[0], text).toBe(text.split(/\s+/)[0]?.replace(/[^\p{L}\p{N}-]/gu, ''));
    }
  });

  await test.step('table of contents and heading anchors scroll to their section', async () => {
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const links = toc.getByRole('link');
    expect(await links.count()).toBeGreaterThanOrEqual(3);
    const last = links.last();
    const hash = (await last.getAttribute('href')) ?? '';
    await last.click();
    await expect(page).toHaveURL(new RegExp(`${hash}$`));
    await expect(page.locator(hash)).toBeInViewport();
    // The heading's own anchor link carries the same fragment.
    await expect(page.locator(`.heading:has(${hash}) a.heading-anchor`)).toHaveAttribute(
      'href',
      hash,
    );
  });

  await test.step('a link to a section opens the page at that section', async () => {
    await page.setViewportSize({ width: 800, height: 500 });
    await page.goto('/de/architecture/');
    const id = await page.locator('main h2[id]').last().getAttribute('id');
    await page.goto(`/de/architecture/#${id}`);
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });
});

test('a link pasted without its trailing slash still leads on correctly', async ({ page }) => {
  await page.goto('/en');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const link = page
    .locator('main article a[href]:not([href^="#"]):not(.cite a):not(.heading-anchor)')
    .first();
  const target = (await link.getAttribute('href')) ?? '';
  expect(target).toMatch(/^\/en\/[a-z-]+\/(#.*)?$/);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test.describe('root and not-found pages', () => {
  for (const [locale, lang] of [
    ['de-DE', 'de'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
  ] as const) {
    test.describe(() => {
      test.use({ locale });
      test(`/ sends a ${locale} browser to /${lang}/`, async ({ page }) => {
        await page.goto('/');
        await expect(page).toHaveURL(new RegExp(`/${lang}/$`));
      });
    });
  }

  test.describe(() => {
    test.use({ allowedConsole: [/404/] });
    test('a missing page answers 404 with a page in both languages, wherever it is asked for', async ({
      page,
    }) => {
      for (const path of [
        '/nowhere/',
        '/de/no-such-topic/',
        '/en/architecture/extra/',
        '/%3Cscript%3E/',
      ])
        await test.step(path, async () => {
          const response = await page.goto(path);
          expect(response?.status()).toBe(404);
          await expect(page.getByRole('heading', { name: 'Seite nicht gefunden' })).toBeVisible();
          await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
          await page.getByRole('link', { name: 'Go to the start page' }).click();
          await expect(page).toHaveURL(/\/en\/$/);
        });
    });
  });
});
