// Addresses a reader copies or reads are right wherever the site lives. A build made for
// /kurs/virtualisierung/ without SITE_URL (dist-sub/, written by scripts/test-servers.ts) is
// served here at an origin it was never built for; every copy button, the citations, the
// embed code and the teachers' examples must lead back to that page and section on this
// origin. From the portable copy opened from disk, no copy button hands out a file: path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expect, needsSubBuild, SUB, test } from './fixtures.ts';
import { recordClipboard } from './page-use.ts';

const portable = fileURLToPath(
  new URL('../../dist-portable/bare-metal-explainer/', import.meta.url),
);
test.describe('at an origin the build never knew', () => {
  test.use({ baseURL: async ({ subOrigin }, use) => use(subOrigin) });
  needsSubBuild();

  test('section links and the citation lead back to this page on this origin', async ({
    page,
    subOrigin: origin,
  }) => {
    const read = await recordClipboard(page);
    const here = `${origin}${SUB}en/architecture/`;
    await page.goto(`${SUB}en/architecture/`);
    const ids = await page
      .locator('.heading[data-address] > :is(h2, h3)')
      .evaluateAll((hs) => hs.map((h) => h.id));
    expect(ids.length).toBeGreaterThan(2);
    // Section links and BibTeX (the figure's own copy buttons: the next test).
    const buttons = page.locator('copy-link:not([data-copy]) button:not([data-qr])');
    const count = await buttons.count();
    for (let i = 0; i < count; i++) {
      await buttons.nth(i).evaluate((b: HTMLButtonElement) => b.click());
      await expect.poll(async () => (await read()).length).toBe(i + 1);
    }
    const copied = await read();
    expect(copied.slice(0, ids.length)).toEqual(ids.map((id) => `${here}#${id}`));
    // "Cite this page": the page's own link, then its BibTeX.
    expect(copied.at(-2)).toBe(here);
    expect(copied.at(-1)).toMatch(new RegExp(`\\burl +=\\s*\\{${here}\\}`));
    await page.locator('.cite-page summary').click();
    for (const text of await page.locator('.cite-page .citation-text').all())
      await expect(text).toContainText(here);
    await expect(page.locator('.cite-page pre')).toContainText(`{${here}}`);
    await expect(page.locator('[data-address-note]')).toBeHidden();
  });

  test('the embed code, copied or read, points at the embed page on this origin', async ({
    page,
    subOrigin: origin,
  }) => {
    const read = await recordClipboard(page);
    await page.goto(`${SUB}en/io-drivers/`);
    const host = page.locator('[data-diagram="io-path"]').locator('xpath=..');
    await host.getByText('Embed code for course pages').click();
    const src = `${origin}${SUB}en/embed/io-path/`;
    // Shown as copied: pointing at the view on screen.
    await expect(host.locator('[data-snippet]')).toContainText(`src="${src}#io-path=`);
    await host.getByRole('button', { name: 'Copy embed code' }).click();
    await host.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect.poll(async () => (await read()).length).toBe(2);
    const [code, link] = await read();
    expect(code).toMatch(new RegExp(`src="${src}#io-path=[^"]*"`));
    expect(link).toMatch(new RegExp(`^${origin}${SUB}en/io-drivers/#io-path=`));
  });

  test("the teachers' examples, citations and embed code carry this origin", async ({
    page,
    subOrigin: origin,
  }) => {
    const read = await recordClipboard(page);
    await page.goto(`${SUB}de/teachers/`);
    const examples = await page.locator('code.absolute-url').allTextContents();
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const text of examples) expect(text).toMatch(new RegExp(`^${origin}${SUB}de/`));
    const site = page.locator('[data-citation="site"]');
    await expect(site.locator('.citation-text').first()).toContainText(`${origin}${SUB}de/`);
    for (const note of await page.locator('[data-address-note]').all())
      await expect(note).toBeHidden();
    await page.getByRole('button', { name: 'HTML kopieren' }).click();
    await expect.poll(async () => (await read()).length).toBe(1);
    expect((await read())[0]).toContain(`src="${origin}${SUB}de/embed/io-path/"`);
  });
});

