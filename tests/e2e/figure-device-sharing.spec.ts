// The device-sharing figure as drawn: every VM's arrow ends on the low-level driver, the one
// driver drawn, and the one arrow to the device starts there; each emulated copy says so and
// VM 1 holds a question mark instead; an old link with the driver switch still opens its
// count; the number of VMs changes in the drawing by pointer and touch as by the slider's
// keys, with the same announcement; motion only when the reader allows it; and the figure
// fits a laptop's screen.
import type { Locator, Page } from '@playwright/test';
import { goToFragment } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';
import { moving } from './motion.ts';

const PAGE = '/en/io-drivers/';
const figure = (page: Page) => page.locator('#figure-device-sharing');
const live = (page: Page) => figure(page).locator('[data-live]');
/** Slot k's drawn box: the VM's, or the empty place's. */
const slot = (fig: Locator, k: number) =>
  fig.locator(`[data-slot="${k}"]`).locator('.box, .ghost rect').locator('visible=true');

test('the arrows end on the low-level driver, the one arrow to the device starts there, each with its head', async ({
  page,
}) => {
  await page.goto(`${PAGE}#device-sharing=8`);
  const fig = figure(page);
  const ends = await fig.locator('svg').evaluate((svg) => {
    const box = (sel: string) => svg.querySelector(sel)!.getBoundingClientRect();
    const at = (path: SVGPathElement, where: 'start' | 'end') => {
      const p = path.getPointAtLength(where === 'start' ? 0 : path.getTotalLength());
      const m = path.getScreenCTM()!;
      return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
    };
    const within = (p: { x: number; y: number }, r: DOMRect) =>
      p.x >= r.left - 1.5 && p.x <= r.right + 1.5 && p.y >= r.top - 1.5 && p.y <= r.bottom + 1.5;
    const lld = box('.lld');
    const device = box('.device');
    const vmArrows = [...svg.querySelectorAll<SVGPathElement>('.slot .vm .flow')].filter(
      (p) => p.getClientRects().length > 0,
    );
    const down = svg.querySelector<SVGPathElement>('.down')!;
    const head = (p: SVGPathElement) => {
      const id = /url\(#([^)]+)\)/.exec(p.getAttribute('marker-end') ?? '')?.[1];
      return Boolean(id && svg.querySelector(`marker[id="${id}"] path`));
    };
    return {
      vms: vmArrows.length,
      vmEndsOnDriver: vmArrows.map((p) => within(at(p, 'end'), lld)),
      vmEndsOnTopEdge: vmArrows.map((p) => Math.abs(at(p, 'end').y - lld.top) <= 2),
      vmHeads: vmArrows.map(head),
      downStartsOnDriver: within(at(down, 'start'), lld),
      downEndsOnDevice: Math.abs(at(down, 'end').y - device.top) <= 2,
      downHead: head(down),
      downArrows: svg.querySelectorAll('.down').length,
    };
  });
  expect(ends.vms).toBe(8);
  expect(ends.vmEndsOnDriver).toEqual(Array(8).fill(true));
  expect(ends.vmEndsOnTopEdge).toEqual(Array(8).fill(true));
  expect(ends.vmHeads).toEqual(Array(8).fill(true));
  expect(ends.downArrows).toBe(1);
  expect(ends.downStartsOnDriver).toBe(true);
  expect(ends.downEndsOnDevice).toBe(true);
  expect(ends.downHead).toBe(true);
  // One driver in the hypervisor: the low-level driver (the article does not say whether it
  // is one of the device drivers the hypervisor must bring, and the figure draws none apart).
  await expect(fig.locator('svg .hv rect')).toHaveCount(2);
  await expect(fig.locator('svg .hv text.fit')).toHaveText('Low-level driver');
  await expect(fig.locator('svg')).not.toContainText(/device driver/i);
});

test('every emulated copy is labelled as emulated, in both languages', async ({ page }) => {
  for (const [lang, word] of [
    ['en', 'emulated'],
    ['de', 'emuliert'],
  ] as const) {
    await page.goto(`/${lang}/embed/device-sharing/`);
    const fig = page.locator('figure');
    for (const n of [1, 2, 5, 8]) {
      await goToFragment(page, `device-sharing=${n}`);
      const copies = fig.locator('svg .copy');
      const shown = await copies.evaluateAll((all) =>
        all
          .filter((c) => c.getClientRects().length > 0)
          .map((c) => c.querySelector('text')?.textContent?.trim()),
      );
      expect(shown, `${lang}, ${n} VMs`).toEqual(Array(n - 1).fill(word));
      // VM 1 holds no copy and no device: a question mark, its arrow dashed.
      const first = fig.locator('[data-slot="1"]');
      await expect(first.locator('.first text')).toHaveText('?');
      await expect(first.locator('.copy')).toHaveCount(0);
      expect(
        await first.locator('.flow').evaluate((p) => getComputedStyle(p).strokeDasharray),
      ).not.toBe('none');
    }
  }
});

test('an old link with the driver switch opens its count; the figure says what the article leaves open', async ({
  page,
}) => {
  // Teachers linked views of the switch the figure had (`driver=present|missing`).
  for (const [lang, open] of [
    ['en', 'It leaves open whether the low-level driver is one of those device drivers.'],
    ['de', 'Ob der Low-Level-Treiber einer dieser Gerätetreiber ist, lässt er offen.'],
  ] as const) {
    await page.goto(`/${lang}/io-drivers/#device-sharing=6,driver=missing`);
    const fig = figure(page);
    await expect(fig.getByRole('slider')).toHaveValue('6');
    await expect(fig.locator('svg .copy:visible')).toHaveCount(5);
    await expect(fig.getByRole('switch')).toHaveCount(0);
    await expect(fig.locator('figcaption')).toContainText(open);
    await expect(fig.locator('.diagram-explain')).toContainText(
      lang === 'en' ? 'The question mark in VM 1' : 'Das Fragezeichen in VM 1',
    );
    // The next change writes the address without the old key.
    await fig.getByRole('slider').fill('7');
    expect(new URL(page.url()).hash).toBe('#device-sharing=7');
    await page.goto(`/${lang}/io-drivers/#device-sharing=2,driver=present`);
    await expect(fig.getByRole('slider')).toHaveValue('2');
  }
});

test('a click on the drawing sets the count and is announced as the slider announces it', async ({
  page,
}) => {
  await page.goto(PAGE);
  const fig = figure(page);
  const slider = fig.getByRole('slider');
  // By the slider's keys: 3 → 4 → 5, then back to 4.
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const byKeys = (await live(page).textContent()) ?? '';
  expect(byKeys).toBe('5 VMs share one device.');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveValue('4');
  // By pointer, 4 → 5: an empty slot adds VMs up to it.
  await slot(fig, 5).click();
  await expect(slider).toHaveValue('5');
  await expect(live(page)).toHaveText(byKeys);
  expect(new URL(page.url()).hash).toBe('#device-sharing=5');
  await expect(fig.locator('svg .copy:visible')).toHaveCount(4);
  // The last VM again removes it; an earlier VM keeps the VMs up to it.
  await slot(fig, 5).click();
  await expect(slider).toHaveValue('4');
  await expect(live(page)).toContainText('4 VMs share one device.');
  await slot(fig, 2).click();
  await expect(slider).toHaveValue('2');
  await slot(fig, 1).click();
  await slot(fig, 1).click();
  await expect(slider).toHaveValue('1');
  await expect(live(page)).toContainText('1 VM uses the device.');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true });
  test('a tap on a slot sets the count, announced as the slider announces it', async ({ page }) => {
    await page.goto(PAGE);
    const fig = figure(page);
    await fig.getByRole('slider').fill('7');
    const bySlider = (await live(page).textContent()) ?? '';
    expect(bySlider).toContain('7 VMs share one device.');
    await fig.getByRole('slider').fill('4');
    await slot(fig, 7).tap();
    await expect(fig.getByRole('slider')).toHaveValue('7');
    await expect(live(page)).toHaveText(bySlider);
    await slot(fig, 7).tap();
    await expect(fig.getByRole('slider')).toHaveValue('6');
  });
});

