// The tours and projector mode (src/components/diagrams/projector.ts): "Present" fills the
// screen on a page and the frame where an iframe refuses full screen; PageDown / PageUp (a
// presentation clicker), the arrows, Space, Home and End step the tour, the address follows
// as `tour=<k>`, each step is announced once, Esc leaves with the focus back on "Present";
// the tour works from the toolbar too, its keys on its own controls only; every tour's steps
// are the views of src/content/tours.yaml, each title with its citation mark; axe in both
// schemes and forced colours in projector mode. (Reflow: reflow.spec.ts.)
import type { Browser, Page } from '@playwright/test';
import { axeBothSchemes } from './axe.ts';
import { tours as readTours } from '../unit/content.ts';
import { expect, test } from './fixtures.ts';
import { dialog, scan } from './qr-helpers.ts';

const tours = readTours();
const stepsOf = (id: string) => tours.find((t) => t.id === id)?.steps ?? [];
const host = (scope: Page | ReturnType<Page['frameLocator']>, id: string) =>
  scope.locator(`.diagram-host:has(> #figure-${id})`);

/** Records each text the figure's live region takes from now on, in `window.heard`. */
const listen = (page: Page, id: string) =>
  page.evaluate((id) => {
    const live = document.querySelector(`#figure-${id} [data-live]`)!;
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    new MutationObserver((records) => {
      for (const _ of records) heard.push(live.textContent ?? '');
    }).observe(live, { childList: true, characterData: true, subtree: true });
  }, id);
const heard = (page: Page) =>
  page.evaluate(() => [...(window as unknown as { heard: string[] }).heard]);

/** The fragment of step `k` (from 1) of diagram `id`'s tour. */
const stepHash = (id: string, k: number) => `#${id}=${stepsOf(id)[k - 1]?.state},tour=${k}`;

/** Which element is in full screen, by tag name (none: ''). */
const fullscreen = (page: Page) => page.evaluate(() => document.fullscreenElement?.localName ?? '');

test('Present on a page: full screen, the clicker steps the tour and the address, each step heard once, a QR code of the view, Esc back to Present', async ({
  page,
  baseURL,
}) => {
  await page.goto('/en/io-drivers/');
  const fig = host(page, 'io-path');
  const present = fig.getByRole('button', { name: 'Present' });
  await listen(page, 'io-path');
  await present.click();
  await expect(fig).toHaveAttribute('data-projecting', 'full');
  expect(await fullscreen(page)).toBe('io-path-diagram');
  await expect(page).toHaveURL(new RegExp(`${stepHash('io-path', 1)}$`));
  // The toolbar is the presenter's: back, the count, next, leave; the rest of the page inert.
  const tour = fig.getByRole('group', { name: 'Tour through the figure' });
  await expect(tour.getByRole('button', { name: 'Next step' })).toBeFocused();
  await expect(tour.getByText('Step 1 of 7', { exact: true })).toBeVisible();
  await expect(fig.getByRole('button', { name: 'Leave (Esc)' })).toBeVisible();
  await expect(present).toBeHidden();
  await expect(fig.getByRole('radiogroup', { name: 'Operation' })).toBeHidden();
  await expect(page.locator('.site-header')).toHaveAttribute('inert', '');

  const keys: [string, number][] = [
    ['PageDown', 2],
    ['PageDown', 3],
    ['PageUp', 2],
    ['End', 7],
    ['PageDown', 7], // the end: nothing changes, nothing is said
    ['Home', 1],
    [' ', 2],
    ['ArrowRight', 3],
    ['ArrowLeft', 2],
  ];
  for (const [key, k] of keys) {
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    await expect(page).toHaveURL(new RegExp(`${stepHash('io-path', k)}$`));
    await expect(tour.getByText(`Step ${k} of 7`, { exact: true })).toBeVisible();
  }
  // Each step the view took was announced once: its number and title first.
  const said = await heard(page);
  const titles = [1, 2, 3, 2, 7, 1, 2, 3, 2].map((k) => stepsOf('io-path')[k - 1]?.en);
  expect(said).toHaveLength(titles.length);
  said.forEach((text, i) => expect(text).toContain(`: ${titles[i]}. `));

  // The corner's QR code holds the view shown on its page; Esc closes the code, not the mode.
  const qr = fig.getByRole('button', { name: 'Show QR code' });
  await qr.click();
  await expect(dialog(page)).toBeVisible();
  expect(await scan(page)).toBe(`${baseURL}/en/io-drivers/${stepHash('io-path', 2)}`);
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(qr).toBeFocused();
  await expect(fig).toHaveAttribute('data-projecting', 'full');

  await page.keyboard.press('Escape');
  await expect(fig).not.toHaveAttribute('data-projecting');
  await expect.poll(() => fullscreen(page)).toBe('');
  await expect(present).toBeFocused();
  await expect(page.locator('[inert]')).toHaveCount(0);
  // Back on the page, the view and the address stay on the step shown.
  await expect(page).toHaveURL(new RegExp(`${stepHash('io-path', 2)}$`));
});

