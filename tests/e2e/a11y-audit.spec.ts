// What an accessibility audit by hand finds and axe does not: text spacing, forced colours,
// a hover preview and Escape, the search dialog's parts, focus order, and what a screen
// reader hears. Reflow: reflow.spec.ts; pages without JavaScript: no-js.spec.ts; print:
// print.spec.ts; the Nu HTML checker: `npm run test:nu`.
import { goToFragment, labelCollisions, openSettled, textSpacing } from './audit-helpers.ts';
import { expect as base, test } from './fixtures.ts';
import { corners, dialog, scan } from './qr-helpers.ts';

// Two shared cores under other work: each page may take a while to settle.
const expect = base.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 120_000 });

test.describe('glossary preview (WCAG 1.4.13)', () => {
  test('a preview opened by the pointer closes on Escape while focus is elsewhere', async ({
    page,
  }) => {
    await page.goto('/en/architecture/');
    const preview = page.locator('#glossary-preview-hypervisor');
    await page.locator('h1').click();
    await page.locator('a.glossary-link[data-term="hypervisor"]').hover();
    await expect(preview).toBeVisible();
    await expect(page.locator('glossary-term:focus-within')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
  });

  test('at 320 × 256 (400 % zoom) every preview fits the window, leaves its link in view, and one that scrolls takes focus', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 256 });
    await page.goto('/de/architecture/');
    const links = page.locator('a.glossary-link');
    let scrolled = 0;
    for (let i = 0; i < (await links.count()); i++) {
      const link = links.nth(i);
      await link.scrollIntoViewIfNeeded();
      await link.focus();
      const preview = page.locator(`#${await link.getAttribute('aria-describedby')}`);
      await expect(preview).toBeVisible();
      const box = await preview.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const own = await link.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      const term = (await link.textContent()) ?? '';
      expect(box.top, term).toBeGreaterThanOrEqual(0);
      expect(box.bottom, term).toBeLessThanOrEqual(256);
      // Above or below its link, never over it.
      expect(box.bottom <= own.top || box.top >= own.bottom, `${term}: link covered`).toBe(true);
      // A definition taller than the room it has scrolls, and the keyboard can scroll it:
      // the next Tab stop is the preview, and End brings its last line into view.
      if (await preview.evaluate((el) => el.scrollHeight > el.clientHeight + 1)) {
        scrolled += 1;
        await page.keyboard.press('Tab');
        await expect(preview, term).toBeFocused();
        await expect(preview, term).toHaveAccessibleName(/.+/);
        await page.keyboard.press('End');
        await expect
          .poll(() =>
            preview.evaluate((el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1),
          )
          .toBe(true);
        await page.keyboard.press('Escape');
        await expect(preview).toBeHidden();
        await expect(link, `${term}: Escape in the preview returns to its link`).toBeFocused();
      } else await page.keyboard.press('Escape');
    }
    // The window is small enough that some definition needs more room than it has.
    expect(scrolled).toBeGreaterThan(0);
  });
});

