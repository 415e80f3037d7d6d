// The I/O path figure as drawn: bare metal and hosted side by side at one scale, the hosted
// path one row longer; arrow-headed hops; a layer of either path is a control (pointer,
// touch, keyboard) that announces what the toolbar announces; motion only when allowed;
// toolbar and drawing within one screen of a laptop.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PAGE = '/en/io-drivers/';
const fig = (page: Page) => page.locator('#figure-io-path');
const live = (page: Page) => fig(page).locator('[data-live]');
const layers = (page: Page, arch: string) =>
  fig(page).locator(`svg[data-arch="${arch}"] [data-at] > rect`);
/** The centre of a drawn layer, where a reader points at it. */
async function centre(layer: Locator): Promise<{ x: number; y: number }> {
  await layer.scrollIntoViewIfNeeded();
  const box = await layer.boundingBox();
  if (!box) throw new Error('layer not drawn');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What the live region says after `act`, started from a cleared region. */
async function heard(page: Page, act: () => Promise<void>): Promise<string> {
  await live(page).evaluate((el) => (el.textContent = ''));
  await act();
  await expect(live(page)).not.toBeEmpty();
  return (await live(page).textContent()) ?? '';
}

test('both paths side by side at one scale, tops aligned, the hosted one a row longer; hops have arrowheads', async ({
  page,
}) => {
  await page.goto(PAGE);
  const boxes = async (arch: string) =>
    (await layers(page, arch).evaluateAll((rects) =>
      rects.map((r) => r.getBoundingClientRect().toJSON()),
    )) as DOMRect[];
  const bare = await boxes('bare-metal');
  const hosted = await boxes('hosted');
  expect(bare).toHaveLength(3);
  expect(hosted).toHaveLength(4);
  // Side by side: the hosted column starts right of the bare-metal one, on the same line.
  expect(hosted[0]!.left).toBeGreaterThanOrEqual(bare[0]!.right);
  expect(Math.abs(hosted[0]!.top - bare[0]!.top)).toBeLessThan(1);
  // One scale: every row as high and as far apart in both columns.
  for (const [i, row] of bare.entries()) {
    expect(Math.abs(row.height - hosted[i]!.height)).toBeLessThan(0.5);
    expect(Math.abs(row.top - hosted[i]!.top)).toBeLessThan(0.5);
    expect(Math.abs(row.width - hosted[i]!.width)).toBeLessThan(0.5);
  }
  // The path box: the hosted one is taller by exactly one row and its spacing.
  const pitch = bare[1]!.top - bare[0]!.top;
  const span = (rows: DOMRect[]) => rows.at(-1)!.bottom - rows[0]!.top;
  expect(Math.abs(span(hosted) - span(bare) - pitch)).toBeLessThan(0.5);
  // Its extra layer is the host operating system, drawn as context in its own colour.
  const host = fig(page).locator('svg[data-arch="hosted"] .host');
  await expect(host).toContainText('Host operating');
  await expect(host.locator('.ctx-mark')).toHaveText('C');

  // Arrowheads: every hop ends in a marker that draws a head.
  const hops = fig(page).locator('svg [data-hop]');
  await expect(hops).toHaveCount(2 + 3);
  for (const hop of await hops.all()) {
    const marker = await hop.evaluate((el) => getComputedStyle(el).markerEnd);
    const id = /url\("?#([\w-]+)"?\)/.exec(marker)?.[1] ?? '';
    expect(id, marker).not.toBe('');
    await expect(page.locator(`marker#${id} path`)).toHaveCount(1);
  }
  // A done hop is drawn in the accent with its own head.
  await page.goto(`${PAGE}#io-path=hosted,step=3`);
  await expect(fig(page).locator('svg[data-arch="hosted"] [data-hop].is-done')).toHaveCount(2);
  await expect(fig(page).locator('svg[data-arch="bare-metal"] [data-hop].is-done')).toHaveCount(0);
  expect(
    await fig(page)
      .locator('svg[data-arch="hosted"] [data-hop].is-done')
      .first()
      .evaluate((el) => getComputedStyle(el).markerEnd),
  ).toContain('io-arrow-done');
  // The current layer has the ink ring; the packet sits on it.
  const current = fig(page).locator('svg[data-arch="hosted"] .is-on > rect');
  await expect(current).toHaveCount(1);
  const packet = await fig(page).locator('svg[data-arch="hosted"] .packet').boundingBox();
  const ring = await current.boundingBox();
  expect(Math.abs(packet!.y + packet!.height / 2 - ring!.y)).toBeLessThan(2);
  // Each picture is named by its title and described apart: its layers in order.
  for (const arch of ['bare-metal', 'hosted']) {
    const img = fig(page).locator(`svg[data-arch="${arch}"]`);
    const name = await img.evaluate((el) => el.querySelector('title')?.textContent ?? '');
    await expect(img).toHaveAccessibleName(name.trim());
    await expect(img).toHaveAccessibleDescription(/^Virtual machine → .* → Hardware/);
    expect(await img.getAttribute('aria-labelledby')).not.toMatch(/\s/);
  }
});

test('clicking a layer of either path jumps the step there and says what the toolbar says', async ({
  page,
}) => {
  await page.goto(PAGE);
  // By the toolbar: hosted, one step on.
  await fig(page).getByRole('radio', { name: 'Hosted', exact: true }).click();
  const byToolbar = await heard(page, () =>
    fig(page).getByRole('button', { name: 'Next' }).click(),
  );
  expect(byToolbar).toContain('Hosted: layer 2 of the 4');
  // Back to bare metal, then the same view by clicking the drawing.
  await fig(page).getByRole('radio', { name: 'Bare metal', exact: true }).click();
  const { x, y } = await centre(layers(page, 'hosted').nth(1));
  const byDrawing = await heard(page, () => page.mouse.click(x, y));
  expect(byDrawing).toBe(byToolbar);
  expect(new URL(page.url()).hash).toBe('#io-path=hosted,step=2');
  await expect(fig(page).getByRole('radio', { name: 'Hosted', exact: true })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(fig(page).locator('[data-count]')).toHaveText('2 / 4');
  await expect(layers(page, 'hosted').nth(1).locator('xpath=..')).toHaveClass(/is-on/);
  // A layer of the other path chooses that path at that layer.
  const hw = await centre(layers(page, 'bare-metal').nth(2));
  expect(await heard(page, () => page.mouse.click(hw.x, hw.y))).toContain(
    'Bare metal: layer 3 of the 3',
  );
  expect(new URL(page.url()).hash).toBe('#io-path=bare-metal,step=3');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });
  test('tapping a layer jumps there', async ({ page }) => {
    await page.goto(PAGE);
    const { x, y } = await centre(layers(page, 'hosted').nth(2));
    expect(await heard(page, () => page.touchscreen.tap(x, y))).toContain(
      'Hosted: layer 3 of the 4',
    );
    expect(new URL(page.url()).hash).toBe('#io-path=hosted,step=3');
    await expect(
      fig(page).locator('.diagram-explain').getByText('Next comes the host operating system'),
    ).toBeVisible();
  });
});

