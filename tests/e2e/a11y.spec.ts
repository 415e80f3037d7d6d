// Accessibility: axe (WCAG 2.0–2.2 A and AA rules) finds nothing on any page, in light
// and in dark mode.
import { axe } from './axe.ts';
import { expect, sitePages, test } from './fixtures.ts';

const paths = [...sitePages().map((p) => p.path), '/404.html'];
// A test checks both colour schemes, so it gets the time of two.
test.describe.configure({ timeout: 60_000 });

for (const path of paths) {
  test(`${path} has no axe violations in light or dark mode`, async ({ page }) => {
    await page.goto(path);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axe(page), `${colorScheme} mode`).toEqual([]);
    }
  });
}

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