test.describe('search dialog', () => {
  test.use({ viewport: { width: 400, height: 700 } });
  test('on a narrow screen: one close button, the key hint tells what Escape does, a right-to-left query cannot reorder the status line, and the chosen result stands out in forced colours', async ({
    page,
  }) => {
    await page.goto('/en/architecture/');
    await page.locator('[data-search-trigger]').click();
    const dialog = page.getByRole('dialog', { name: 'Search' });
    await expect(dialog.getByRole('combobox', { name: 'Search term' })).toBeFocused();
    await expect(dialog.getByRole('button', { name: /close/i })).toHaveCount(1);
    await expect(dialog.getByRole('button', { name: /close/i })).toBeVisible();
    const keys = dialog.locator('.search-keys');
    await expect(keys).not.toContainText(/clear/i);
    await expect(keys).toContainText(/Esc closes/);
    await page.keyboard.type('\u202Ehypervisor');
    const status = dialog.getByRole('status');
    await expect(status.locator('bdi')).toHaveText('\u202Ehypervisor');
    const options = dialog.getByRole('listbox').getByRole('option');
    await expect(options.nth(1)).toBeVisible();
    // The result chosen by arrow key stands out in forced colours too, where the colours that
    // mark it otherwise are replaced by the system's.
    await page.keyboard.press('ArrowDown');
    await expect(options.first()).toHaveAttribute('aria-selected', 'true');
    await page.emulateMedia({ forcedColors: 'active' });
    // What shows: the first background that is not transparent (a background only a little
    // less transparent than its neighbour's looks the same), text, border and outline.
    const look = (option: Element) => {
      let shown = '';
      for (let el: Element | null = option; el && !shown; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (!/^rgba\(.*, 0\)$|^transparent$/.test(colour)) shown = colour;
      }
      const s = getComputedStyle(option);
      return [shown, s.color, s.borderColor, s.outlineStyle, s.outlineColor].join();
    };
    expect(await options.first().evaluate(look)).not.toBe(await options.nth(1).evaluate(look));
    await page.emulateMedia({ forcedColors: 'none' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.locator('[data-search-trigger]')).toBeFocused();
  });

  test('the search page isolates the query it repeats', async ({ page }) => {
    await page.goto('/de/search/?q=%E2%80%AEtreiber');
    await expect(page.locator('[data-search-page]').getByRole('status').locator('bdi')).toHaveText(
      '\u202Etreiber',
    );
  });
});

test.describe('QR codes in forced colours', () => {
  test('the QR buttons keep their icon and outline; the code stays black on white and scans; the close button shows', async ({
    page,
    baseURL,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto('/en/io-drivers/');
    for (const qr of await page.locator('[data-qr]').all()) {
      if (!(await qr.isVisible())) continue; // the embed code's, inside closed <details>
      await expect(qr.locator('svg')).toBeVisible();
      expect(await qr.evaluate((el) => getComputedStyle(el).color)).not.toBe('rgba(0, 0, 0, 0)');
    }
    const heading = page.locator('.heading').first();
    await heading.getByRole('button', { name: 'Show QR code' }).click();
    await expect(dialog(page).getByRole('button', { name: 'Close' })).toBeVisible();
    const id = await heading.locator('h2').getAttribute('id');
    expect(await scan(page)).toBe(`${baseURL}/en/io-drivers/#${id}`);
    expect(await corners(page)).toEqual([
      [255, 255, 255],
      [0, 0, 0],
    ]);
    await page.emulateMedia({ forcedColors: null });
  });
});

test.describe('focus order (WCAG 2.4.3)', () => {
  test('the page list is drawn where the keyboard reaches it: before the content, at its inline start', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/en/architecture/');
    const main = await page.locator('main').boundingBox();
    const nav = await page.locator('#site-nav').boundingBox();
    expect(nav && main && nav.x + nav.width <= main.x).toBe(true);
    // In the source, too: header tools and page list, then the content and its pager.
    const order = await page.evaluate(() =>
      [...document.querySelectorAll('.header-tools, #site-nav, main, .pager')].map(
        (el) => el.id || el.classList[0],
      ),
    );
    expect(order).toEqual(['header-tools', 'site-nav', 'main', 'pager']);
  });

  test('a table that fits is no tab stop; one that scrolls is', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/en/comparison/');
    const region = page.locator('.table-scroll').first();
    await expect(region).not.toHaveAttribute('tabindex');
    await page.setViewportSize({ width: 320, height: 640 });
    await expect(region).toHaveAttribute('tabindex', '0');
  });
});