test('by keyboard: the layers of each path are one radio group over the drawing', async ({
  page,
}) => {
  await page.goto(PAGE);
  const bare = fig(page).getByRole('radiogroup', { name: 'Path: Bare metal' });
  const hosted = fig(page).getByRole('radiogroup', { name: 'Path: Hosted' });
  await fig(page).getByRole('radio', { name: 'Hosted', exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(bare.getByRole('radio', { name: 'Virtual machine' })).toBeFocused();
  await expect(bare.getByRole('radio', { name: 'Virtual machine' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // The focus ring shows on the layer.
  expect(
    await bare
      .getByRole('radio', { name: 'Virtual machine' })
      .evaluate((el) => getComputedStyle(el).outlineStyle),
  ).not.toBe('none');
  await page.keyboard.press('ArrowDown');
  const driver = bare.getByRole('radio', { name: 'Hypervisor (VMM): directly on the hardware' });
  await expect(driver).toBeFocused();
  await expect(driver).toHaveAttribute('aria-checked', 'true');
  await expect(live(page)).toContainText('Bare metal: layer 2 of the 3');
  // The hosted group is one tab stop; none of its layers is chosen until one is.
  await page.keyboard.press('Tab');
  const vm = hosted.getByRole('radio', { name: 'Virtual machine' });
  await expect(vm).toBeFocused();
  await expect(hosted.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(hosted.getByRole('radio', { name: 'Hardware: the I/O device' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(live(page)).toContainText('Hosted: layer 4 of the 4');
  await expect(bare.getByRole('radio', { checked: true })).toHaveCount(0);
  await page.keyboard.press('ArrowUp');
  await expect(live(page)).toContainText('Hosted: layer 3 of the 4');
  expect(new URL(page.url()).hash).toBe('#io-path=hosted,step=3');
  // The toolbar's step buttons move the same step, and arrows step on them too.
  await fig(page).getByRole('button', { name: 'Back' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(hosted.getByRole('radio', { checked: true })).toHaveAccessibleName(
    'Hypervisor (VMM): as a process',
  );
});

test('a step moves the picture only when the reader allows motion', async ({ page }) => {
  await page.goto(PAGE);
  const step = () =>
    page.evaluate(() => {
      document.querySelector<HTMLElement>('#figure-io-path [data-do="next"]')?.click();
      return document
        .getAnimations()
        .filter(
          (a) => Number(a.effect?.getComputedTiming().duration) > 0 && a.playState === 'running',
        )
        .map((a) => (a as CSSTransition).transitionProperty ?? a.constructor.name);
    });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await step()).toEqual([]);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const moving = await step();
  expect(moving).toContain('transform');
  await page.emulateMedia({ reducedMotion: null });
});

test('toolbar and drawing take at most 600 px at 1280 × 800; labels stay legible at 390 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PAGE);
  const top = (await fig(page).locator('.diagram-controls').boundingBox())!;
  const body = (await fig(page).locator('.diagram-body').boundingBox())!;
  expect(body.y + body.height - top.y).toBeLessThanOrEqual(600);
  // The toolbar is one row.
  const rows = await fig(page)
    .locator('.diagram-controls button')
    .evaluateAll(
      (els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size,
    );
  expect(rows).toBe(1);
  // The explanation sits beside the drawing, or (a figure narrower than 40rem) right under it.
  const note = (await fig(page).locator('.diagram-explain').boundingBox())!;
  const under = body.y + body.height;
  if (note.x < body.x + body.width) expect(note.y - under).toBeLessThan(40);
  expect(note.y - top.y).toBeLessThan(800);

  await page.setViewportSize({ width: 390, height: 844 });
  const sizes = await fig(page)
    .locator('svg')
    .evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const scale =
          svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].map(
          (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
        );
      }),
    );
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
});
