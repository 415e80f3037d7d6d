// The layer stack as its redesign promises: the drawn layers are the layer controls (pointer,
// touch and keyboard pick a layer and are heard alike), one toolbar row, the host operating
// system apart from the guest systems and from the ring, motion only where it is wanted, and
// a figure that fits a laptop screen and a phone.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const PAGE = '/en/architecture/';
const fig = (page: Page) => page.locator('#figure-layer-stack');
const live = (page: Page) => fig(page).locator('[data-live]');
const layerRadio = (page: Page, name: string) =>
  fig(page)
    .locator('[role="radiogroup"][data-key="layer"]')
    .getByRole('radio', { name, exact: true });
/** The band of a layer as drawn in one stack (its first shape). */
const drawn = (page: Page, arch: string, layer: string): Locator =>
  fig(page).locator(`svg[data-arch="${arch}"] [data-layer="${layer}"] rect`).first();

/** The centre of a drawn layer, where a reader points at it (scrolled into view). */
async function centre(part: Locator): Promise<{ x: number; y: number }> {
  await part.scrollIntoViewIfNeeded();
  const box = await part.boundingBox();
  if (!box) throw new Error('layer not drawn');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What picking the hypervisor layer must show and say, however it was picked. */
async function hypervisorPicked(page: Page): Promise<string> {
  await expect(layerRadio(page, 'Hypervisor (VMM)')).toHaveAttribute('aria-checked', 'true');
  await expect(fig(page).getByRole('heading', { name: 'Hypervisor (VMM)' })).toBeVisible();
  await expect(fig(page).locator('.diagram-explain')).toContainText(
    'here too a hypervisor (VMM) runs, but as a process',
  );
  await expect(live(page)).toContainText('as a process');
  expect(new URL(page.url()).hash).toBe('#layer-stack=both,layer=vmm');
  return (await live(page).textContent()) ?? '';
}

/** Animations and transitions that still run (or wait to run) with a duration. */
const moving = (page: Page) =>
  page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => {
        const t = a.effect?.getComputedTiming();
        return a.playState !== 'finished' && Number(t?.duration ?? 0) + (t?.delay ?? 0) > 0;
      })
      .map((a) => ('transitionProperty' in a ? String(a.transitionProperty) : a.constructor.name)),
  );

test.describe('layer stack: the drawn layers are the controls', () => {
  test('clicking a drawn layer picks it in both stacks; the keyboard moves from layer to layer; all are heard alike', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(PAGE);
    const f = fig(page);
    await expect(f).toHaveAttribute('data-enhanced', '');

    // Pointer, on the hosted stack (the second one drawn) and on the bare-metal one.
    const { x, y } = await centre(drawn(page, 'hosted', 'vmm'));
    await page.mouse.click(x, y);
    const byPointer = await hypervisorPicked(page);
    await expect(f.locator('svg[data-arch="bare-metal"] [data-layer="vmm"] .ring')).toHaveCSS(
      'stroke-opacity',
      '1',
    );
    const hw = await centre(drawn(page, 'bare-metal', 'hardware'));
    await page.mouse.click(hw.x, hw.y);
    await expect(layerRadio(page, 'Hardware')).toHaveAttribute('aria-checked', 'true');
    await expect(f.locator('svg[data-arch="hosted"] [data-layer="hardware"] .ring')).toHaveCSS(
      'stroke-opacity',
      '1',
    );

    // Keyboard: the layer radios lie on the drawn layers; Tab from the toolbar (past its last
    // buttons, "Tour" and "Present") reaches the picked one, arrows move up and down the stack.
    await page.goto(`${PAGE}#layer-stack=both`);
    await f.getByRole('button', { name: 'Present' }).focus();
    await page.keyboard.press('Tab');
    const hostOs = layerRadio(page, 'Host operating system');
    await expect(hostOs).toBeFocused();
    const over = await hostOs.boundingBox();
    const band = await drawn(page, 'bare-metal', 'host-os').boundingBox();
    expect(over && band).toBeTruthy();
    for (const side of ['x', 'y', 'width', 'height'] as const)
      expect(Math.abs(over![side] - band![side]), side).toBeLessThan(2);
    await expect(hostOs).not.toHaveCSS('outline-style', 'none');
    await live(page).evaluate((el) => (el.textContent = ''));
    await page.keyboard.press('ArrowUp');
    await expect(layerRadio(page, 'Hypervisor (VMM)')).toBeFocused();
    const byKeyboard = await hypervisorPicked(page);
    expect(byKeyboard).toBe(byPointer);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(layerRadio(page, 'Hardware')).toBeFocused();
    await expect(layerRadio(page, 'Hardware')).toHaveAttribute('aria-checked', 'true');
    await page.keyboard.press('ArrowDown');
    await expect(layerRadio(page, 'Virtual machines')).toHaveAttribute('aria-checked', 'true');
    await expect(live(page)).toContainText('guest operating system');

    // One stack shown: the layer controls lie on it.
    await page.goto(`${PAGE}#layer-stack=hosted`);
    const vm = await centre(drawn(page, 'hosted', 'host-os'));
    const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, vm);
    expect(hit).toBe('Host operating system');
  });

  test.describe('touch', () => {
    test.use({ hasTouch: true });
    test('tapping a drawn layer picks it and is heard as a click is', async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(PAGE);
      await expect(fig(page)).toHaveAttribute('data-enhanced', '');
      // The hosted stack, second of the two, under the first on a phone.
      const { x, y } = await centre(drawn(page, 'hosted', 'vmm'));
      await page.touchscreen.tap(x, y);
      const byTouch = await hypervisorPicked(page);
      expect(byTouch).toMatch(/^Hypervisor \(VMM\)\. /);
      // The first stack too.
      const at = await centre(drawn(page, 'bare-metal', 'hardware'));
      await page.touchscreen.tap(at.x, at.y);
      await expect(layerRadio(page, 'Hardware')).toHaveAttribute('aria-checked', 'true');
    });
  });
});