test.describe('diagrams', () => {
  const ioPath = (page: import('@playwright/test').Page) => page.locator('#figure-io-path');

  test('the view survives the skip link, the contents and a heading anchor; Play stops', async ({
    page,
  }) => {
    // The page's timers run on a clock the test moves on, so no real time is waited for.
    await page.clock.install();
    await page.goto('/en/io-drivers/');
    const fig = ioPath(page);
    await fig.getByRole('radio', { name: 'Hosted' }).click();
    await fig.getByRole('button', { name: 'Play' }).click();
    await expect(fig.getByRole('button', { name: 'Pause' })).toBeVisible();
    await page.keyboard.press('Tab');
    await page.evaluate(() => document.querySelector<HTMLElement>('.skip-link')?.focus());
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(fig.getByRole('button', { name: 'Play' })).toBeVisible();
    await expect(fig.getByRole('radio', { name: 'Hosted' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').first().click();
    await expect(fig.getByRole('radio', { name: 'Hosted' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await page.locator('.heading-anchor').last().click();
    await expect(fig.getByRole('radio', { name: 'Hosted' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    // No timer left to rewrite the address the reader chose.
    const hash = new URL(page.url()).hash;
    await page.clock.runFor(3_500);
    expect(new URL(page.url()).hash).toBe(hash);
  });

  test('in forced colours the chosen option differs by more than its weight', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return [s.backgroundColor, s.color, s.borderColor, s.outlineStyle, s.borderWidth].join();
    };
    for (const path of [
      '/en/embed/layer-stack/',
      '/de/embed/io-path/',
      '/en/embed/architecture-fit/',
    ]) {
      await page.goto(path);
      await page.locator('[role="radio"]').first().click();
      for (const group of await page.locator('[role="radiogroup"]').all()) {
        const chosen = group.locator('[role="radio"][aria-checked="true"]');
        if (!(await chosen.count())) continue;
        const other = group.locator('[role="radio"][aria-checked="false"]').first();
        expect(await chosen.evaluate(look), path).not.toBe(await other.evaluate(look));
      }
      const switches = page.getByRole('switch');
      if (await switches.count()) {
        const off = await switches.evaluate(look);
        await switches.click();
        expect(await switches.evaluate(look)).not.toBe(off);
      }
    }
  });

  test.describe('with the diagram code blocked', () => {
    test.use({ allowedConsole: [/Failed to load resource/] });
    test('no control shows and a linked view is still shown', async ({ page }) => {
      await page.route(/\/_astro\/.*Diagram.*\.js$/, (route) => route.abort());
      await page.goto('/en/io-drivers/#io-path=hosted');
      const fig = ioPath(page);
      await expect(fig.locator('svg[data-arch="hosted"]')).toBeVisible();
      for (const control of await page.locator('.diagram-host [data-controls]').all())
        await expect(control).not.toBeVisible();
      await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);
    });
  });
});

test.describe('what a screen reader hears (issue 14, item 7)', () => {
  const diagrams = ['layer-stack', 'io-path', 'device-sharing', 'architecture-fit'] as const;
  const titles = {
    de: {
      'layer-stack': 'Schichten: Bare Metal und gehostet',
      'io-path': 'Der I/O-Weg, Schicht für Schicht',
      'device-sharing': 'Ein I/O-Gerät teilen',
      'architecture-fit': 'Welche Architektur passt?',
    },
    en: {
      'layer-stack': 'Layer stack: bare metal and hosted',
      'io-path': 'The I/O path, layer by layer',
      'device-sharing': 'Sharing one I/O device',
      'architecture-fit': 'Which architecture fits?',
    },
  };
  /** A citation glued to its sentence ("…the VMM.Context: C") or a citation label at all. */
  const CITATION = /[.;,)][A-Za-zÄÖÜäöü]|Source:|Beleg:|Context:|Kontext:|\b[Pp]assage P\d/;

  /** The views whose labels are checked, with and without wider text spacing (WCAG 1.4.12). */
  const views: Record<(typeof diagrams)[number], string[]> = {
    'layer-stack': ['both', 'bare-metal', 'hosted'],
    'io-path': ['bare-metal', 'bare-metal,op=net', 'hosted', 'hosted,op=net'],
    'device-sharing': ['1', '2', '3', '4', '5', '6', '7', '8', '3,driver=missing'],
    'architecture-fit': ['----', 'yy--', '--yy'],
  };

  // One load of each embed page: its controls are used from the first view on, then each
  // view is opened by a link to it (the address changes, the figure follows).
  for (const lang of ['de', 'en'] as const)
    test(`${lang}: every control change is announced in at most 25 words, without citations; in every view, labels stay inside their boxes and clear of their badges, with and without wider spacing`, async ({
      page,
    }) => {
      const heard: string[] = [];
      const collisions: string[] = [];
      for (const diagram of diagrams) {
        await openSettled(page, `/${lang}/embed/${diagram}/`);
        const fig = page.locator('figure');
        const live = fig.locator('[data-live]');
        const check = async (what: string) => {
          const text = ((await live.textContent()) ?? '').trim();
          const words = text.split(/\s+/).length;
          heard.push(`${diagram} ${what}: ${words}`);
          expect(text, `${diagram} ${what}`).not.toBe('');
          expect(words, `${diagram} ${what}: ${text}`).toBeLessThanOrEqual(25);
          expect(text, `${diagram} ${what}`).not.toMatch(CITATION);
        };
        for (const radio of await fig.getByRole('radio').all()) {
          if ((await radio.getAttribute('aria-checked')) === 'true') continue;
          await live.evaluate((el) => (el.textContent = ''));
          await radio.click();
          await check(`radio ${await radio.textContent()}`);
        }
        for (const name of lang === 'de' ? ['Weiter', 'Zurück'] : ['Next', 'Back']) {
          const button = fig.getByRole('button', { name, exact: true });
          if (await button.count()) {
            await button.click();
            await check(name);
          }
        }
        const toggle = fig.getByRole('switch');
        if (await toggle.count())
          for (const state of ['on', 'off']) {
            await toggle.click();
            await check(`switch ${state}`);
          }
        const range = fig.locator('input[type="range"]');
        if (await range.count())
          for (const n of ['1', '2', '8']) {
            await range.fill(n);
            await check(`${n} VMs`);
          }

        for (const state of views[diagram]) {
          const path = `/${lang}/embed/${diagram}/#${diagram}=${state}`;
          await goToFragment(page, `${diagram}=${state}`);
          await textSpacing(page, false);
          collisions.push(...(await labelCollisions(page)).map((problem) => `${path}: ${problem}`));
          await textSpacing(page, true);
          collisions.push(
            ...(await labelCollisions(page)).map((problem) => `${path}, spaced: ${problem}`),
          );
        }
      }
      test.info().annotations.push({ type: 'words', description: heard.join('; ') });
      expect(collisions, 'labels out of their boxes or on their badges').toEqual([]);
    });

  test('the device-sharing picture describes the VMs and driver it shows', async ({ page }) => {
    await page.goto('/en/embed/device-sharing/');
    const img = page.getByRole('img');
    await expect(img).toHaveAccessibleName('How virtual machines share one I/O device');
    await expect(img).toHaveAccessibleDescription(
      /^3 VMs share one device\. VM 1 shows a question mark: .* From VM 2 on.* the low-level driver;/,
    );
    await page.locator('input[type="range"]').fill('1');
    await expect(img).toHaveAccessibleDescription(
      /^1 VM uses the device\. VM 1 shows a question mark: .*\. Below/,
    );
    await page.locator('input[type="range"]').fill('6');
    await expect(img).toHaveAccessibleDescription(/^6 VMs share one device\. .* From VM 2 on/);
    await expect(img).not.toHaveAccessibleDescription(/device driver/);
  });

  test('citation links to different claims have different names and no title', async ({ page }) => {
    for (const path of ['/en/io-drivers/', '/de/architecture/', '/en/comparison/']) {
      await page.goto(path);
      const links = await page.locator('main sup.cite a').evaluateAll((all) =>
        all.map((a) => ({
          name: a.getAttribute('aria-label') ?? '',
          href: a.getAttribute('href'),
          title: a.getAttribute('title'),
        })),
      );
      // The name is all a mark says: no title repeats the claim as its description.
      expect(
        links.filter((l) => l.title !== null).map((l) => l.title),
        path,
      ).toEqual([]);
      expect(links.length, path).toBeGreaterThan(0);
      const targets = new Map<string, Set<string | null>>();
      for (const { name, href } of links)
        targets.set(name, (targets.get(name) ?? new Set()).add(href));
      for (const [name, hrefs] of targets) expect([...hrefs], `${path}: "${name}"`).toHaveLength(1);
      for (const { name } of links)
        expect(name).toMatch(/^(Source P\d\.\d+|Context C\d+|Beleg P\d\.\d+|Kontext K\d+)$/);
    }
  });

  // Committed snapshots (tests/e2e/a11y-audit.spec.ts-snapshots/): a change to what a screen
  // reader hears in a figure shows up in review. Default view and one changed view each.
  const changed = {
    'layer-stack': 'hosted,layer=vmm',
    'io-path': 'hosted,step=2',
    'device-sharing': '2',
    'architecture-fit': 'y-n-',
  };
  for (const lang of ['de', 'en'] as const)
    test(`${lang}: each embed page is headed and each figure named by its short title, each picture apart from its description; its accessibility tree, default and changed`, async ({
      page,
    }) => {
      for (const diagram of diagrams)
        await test.step(diagram, async () => {
          await page.goto(`/${lang}/embed/${diagram}/`);
          // The embed page is headed by the figure's title, the one heading of its level.
          await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[lang][diagram]);
          const figure = page.getByRole('figure');
          await expect(figure).toHaveAccessibleName(titles[lang][diagram]);
          for (const img of await figure.getByRole('img').all())
            expect(await img.getAttribute('aria-labelledby')).not.toMatch(/\s/);
          await expect(figure).toMatchAriaSnapshot({ name: `${lang}-${diagram}.aria.yml` });
          // Changed as a link to that view on the same page changes it.
          await goToFragment(page, `${diagram}=${changed[diagram]}`);
          await expect(figure).toMatchAriaSnapshot({
            name: `${lang}-${diagram}-changed.aria.yml`,
          });
        });
    });
});
