// Accessibility: axe (WCAG 2.0–2.2 A and AA rules) finds nothing on any page, in light
// and in dark mode.
import AxeBuilder from '@axe-core/playwright';
import { expect, sitePages, test } from './fixtures.ts';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const paths = [...sitePages().map((p) => p.path), '/404.html'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} mode`, () => {
    test.use({ colorScheme: scheme });
    for (const path of paths) {
      test(`${path} has no axe violations`, async ({ page }) => {
        await page.goto(path);
        const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
        expect(
          violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).toEqual([]);
      });
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
  const { violations } = await new AxeBuilder({ page }).withTags(tags).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
