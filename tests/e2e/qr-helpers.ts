// The QR dialog as a phone sees it, for the tests that open one (qr.spec.ts, the forced
// colours and reflow checks): the open dialog, its code photographed and decoded with a QR
// decoder (jsqr), and the colours of its quiet zone and first finder pattern.
import type { FrameLocator, Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { expect } from './fixtures.ts';

/** The open QR dialog, on a page or in a frame (an embed page in a course platform). */
export const dialog = (page: Page | FrameLocator) => page.locator('dialog.qr-dialog[open]');

/** What a phone reads from the code on screen: the SVG photographed, then decoded. */
export async function scan(page: Page | FrameLocator): Promise<string | undefined> {
  const png = PNG.sync.read(await dialog(page).locator('svg.qr-code').screenshot());
  const rgba = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return jsQR(rgba, png.width, png.height)?.data;
}

/**
 * Opens the code with `button`, reads it and the address written under it, and closes the
 * dialog with Escape, checking that focus is back on the button.
 */
export async function readCode(page: Page, button: Locator): Promise<string | undefined> {
  await button.click();
  await expect(dialog(page)).toBeVisible();
  const read = await scan(page);
  await expect(dialog(page).locator('.qr-address')).toHaveText(read ?? '(nothing decoded)');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(button).toBeFocused();
  return read;
}

/** The colour of the quiet zone (top left corner) and of the first finder pattern's corner. */
export async function corners(page: Page): Promise<number[][]> {
  const svg = dialog(page).locator('svg.qr-code');
  const png = PNG.sync.read(await svg.screenshot());
  const at = (x: number, y: number) => [
    ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
  ];
  // The quiet zone is 4 modules wide; the pattern's dark ring is the fifth module.
  const units = Number((await svg.getAttribute('viewBox'))?.split(' ')[2]);
  const ring = Math.round((png.width / units) * 4.5);
  return [at(1, 1), at(ring, ring)];
}