test.describe('at a plain-HTTP origin that is not localhost (no Clipboard API)', () => {
  // A school's intranet server: no secure context, so the browser offers no clipboard. The
  // browser resolves no such name; its requests are answered from dist-sub's server.
  const school = 'http://school.example';
  test.use({ baseURL: school });
  needsSubBuild();
  test.beforeEach(async ({ context, subOrigin: origin }) => {
    await context.route(`${school}/**`, async (route) => {
      const url = new URL(route.request().url());
      const response = await route.fetch({ url: origin + url.pathname + url.search });
      await route.fulfill({ response });
    });
  });

  test('every copy button selects its text in a field that says how to copy it, percent-encoded, and shows no error', async ({
    page,
  }) => {
    await page.goto(`${SUB}de/io-drivers/`);
    expect(await page.evaluate(() => [isSecureContext, 'clipboard' in navigator])).toEqual([
      false,
      false,
    ]);
    /** The field focused after a copy: its label says how to copy, and all of it is selected. */
    const field = async (value: string | RegExp) => {
      const box = page.locator(':focus');
      await expect(box).toHaveAccessibleName('Markiert: mit Strg+C (⌘C auf dem Mac) kopieren.');
      await expect(box).toHaveValue(value);
      await expect(box).toBeVisible();
      const selected = await box.evaluate((el: HTMLInputElement) =>
        el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0),
      );
      expect(selected).toBe(await box.inputValue());
      return selected;
    };
    // A heading with an umlaut in its anchor: the address is percent-encoded.
    await page
      .locator('.heading', { has: page.locator('[id="kein-umweg-zu-den-geräten"]') })
      .getByRole('button', { name: /kopieren/ })
      .click();
    await field(`${school}${SUB}de/io-drivers/#kein-umweg-zu-den-ger%C3%A4ten`);

    // The figure, in a view of its own: its link, and its embed code as shown.
    const host = page.locator('[data-diagram="io-path"]').locator('xpath=..');
    await host.getByRole('radio', { name: 'Gehostet' }).click();
    await host.getByRole('button', { name: 'Link zu dieser Ansicht kopieren' }).click();
    await field(new RegExp(`^${school}${SUB}de/io-drivers/#io-path=[^#\\s]*hosted`));
    await host.getByText('Einbettungscode für Kursseiten').click();
    const shown = (await host.locator('[data-snippet] pre').textContent()) ?? '';
    expect(shown).toContain(`src="${school}${SUB}de/embed/io-path/#io-path=`);
    expect(shown).toMatch(/#io-path=[^"]*hosted/);
    await host.getByRole('button', { name: 'Einbettungscode kopieren' }).click();
    await field(shown);

    // "Cite this page": BibTeX, several lines, in a field as tall as it.
    await page.locator('.cite-page summary').click();
    await page.getByRole('button', { name: 'BibTeX kopieren' }).click();
    expect(await field(/^@/)).toContain(`${school}${SUB}de/io-drivers/`);

    await expect(page.locator('#site-status')).not.toContainText(/nicht|fehl/i);
    await expect(page.getByText(/hat nicht geklappt|nicht möglich/)).toHaveCount(0);
  });
});

test.describe('the portable copy, opened from disk', () => {
  test.skip(!existsSync(portable), 'dist-portable/ is missing: run `npm run build:portable`');

  test('copy buttons hand out no file: path; without SITE_URL, the path and a note', async ({
    page,
  }) => {
    const read = await recordClipboard(page);
    await page.goto(pathToFileURL(join(portable, 'en/architecture/index.html')).href);
    const id = await page.locator('.heading[data-address] > h2').first().getAttribute('id');
    await page
      .locator('copy-link button')
      .first()
      .evaluate((b: HTMLButtonElement) => b.click());
    await expect.poll(async () => (await read()).length).toBe(1);
    const [copied = ''] = await read();
    expect(copied).not.toMatch(/^file:/);
    const canonical = await page.evaluate(
      () => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href,
    );
    // With SITE_URL at build, the published address; without, the site path.
    expect(copied).toBe(
      canonical ? new URL(`/en/architecture/#${id}`, canonical).href : `/en/architecture/#${id}`,
    );
    await page.locator('.cite-page summary').click();
    if (!canonical) await expect(page.locator('.cite-page [data-address-note]')).toBeVisible();
  });
});
