// "Show QR code" as a teacher with a projector meets it: beside every copy button that copies
// an address, a button opens a dialog with the code of exactly that address. Each code is
// photographed (a screenshot of the SVG) and decoded with a QR decoder, as a phone would, and
// must read as the address the copy button copies: at another origin (localhost), under a
// sub-path at an origin the build never knew (dist-sub/, as origin.spec.ts), for a section,
// a figure's view and embed code, a page, an embed page and the search page with its query.
// Also: the library loads only when asked for, Esc and the close button give focus back,
// axe in light and dark with the dialog open, dark mode, and no JavaScript. (Forced colours:
// a11y-audit.spec.ts; reflow: reflow.spec.ts.)
import { axeBothSchemes } from './axe.ts';
import { expect, needsSubBuild, SUB, test } from './fixtures.ts';
import { recordClipboard } from './page-use.ts';
import { corners, dialog, readCode, scan } from './qr-helpers.ts';

/** The code's module, its library and its styles: one chunk and one stylesheet. */
const QR_FILES = /\/_astro\/qr\.[^/]*\.(js|css)$/;

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
  needsSubBuild();

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

test('with the dialog open: axe finds nothing in light and dark; in dark mode the code stays black on white and scans', async ({
  page,
  baseURL,
}) => {
  await page.goto('/en/architecture/');
  const heading = page.locator('.heading').first();
  await heading.getByRole('button', { name: 'Show QR code' }).click();
  await expect(dialog(page)).toBeVisible();
  expect(await axeBothSchemes(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  const id = await heading.locator('h2').getAttribute('id');
  expect(await scan(page)).toBe(`${baseURL}/en/architecture/#${id}`);
  expect(await corners(page)).toEqual([
    [255, 255, 255],
    [0, 0, 0],
  ]);
  await page.emulateMedia({ colorScheme: null });
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