test('adding VMs moves only when the reader allows it', async ({ page }) => {
  await page.goto(PAGE);
  const fig = figure(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await slot(fig, 6).click();
  await slot(fig, 2).click();
  expect(await moving(page), 'reduced motion').toBe(0);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await slot(fig, 8).click();
  expect(await moving(page), 'motion allowed').toBeGreaterThan(0);
  // The VMs that came in are shown at once, however the motion runs.
  await expect(fig.locator('svg .copy:visible')).toHaveCount(7);
  await page.emulateMedia({ reducedMotion: null });
});

test('at 1280 × 800 the toolbar is one row along the drawing, and toolbar and drawing take at most 600 px', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const path of [PAGE, '/de/io-drivers/', '/en/embed/device-sharing/']) {
    await page.goto(`${path}#device-sharing=8`);
    const fig = page.locator('#figure-device-sharing');
    const bar = fig.locator('.diagram-controls');
    const tops = await bar.evaluate((el) =>
      [...el.children].map((c) => Math.round(c.getBoundingClientRect().top)),
    );
    expect(Math.max(...tops) - Math.min(...tops), `${path}: one row`).toBeLessThanOrEqual(8);
    const barBox = (await bar.boundingBox())!;
    const svgBox = (await fig.locator('svg').boundingBox())!;
    const firstControl = (await bar.locator('.diagram-group-label').boundingBox())!;
    expect(Math.abs(firstControl.x - svgBox.x), `${path}: left edges`).toBeLessThanOrEqual(8);
    expect(svgBox.y + svgBox.height - barBox.y, `${path}: height`).toBeLessThanOrEqual(600);
  }
});