test('layer stack: the host OS in its own colour, apart from the guest OS and the ring; one toolbar row', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${PAGE}#layer-stack=hosted,layer=vmm`);
  const f = fig(page);
  await expect(f).toHaveAttribute('data-enhanced', '');
  const colours = await f.evaluate((el) => {
    const css = (sel: string, prop: 'fill' | 'stroke') =>
      getComputedStyle(el.querySelector(sel)!)[prop];
    return {
      host: css('svg[data-arch="hosted"] [data-layer="host-os"] rect', 'fill'),
      guest: css('svg[data-arch="hosted"] .os rect', 'fill'),
      ring: css('svg[data-arch="hosted"] [data-layer="vmm"] .ring', 'stroke'),
      focus: getComputedStyle(el).getPropertyValue('--focus'),
    };
  });
  expect(colours.host).not.toBe(colours.guest);
  expect(colours.host).not.toBe(colours.ring);
  expect(colours.guest).not.toBe(colours.ring);
  await expect(f.locator('svg[data-arch="hosted"] [data-layer="vmm"] .ring')).toHaveCSS(
    'stroke-opacity',
    '1',
  );
  await expect(f.locator('svg[data-arch="hosted"] [data-layer="host-os"] .ring')).toHaveCSS(
    'stroke-opacity',
    '0',
  );

  // One toolbar row (the view); the layer controls are in the drawing, not in the toolbar.
  const toolbar = f.locator('.diagram-controls');
  await expect(toolbar.getByRole('radiogroup')).toHaveCount(1);
  await expect(toolbar.locator('[data-key="layer"]')).toHaveCount(0);
  // One row: the frame's 36 px controls, 12 px padding above and below, a 1 px top border
  // (a second row would add 44 px or more).
  expect((await toolbar.boundingBox())!.height).toBeLessThanOrEqual(61);
  await expect(f.locator('.diagram-stage [role="radiogroup"][data-key="layer"]')).toHaveCount(1);
});

test('layer stack: no motion when the reader asks for less; a view change and a pick move otherwise', async ({
  page,
}) => {
  await page.goto(PAGE);
  const f = fig(page);
  await expect(f).toHaveAttribute('data-enhanced', '');
  const view = (name: string) => f.getByRole('radio', { name, exact: true });

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await view('Hosted').click();
  expect(await moving(page)).toEqual([]);
  await view('Both').click();
  expect(await moving(page)).toEqual([]);
  await layerRadio(page, 'Hardware').click();
  expect(await moving(page)).toEqual([]);

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await view('Bare metal').click();
  expect((await moving(page)).length).toBeGreaterThan(0);
  await view('Hosted').click();
  expect((await moving(page)).length).toBeGreaterThan(0);
  await layerRadio(page, 'Virtual machines').click();
  expect((await moving(page)).length).toBeGreaterThan(0);
  await page.emulateMedia({ reducedMotion: null });
});

test('layer stack: toolbar and drawing fit a 1280 × 800 screen in every view; on a phone labels stay legible and nothing overflows', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(PAGE);
  const f = fig(page);
  await expect(f).toHaveAttribute('data-enhanced', '');
  const height = () =>
    f.evaluate((el) => {
      const top = el.querySelector('.diagram-controls')!.getBoundingClientRect().top;
      return el.querySelector('.diagram-body')!.getBoundingClientRect().bottom - top;
    });
  for (const view of ['both', 'bare-metal', 'hosted']) {
    await page.goto(`${PAGE}#layer-stack=${view}`);
    expect(await height(), view).toBeLessThanOrEqual(600);
  }
  // Both stacks side by side at this width; the explanation under them.
  await page.goto(`${PAGE}#layer-stack=both`);
  const bare = (await f.locator('svg[data-arch="bare-metal"]').boundingBox())!;
  const hosted = (await f.locator('svg[data-arch="hosted"]').boundingBox())!;
  expect(Math.abs(bare.y - hosted.y)).toBeLessThan(1);
  expect(bare.width).toBeGreaterThanOrEqual(290);

  await page.setViewportSize({ width: 390, height: 844 });
  for (const view of ['both', 'bare-metal', 'hosted']) {
    await page.goto(`${PAGE}#layer-stack=${view}`);
    const problems = await f.evaluate((el) => {
      const out: string[] = [];
      const box = el.getBoundingClientRect();
      for (const part of el.querySelectorAll<HTMLElement | SVGElement>(
        '.diagram-controls *, .diagram-stage *',
      )) {
        const r = part.getBoundingClientRect();
        if (!r.width || part.closest('.sr-only')) continue;
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5)
          out.push(`${part.tagName} ${part.textContent?.trim().slice(0, 30)} overflows`);
      }
      for (const svg of el.querySelectorAll('svg')) {
        if (getComputedStyle(svg).visibility === 'hidden') continue;
        const scale = svg.getScreenCTM()!.a;
        for (const text of svg.querySelectorAll('text')) {
          const px = parseFloat(getComputedStyle(text).fontSize) * scale;
          if (text.getClientRects().length && px < 12)
            out.push(`"${text.textContent}" at ${px.toFixed(1)} px`);
        }
      }
      return out;
    });
    expect(problems, view).toEqual([]);
  }
});
