// Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on every built page, in the four
// views of `reflowProblems` (audit-helpers.ts): at 320 px and 400 % zoom nothing scrolls
// sideways or leaves its box; with wider text spacing no text is cut off. Each page is
// checked in the sweep that loads it anyway, once its first view is checked (every
// <details> open):
// - topic pages: every-page.spec.ts;
// - the root, not-found, search and embed pages: hosting.spec.ts;
// - the search page with results and with the longest query it accepts, and the QR dialog
//   with the code of that longest search address: here;
// - a figure's tour controls and its projector view (projector.ts): here.
import { openSettled, reflowProblems } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';
import { dialog, scan } from './qr-helpers.ts';

/** A query of 200 characters with no space: the longest the search page accepts. */
const LONG_QUERY = 'x'.repeat(200);

/** The search page of each language with results and with the longest query it accepts. */
const searchResultPaths = (['de', 'en'] as const).flatMap((lang) => [
  `/${lang}/search/?q=${lang === 'de' ? 'treiber' : 'driver'}`,
  `/${lang}/search/?q=${LONG_QUERY}`,
]);

test('the search page with results and with the longest query: at 320 px and 400 % zoom nothing scrolls sideways or leaves its box; with wider text spacing no text is cut off', async ({
  page,
}) => {
  const found: string[] = [];
  for (const path of searchResultPaths) {
    await openSettled(page, path);
    found.push(...(await reflowProblems(page)).map((problem) => `${path}, ${problem}`));
  }
  expect(found).toEqual([]);
});

test('the QR dialog with the longest search address: at 320 px and 400 % zoom nothing scrolls sideways or leaves its box, the address wraps, the code still scans', async ({
  page,
}) => {
  await openSettled(page, `/de/search/?q=${LONG_QUERY}`);
  await page.locator('.search-share').getByRole('button', { name: 'QR-Code zeigen' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await reflowProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  const box = await dialog(page).boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
  expect(await scan(page)).toMatch(new RegExp(`\\?q=${LONG_QUERY}$`));
});

test("a figure's tour controls, then its projector view: at 320 px and 400 % zoom nothing scrolls sideways or leaves its box; with wider text spacing no text is cut off", async ({
  page,
}) => {
  // Projector mode as an iframe without full screen shows it, which a resized window keeps.
  await page.addInitScript(() =>
    Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false }),
  );
  const found: string[] = [];
  for (const [path, id] of [
    ['/de/io-drivers/', 'io-path'],
    ['/en/embed/architecture-fit/', 'architecture-fit'],
  ] as const) {
    await openSettled(page, path);
    const fig = page.locator(`.diagram-host:has(> #figure-${id})`);
    await fig.locator('[data-projector="tour"]').click();
    await expect(fig.locator('.tour-title')).not.toBeEmpty();
    found.push(...(await reflowProblems(page)).map((problem) => `${path} tour, ${problem}`));
    await fig.locator('[data-projector="present"]').click();
    await expect(fig).toHaveAttribute('data-projecting', 'overlay');
    found.push(...(await reflowProblems(page)).map((problem) => `${path} projector, ${problem}`));
  }
  expect(found).toEqual([]);
});
