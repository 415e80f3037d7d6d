// Accessibility: axe (WCAG 2.0–2.2 A and AA rules) finds nothing on the pages that are no
// topic, in light and in dark mode. (Every topic page: every-page.spec.ts; search pages,
// diagrams and course features: their own specs.)
import type { Locator } from '@playwright/test';
import { axe, axeBothSchemes } from './axe.ts';
import { expect, test } from './fixtures.ts';

/**
 * The contrast of each field's border with the colours on either side of it, the field's own
 * background and the one behind it, whichever is lower (WCAG 1.4.11: 3:1 for a control).
 */
const borderContrasts = (fields: Locator) =>
  fields.evaluateAll((all) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** The first background that is not transparent, from `el` outwards. */
    const behind = (el: Element | null): string => {
      for (; el; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (rgb(colour)[3] !== 0) return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    return all.map((field) => {
      const border = getComputedStyle(field).borderTopColor;
      return Math.min(ratio(border, behind(field)), ratio(border, behind(field.parentElement)));
    });
  });

test('the not-found page has no axe violations in light or dark mode; its search fields are outlined at 3:1', async ({
  page,
}) => {
  await page.goto('/404.html');
  expect(await axeBothSchemes(page)).toEqual([]);
  const fields = page.locator('.not-found-search input');
  await expect(fields).toHaveCount(2);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const contrast of await borderContrasts(fields))
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
