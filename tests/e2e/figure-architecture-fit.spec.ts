// The architecture-fit figure as laid out: the questions in one column and their answers in
// the next, on one left edge; each pan of the balance says something before any answer; the
// balance tips with motion only when the reader allows it; the picture's name is not its
// description; old links still open their view; and the figure fits a laptop's screen.
import type { Page } from '@playwright/test';
import { goToFragment } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';
import { moving } from './motion.ts';

const PAGE = '/en/comparison/';
const figure = (page: Page) => page.locator('#figure-architecture-fit');

test('at 1280 the answers of every question share one left edge, beside the questions; at 390 each sits under its question', async ({
  page,
}) => {
  for (const [width, path] of [
    [1280, PAGE],
    [1280, '/de/comparison/'],
    [1280, '/en/embed/architecture-fit/'],
    [390, PAGE],
  ] as const) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(path);
    const rows = await figure(page)
      .getByRole('radiogroup')
      .evaluateAll((groups) =>
        groups.map((g) => {
          const q = g.querySelector('.question')!.getBoundingClientRect();
          const a = g.querySelector('[role="radio"]')!.getBoundingClientRect();
          return { qLeft: q.left, qRight: q.right, qBottom: q.bottom, aLeft: a.left, aTop: a.top };
        }),
      );
    expect(rows).toHaveLength(4);
    const lefts = rows.map((r) => Math.round(r.aLeft));
    expect(
      Math.max(...lefts) - Math.min(...lefts),
      `${path} at ${width}: answers' left edge`,
    ).toBeLessThanOrEqual(1);
    const qLefts = rows.map((r) => Math.round(r.qLeft));
    expect(
      Math.max(...qLefts) - Math.min(...qLefts),
      `${path} at ${width}: questions' left edge`,
    ).toBeLessThanOrEqual(1);
    for (const r of rows)
      if (width === 1280)
        expect(r.aLeft, `${path}: answers beside the question`).toBeGreaterThan(r.qRight);
      else
        expect(r.aTop, `${path}: answers under the question`).toBeGreaterThanOrEqual(r.qBottom - 1);
  }
});

test('before any answer each pan says what it holds, and the counts follow the answers', async ({
  page,
}) => {
  await page.goto(PAGE);
  const fig = figure(page);
  const pan = (side: string) => fig.locator(`[data-pan="${side}"] text`).locator('visible=true');
  await expect(pan('for')).toHaveText(['for', '0 arguments']);
  await expect(pan('against')).toHaveText(['against', '0 arguments']);
  await goToFragment(page, 'architecture-fit=yyy-');
  await expect(pan('for')).toHaveText(['for', '2 arguments']);
  await expect(pan('against')).toHaveText(['against', '1 argument']);
  await page.goto('/de/embed/architecture-fit/');
  await expect(page.locator('[data-pan="against"] text').locator('visible=true')).toHaveText([
    'dagegen',
    '0 Argumente',
  ]);
});

test('the picture is named apart from its description, which tells the counts', async ({
  page,
}) => {
  await page.goto(`${PAGE}#architecture-fit=y-n-`);
  const img = figure(page).getByRole('img');
  await expect(img).toHaveAccessibleName(
    "Balance of the article's arguments for and against bare metal",
  );
  await expect(img).toHaveAccessibleDescription(
    'For bare metal: 1 argument. Against bare metal: 0 arguments.',
  );
  const name = await img.evaluate((el) => el.getAttribute('aria-labelledby'));
  const description = await img.evaluate((el) => el.getAttribute('aria-describedby'));
  expect(description).toBeTruthy();
  expect(description).not.toBe(name);
});

test('links in the old format open their view', async ({ page }) => {
  await page.goto(`${PAGE}#architecture-fit=y-n-`);
  const groups = figure(page).getByRole('radiogroup');
  await expect(groups.nth(0).getByRole('radio', { name: 'Yes' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(groups.nth(2).getByRole('radio', { name: 'No' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(figure(page).getByRole('radio', { checked: true })).toHaveCount(2);
  await groups.nth(3).getByRole('radio', { name: 'Yes' }).click();
  expect(new URL(page.url()).hash).toBe('#architecture-fit=y-ny');
});

test('the balance tips with motion only when the reader allows it', async ({ page }) => {
  await page.goto(PAGE);
  const fig = figure(page);
  const groups = fig.getByRole('radiogroup');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await groups.nth(0).getByRole('radio', { name: 'Yes' }).click();
  expect(await moving(page), 'reduced motion').toBe(0);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await groups.nth(2).getByRole('radio', { name: 'Yes' }).click();
  await groups.nth(3).getByRole('radio', { name: 'Yes' }).click();
  expect(await moving(page), 'motion allowed').toBeGreaterThan(0);
  // It comes to rest tipped towards the heavier side: against bare metal, on the right.
  await expect
    .poll(() =>
      fig.locator('.beam').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).b),
    )
    .toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: null });
});

test('at 1280 × 800 the questions and the balance take at most 600 px', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const path of [PAGE, '/de/comparison/', '/en/embed/architecture-fit/']) {
    await page.goto(`${path}#architecture-fit=yyyy`);
    const fig = page.locator('#figure-architecture-fit');
    const bar = (await fig.locator('.diagram-controls').boundingBox())!;
    const svg = (await fig.locator('svg').boundingBox())!;
    expect(svg.y + svg.height - bar.y, path).toBeLessThanOrEqual(600);
    expect(
      Math.abs(svg.x - bar.x - 16),
      `${path}: drawing on the toolbar's left edge`,
    ).toBeLessThanOrEqual(8);
  }
});
