// "Show QR code" as a teacher with a projector meets it: beside every copy button that copies
// an address, a button opens a dialog with the code of exactly that address. Each code is
// photographed (a screenshot of the SVG) and decoded with a QR decoder, as a phone would, and
// must read as the address the copy button copies: at another origin (localhost), under a
// sub-path at an origin the build never knew (dist-sub/, as origin.spec.ts), for a section,
// a figure's view and embed code, a page, an embed page and the search page with its query.
// Also: the library loads only when asked for, Esc and the close button give focus back,
// axe in light and dark with the dialog open, forced colours, reflow, and no JavaScript.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { serveStatic } from '../static-server.ts';
import { reflowProblems } from './audit-helpers.ts';
import { axeBothSchemes } from './axe.ts';
import { expect, test as base } from './fixtures.ts';
import { recordClipboard } from './page-use.ts';

const SUB = '/kurs/virtualisierung/';
const folder = fileURLToPath(new URL(`../../dist-sub${SUB}`, import.meta.url));
/** The code's module, its library and its styles: one chunk and one stylesheet. */
const QR_FILES = /\/_astro\/qr\.[^/]*\.(js|css)$/;

/** dist-sub/ served under the sub-path at an origin of its own, one server per worker. */
const test = base.extend<object, { subOrigin: string }>({
  subOrigin: [
    async ({}, use) => {
      const server = await serveStatic(folder, SUB);
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
});

/** The open QR dialog. */
const dialog = (page: Page) => page.locator('dialog.qr-dialog[open]');

/** What a phone reads from the code on screen: the SVG photographed, then decoded. */
async function scan(page: Page): Promise<string | undefined> {
  const png = PNG.sync.read(await dialog(page).locator('svg.qr-code').screenshot());
  const rgba = new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length);
  return jsQR(rgba, png.width, png.height)?.data;
}

/**
 * Opens the code with `button`, reads it and the address written under it, and closes the
 * dialog with Escape, checking that focus is back on the button.
 */
async function readCode(page: Page, button: Locator): Promise<string | undefined> {
  await button.click();
  await expect(dialog(page)).toBeVisible();
  const read = await scan(page);
  await expect(dialog(page).locator('.qr-address')).toHaveText(read ?? '(nothing decoded)');
  await page.keyboard.press('Escape');
  await expect(dialog(page)).toHaveCount(0);
  await expect(button).toBeFocused();
  return read;
}

test.describe('at localhost, an origin the build never names', () => {
  test.use({
    baseURL: async ({ baseURL }, use) => use((baseURL ?? '').replace('127.0.0.1', 'localhost')),
  });

  test("a section's code reads as the link its copy button copies; the code loads only when asked for; the dialog closes by key and by button", async ({
    page,
    baseURL,
  }) => {
    const copied = await recordClipboard(page);
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await page.goto('/de/io-drivers/');
    const heading = page.locator('.heading', {
      has: page.locator('[id="kein-umweg-zu-den-geräten"]'),
    });
    const qr = heading.getByRole('button', { name: 'QR-Code zeigen' });
    // Named by its button, described by its section.
    await expect(qr).toHaveAccessibleDescription('Kein Umweg zu den Geräten');
    expect(fetched.filter((url) => QR_FILES.test(url))).toEqual([]);
    // The first click loads the code (boot.ts replays it once copy-link's code runs).
    const read = await readCode(page, qr);
    expect(fetched.filter((url) => QR_FILES.test(url))).toHaveLength(2);
    await heading.getByRole('button', { name: /kopieren/ }).click();
    await expect.poll(async () => (await copied()).length).toBe(1);
    expect(read).toBe((await copied())[0]);
    expect(read).toBe(`${baseURL}/de/io-drivers/#kein-umweg-zu-den-ger%C3%A4ten`);

    // From the keyboard: the dialog takes focus, its visible close button gives it back.
    await qr.focus();
    await page.keyboard.press('Enter');
    const close = dialog(page).getByRole('button', { name: 'Schließen' });
    await expect(close).toBeFocused();
    await expect(dialog(page)).toHaveAccessibleName('QR-Code');
    await close.click();
    await expect(dialog(page)).toHaveCount(0);
    await expect(qr).toBeFocused();
  });
});

test.describe('under a sub-path at an origin the build never knew', () => {
  test.use({ baseURL: async ({ subOrigin }, use) => use(subOrigin) });
  test.skip(!existsSync(folder), 'dist-sub/ is missing: run `node scripts/test-servers.ts`');

  test("a figure's view, its embed code and the page: each code reads as what its copy button copies", async ({
    page,
    subOrigin,
  }) => {
    const copied = await recordClipboard(page);
    await page.goto(`${SUB}de/io-drivers/#io-path=hosted,step=2`);
    const host = page.locator('[data-diagram="io-path"]').locator('xpath=..');
    const link = host.locator('copy-link[data-copy="link"]');
    await link.getByRole('button', { name: 'Link zu dieser Ansicht kopieren' }).click();
    const view = await readCode(page, link.getByRole('button', { name: 'QR-Code zeigen' }));
    expect(view).toBe((await copied())[0]);
    expect(view).toMatch(
      new RegExp(`^${subOrigin}${SUB}de/io-drivers/#io-path=hosted,step=2(,|$)`),
    );

    await host.getByText('Einbettungscode für Kursseiten').click();
    const embed = host.locator('copy-link[data-copy="embed"]');
    await embed.getByRole('button', { name: 'Einbettungscode kopieren' }).click();
    const code = await readCode(page, embed.getByRole('button', { name: 'QR-Code zeigen' }));
    expect((await copied())[1]).toContain(`src="${code}"`);
    expect(code).toMatch(new RegExp(`^${subOrigin}${SUB}de/embed/io-path/#io-path=hosted,step=2`));

    await page.locator('.cite-page summary').click();
    const cite = page.locator('.cite-page copy-link').first();
    await cite.getByRole('button', { name: 'Link zu dieser Seite kopieren' }).click();
    const own = await readCode(page, cite.getByRole('button', { name: 'QR-Code zeigen' }));
    expect(own).toBe((await copied())[2]);
    expect(own).toBe(`${subOrigin}${SUB}de/io-drivers/`);
  });

  test("the teachers' page: an embed page's code and the embed code's", async ({
    page,
    subOrigin,
  }) => {
    const copied = await recordClipboard(page);
    await page.goto(`${SUB}en/teachers/`);
    const item = page.locator('li', { has: page.locator('code', { hasText: /^io-path$/ }) });
    await item.getByRole('button', { name: /^Copy the address/ }).click();
    const listed = await readCode(page, item.getByRole('button', { name: /^Show the QR code/ }));
    expect(listed).toBe((await copied())[0]);
    expect(listed).toBe(`${subOrigin}${SUB}en/embed/io-path/`);
    const snippet = page.locator('copy-link', {
      has: page.getByRole('button', { name: 'Copy HTML' }),
    });
    expect(await readCode(page, snippet.getByRole('button', { name: 'Show QR code' }))).toBe(
      listed,
    );
  });
});

test('the search page: the code of the search shown, also after a new query', async ({
  page,
  baseURL,
}) => {
  const copied = await recordClipboard(page);
  await page.goto('/en/search/?q=hypervisor');
  await expect(page.locator('[data-search-live] [role="option"]').first()).toBeVisible();
  const share = page.locator('.search-share');
  await share.getByRole('button', { name: 'Copy link to this search' }).click();
  const qr = share.getByRole('button', { name: 'Show QR code' });
  const first = await readCode(page, qr);
  expect(first).toBe((await copied())[0]);
  expect(first).toBe(`${baseURL}/en/search/?q=hypervisor`);
  await page.locator('[data-search-live] input').fill('guest system');
  await expect(page).toHaveURL(/\?q=guest\+system$/);
  expect(await readCode(page, qr)).toBe(`${baseURL}/en/search/?q=guest+system`);
});

test('with the dialog open: axe finds nothing in light and dark; the code stays black on white in dark mode and in forced colours, and scans', async ({
  page,
  baseURL,
}) => {
  await page.goto('/en/architecture/');
  const qr = page.locator('.heading').first().getByRole('button', { name: 'Show QR code' });
  await qr.click();
  await expect(dialog(page)).toBeVisible();
  expect(await axeBothSchemes(page)).toEqual([]);
  const id = await page.locator('.heading').first().locator('h2').getAttribute('id');
  const address = `${baseURL}/en/architecture/#${id}`;
  /** The colour of the quiet zone (top left) and of the first finder pattern's corner. */
  const corners = async () => {
    const png = PNG.sync.read(await dialog(page).locator('svg.qr-code').screenshot());
    const at = (x: number, y: number) => [
      ...png.data.subarray((y * png.width + x) * 4, (y * png.width + x) * 4 + 3),
    ];
    const module = png.width / 29; // at least version 3 (29 modules with the quiet zone)
    return [at(1, 1), at(Math.ceil(module * 4.5), Math.ceil(module * 4.5))];
  };
  for (const media of [{ colorScheme: 'dark' }, { forcedColors: 'active' }] as const) {
    await page.emulateMedia(media);
    expect(await scan(page), JSON.stringify(media)).toBe(address);
    expect(await corners(), JSON.stringify(media)).toEqual([
      [255, 255, 255],
      [0, 0, 0],
    ]);
  }
  // In forced colours the close button and the QR buttons keep a visible name and outline.
  await expect(dialog(page).getByRole('button', { name: 'Close' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(qr.locator('svg')).toBeVisible();
  await page.emulateMedia({ colorScheme: null, forcedColors: null });
});

test('the dialog with the longest search address: at 320 px and 400 % zoom nothing scrolls sideways, the address wraps', async ({
  page,
}) => {
  await page.goto(`/de/search/?q=${'x'.repeat(200)}`);
  await page.locator('.search-share').getByRole('button', { name: 'QR-Code zeigen' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await reflowProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 640 });
  const box = await dialog(page).boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
  expect(await scan(page)).toMatch(/\?q=x{200}$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('no QR button shows', async ({ page }) => {
    for (const path of ['/de/io-drivers/', '/en/teachers/', '/en/search/?q=hypervisor']) {
      await page.goto(path);
      await expect(page.locator('[data-qr]').first()).toBeAttached();
      for (const button of await page.locator('[data-qr]').all()) await expect(button).toBeHidden();
    }
  });
});
