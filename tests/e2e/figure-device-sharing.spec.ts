// The device-sharing figure as drawn: every VM's arrow ends on the low-level driver and the
// one arrow to the device starts there; each emulated copy says so; the switch names what is
// there; the number of VMs changes in the drawing by pointer and touch as by the slider's
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
    }
  }
});

test('the switch names what the hypervisor has, on while it has the device driver', async ({
  page,
}) => {
  await page.goto(PAGE);
  const fig = figure(page);
  const on = fig.getByRole('switch', { name: 'Device driver in the hypervisor' });
  await expect(on).toHaveAttribute('aria-checked', 'true');
  await expect(fig.getByRole('switch')).not.toHaveAccessibleName(/without|\bno\b|missing/i);
  await on.click();
  await expect(on).toHaveAttribute('aria-checked', 'false');
  expect(new URL(page.url()).hash).toBe('#device-sharing=3,driver=missing');
  await expect(fig.locator('svg text').filter({ hasText: 'No device' })).toBeVisible();
  await page.goto('/de/embed/device-sharing/');
  await expect(page.getByRole('switch', { name: 'Gerätetreiber im Hypervisor' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
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
  await page.getByRole('switch').click();
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
    await page.goto(`${path}#device-sharing=8,driver=missing`);
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