test.describe("in a course platform's iframe", () => {
  // The platform's page is written into a new page of a context of its own (about:blank, an
  // origin of its own: Chromium lets no page from the open web frame one of this machine, and
  // the shared guard allows the site's origin only). A frame from another origin may go full
  // screen only when its iframe allows it.
  const frame = async (browser: Browser, baseURL: string, allow: string) => {
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><title>Course</title><iframe src="${baseURL}/de/embed/device-sharing/" title="Figure" width="700" height="560" ${allow}></iframe>`,
    );
    const inner = page.frameLocator('iframe');
    await expect(inner.getByRole('button', { name: 'Präsentieren' })).toBeVisible();
    const embed = page.frames().find((f) => f.url().includes('/embed/'))!;
    return { context, page, inner, embed };
  };

  test('without allow="fullscreen", Present fills the frame instead, and the tour works there', async ({
    browser,
    baseURL,
  }) => {
    const { context, page, inner, embed } = await frame(browser, baseURL ?? '', '');
    expect(await embed.evaluate(() => document.fullscreenEnabled)).toBe(false);
    const present = inner.getByRole('button', { name: 'Präsentieren' });
    await present.click();
    const fig = host(inner, 'device-sharing');
    await expect(fig).toHaveAttribute('data-projecting', 'overlay');
    expect(await fullscreen(page)).toBe('');
    // The overlay covers the frame's whole viewport.
    const box = await fig.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return [r.left, r.top, r.width - innerWidth, r.height - innerHeight].map(Math.round);
    });
    expect(box).toEqual([0, 0, 0, 0]);
    await page.keyboard.press('PageDown');
    await expect
      .poll(() => embed.evaluate(() => location.hash))
      .toBe(stepHash('device-sharing', 2));
    await expect(fig.getByText('Schritt 2 von 4', { exact: true })).toBeVisible();
    // From the embed page, the QR code leads to the view on the site's own page.
    await fig.getByRole('button', { name: 'QR-Code zeigen' }).click();
    const full = await inner.locator('a[data-open]').getAttribute('data-href');
    expect(await scan(inner)).toBe(`${baseURL}${full}${stepHash('device-sharing', 2)}`);
    await page.keyboard.press('Escape');
    await expect(dialog(inner)).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(fig).not.toHaveAttribute('data-projecting');
    await expect(present).toBeFocused();
    await context.close();
  });

  test('with allow="fullscreen" (the embed code the site offers), Present goes full screen', async ({
    browser,
    baseURL,
  }) => {
    const { context, page, inner, embed } = await frame(
      browser,
      baseURL ?? '',
      'allow="fullscreen"',
    );
    await inner.getByRole('button', { name: 'Präsentieren' }).click();
    const fig = host(inner, 'device-sharing');
    await expect(fig).toHaveAttribute('data-projecting', 'full');
    expect(await embed.evaluate(() => document.fullscreenElement?.localName)).toBe(
      'device-sharing-diagram',
    );
    await page.keyboard.press('Escape');
    await expect(fig).not.toHaveAttribute('data-projecting');
    await context.close();
  });
});

test('the tour from the toolbar: its keys on its own controls, a radio group keeps its arrows, a link to a step goes on from there', async ({
  page,
}) => {
  await page.goto('/en/architecture/');
  const fig = host(page, 'layer-stack');
  await fig.getByRole('button', { name: 'Tour', exact: true }).click();
  const tour = fig.getByRole('group', { name: 'Tour through the figure' });
  await expect(tour.getByText('Step 1 of 5', { exact: true })).toBeVisible();
  await expect(tour.getByRole('button', { name: 'Next step' })).toBeFocused();
  await expect(tour.getByRole('button', { name: 'Previous step' })).toHaveAttribute(
    'aria-disabled',
    'true',
  );
  await expect(page).toHaveURL(new RegExp(`${stepHash('layer-stack', 1)}$`));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(new RegExp(`${stepHash('layer-stack', 3)}$`));
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(new RegExp(`${stepHash('layer-stack', 2)}$`));
  // Arrows in a radio group choose in it, as before; the view leaves the tour's address.
  const view = fig.getByRole('radiogroup').first();
  await view.locator('[aria-checked="true"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/#layer-stack=bare-metal$/);
  await expect(tour.getByText('Step 2 of 5', { exact: true })).toBeVisible();
  // Outside projector mode PageDown elsewhere on the page is the browser's.
  await page.locator('h1').click();
  await page.keyboard.press('PageDown');
  await expect(page).toHaveURL(/#layer-stack=bare-metal$/);

  // A teacher's link to step 4 opens that view; the tour goes on from there.
  await page.goto('about:blank');
  await page.goto(`/en/architecture/${stepHash('layer-stack', 4)}`);
  await expect(fig.locator('figure')).toHaveAttribute('data-state-layer', 'vm');
  await fig.getByRole('button', { name: 'Tour', exact: true }).click();
  await expect(tour.getByText('Step 4 of 5', { exact: true })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`${stepHash('layer-stack', 4)}$`));
});

test('every tour walks the views of tours.yaml, each title with a mark for each id it cites', async ({
  page,
}) => {
  for (const { id, steps } of tours) {
    await page.goto(`/en/embed/${id}/`);
    const fig = host(page, id);
    await fig.getByRole('button', { name: 'Tour', exact: true }).click();
    for (const [i, step] of steps.entries()) {
      if (i) await fig.getByRole('button', { name: 'Next step' }).click();
      await expect(page).toHaveURL(new RegExp(`${stepHash(id, i + 1)}$`));
      const title = fig.locator('.tour-title');
      await expect(title).toContainText(step.en);
      const hrefs = await title
        .locator('sup.cite a')
        .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs, `${id} step ${i + 1}`).toEqual(step.cites.map((c) => `/en/sources/#${c}`));
    }
    await expect(fig.getByRole('button', { name: 'Next step' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
  }
});

test('projector mode: axe finds nothing in light and dark; forced colours keep its controls and edge apart', async ({
  page,
}) => {
  const look = (el: Element) => {
    const s = getComputedStyle(el);
    return [s.color, s.borderColor].join();
  };
  for (const [path, id] of [
    ['/en/io-drivers/', 'device-sharing'],
    ['/de/embed/architecture-fit/', 'architecture-fit'],
  ]) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(path!);
    const fig = host(page, id!);
    await fig.locator('[data-projector="present"]').click();
    await expect(fig).toHaveAttribute('data-projecting', 'full');
    expect(await axeBothSchemes(page), path).toEqual([]);
    await page.emulateMedia({ forcedColors: 'active' });
    const back = fig.locator('[data-step="back"]');
    const next = fig.locator('[data-step="next"]');
    await expect(back).toHaveAttribute('aria-disabled', 'true');
    expect(await back.evaluate(look)).not.toBe(await next.evaluate(look));
    expect(await fig.evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    await page.emulateMedia({ forcedColors: null });
    await page.keyboard.press('Escape');
    await expect(fig).not.toHaveAttribute('data-projecting');
  }
});
