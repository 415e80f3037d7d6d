// Accessibility: axe (WCAG 2.0–2.2 A and AA rules) finds nothing on the pages that are no
// topic, in light and in dark mode. (Every topic page: every-page.spec.ts; search pages,
// diagrams and course features: their own specs.)
import { contrastsWithBehind } from './audit-helpers.ts';
import { axe, axeBothSchemes } from './axe.ts';
import { expect, test } from './fixtures.ts';

test('the not-found page has no axe violations in light or dark mode; its search fields are outlined at 3:1', async ({
  page,
}) => {
  await page.goto('/404.html');
  expect(await axeBothSchemes(page)).toEqual([]);
  const fields = page.locator('.not-found-search input');
  await expect(fields).toHaveCount(2);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const contrast of await contrastsWithBehind(fields, 'borderTopColor'))
      expect(contrast, `${colorScheme} mode`).toBeGreaterThanOrEqual(3);
  }
});

test('the root language choice has no axe violations (as seen without JavaScript)', async ({
  page,
}) => {
  // The page redirects at once when scripts run; serve it without its inline script to
  // check what a reader without JavaScript gets.
  await page.route('**/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Read in English' })).toBeVisible();
  expect(await axe(page)).toEqual([]);
});
