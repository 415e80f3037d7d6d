// The four interactive diagrams, as a reader and a teacher use them: keyboard, pointer and
// touch; state in the URL fragment; the live region; axe in every state and both themes;
// reduced motion; embeds; and the byte budget of their scripts. (Without JavaScript:
// no-js.spec.ts.)
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Locator, Page } from '@playwright/test';
import { budgets } from '../budgets.ts';
import { axe } from './axe.ts';
import { goToFragment } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';

interface Case {
  id: string;
  page: string;
  /** A non-default state and how to recognise it. */
  fragment: string;
  restored: (fig: Locator) => Promise<void>;
  /** The default view, as a garbage fragment must show it. */
  isDefault: (fig: Locator) => Promise<void>;
  /** Every state axe checks. */
  states: string[];
}

const radio = (fig: Locator, group: string, name: string) =>
  fig.locator(`[role="radiogroup"][data-key="${group}"]`).getByRole('radio', { name, exact: true });

const cases: Case[] = [
  {
    id: 'layer-stack',
    page: '/en/architecture/',
    fragment: 'layer-stack=hosted,layer=vmm',
    restored: async (fig) => {
      await expect(radio(fig, 'main', 'Hosted')).toHaveAttribute('aria-checked', 'true');
      await expect(radio(fig, 'layer', 'Hypervisor (VMM)')).toHaveAttribute('aria-checked', 'true');
      await expect(fig.locator('svg[data-arch="bare-metal"]')).toBeHidden();
      await expect(
        fig.getByText('Hosted architecture: here too a hypervisor (VMM) runs, but as a process'),
      ).toBeVisible();
    },
    isDefault: async (fig) => {
      await expect(radio(fig, 'main', 'Both')).toHaveAttribute('aria-checked', 'true');
      await expect(fig.locator('svg[data-arch]')).toHaveCount(2);
      await expect(fig.locator('svg[data-arch="bare-metal"]')).toBeVisible();
      await expect(fig.getByText('this slot stays empty')).toBeVisible();
    },
    states: ['both', 'bare-metal', 'hosted'].flatMap((v) =>
      ['vm', 'vmm', 'host-os', 'hardware'].map((l) => `layer-stack=${v},layer=${l}`),
    ),
  },
  {
    id: 'io-path',
    page: '/en/io-drivers/',
    fragment: 'io-path=hosted,step=3',
    restored: async (fig) => {
      await expect(radio(fig, 'main', 'Hosted')).toHaveAttribute('aria-checked', 'true');
      await expect(fig.getByText('Hosted: layer 3 of the 4 drawn')).toBeVisible();
      await expect(
        fig.getByRole('radiogroup', { name: 'Path: Hosted' }).getByRole('radio', { checked: true }),
      ).toHaveAccessibleName('Host operating system');
      await expect(fig.getByText('Next comes the host operating system')).toBeVisible();
    },
    isDefault: async (fig) => {
      await expect(radio(fig, 'main', 'Bare metal')).toHaveAttribute('aria-checked', 'true');
      await expect(fig.getByText('Bare metal: layer 1 of the 3 drawn')).toBeVisible();
    },
    states: [
      ...[1, 2, 3].map((s) => `io-path=bare-metal,step=${s}`),
      ...[1, 2, 3, 4].map((s) => `io-path=hosted,op=net,step=${s}`),
    ],
  },
  {
    id: 'device-sharing',
    page: '/en/io-drivers/',
    fragment: 'device-sharing=6',
    restored: async (fig) => {
      await expect(fig.getByRole('slider')).toHaveValue('6');
      await expect(fig.locator('.status').getByText('6 VMs share one device.')).toBeVisible();
      await expect(fig.locator('svg .copy text').filter({ visible: true })).toHaveCount(5);
    },
    isDefault: async (fig) => {
      await expect(fig.getByRole('slider')).toHaveValue('3');
      await expect(fig.locator('.status').getByText('3 VMs share one device.')).toBeVisible();
    },
    // Every count, and an old link that still names the driver switch.
    states: [
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `device-sharing=${n}`),
      'device-sharing=3,driver=missing',
    ],
  },
  {
    id: 'architecture-fit',
    page: '/en/comparison/',
    fragment: 'architecture-fit=yny-',
    restored: async (fig) => {
      await expect(
        fig.getByRole('radiogroup', { name: /I\/O/ }).getByRole('radio', { name: 'Yes' }),
      ).toHaveAttribute('aria-checked', 'true');
      await expect(fig.getByText('point both ways')).toBeVisible();
      await expect(
        fig.locator('.result').getByText('considerably more work than a hosted'),
      ).toBeVisible();
    },
    isDefault: async (fig) => {
      await expect(fig.getByRole('radio', { checked: true })).toHaveCount(0);
      await expect(fig.getByText('Answer a question to see')).toBeVisible();
    },
    states: ['----', 'nnnn', 'yy--', '--yy', 'yyyy', 'ynyn'].map((c) => `architecture-fit=${c}`),
  },
];

const figure = (page: Page, id: string) => page.locator(`#figure-${id}`);
const live = (page: Page, id: string) => figure(page, id).locator('[data-live]');

for (const c of cases) {
  test.describe(c.id, () => {
    test('a linked view: restored on load and reload, moving only when the reader allows it, copied as a link and as embed code, and shown by the embed page', async ({
      page,
      context,
    }) => {
      await test.step('a link with its fragment restores the view, on load and on reload', async () => {
        await page.goto(`${c.page}#${c.fragment}`);
        const fig = figure(page, c.id);
        await expect(fig).toHaveAttribute('data-diagram', c.id);
        await c.restored(fig);
        await expect(fig).toBeInViewport();
        await page.reload();
        await c.restored(fig);
      });

      await test.step('motion only when the reader allows it', async () => {
        for (const reducedMotion of ['reduce', 'no-preference'] as const) {
          await page.emulateMedia({ reducedMotion });
          const durations = await figure(page, c.id)
            .locator('svg rect, svg .motion')
            .evaluateAll((els) => els.map((el) => getComputedStyle(el).transitionDuration));
          const moving = durations.filter((d) => d.split(',').some((x) => parseFloat(x) > 0));
          if (reducedMotion === 'reduce') expect(moving).toEqual([]);
          else expect(moving.length).toBeGreaterThan(0);
        }
        await page.emulateMedia({ reducedMotion: null });
      });

      await test.step('"copy link" and "copy embed code" carry the current view', async () => {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const host = page.locator(`[data-diagram="${c.id}"]`).locator('xpath=..');
        const status = page.locator('#site-status');
        await host.getByRole('button', { name: 'Copy link to this view' }).click();
        await expect(status).toHaveText('Copied.');
        const link = await page.evaluate(() => navigator.clipboard.readText());
        expect(new URL(link).pathname + new URL(link).hash).toBe(`${c.page}#${c.fragment}`);
        await host.getByText('Embed code for course pages').click();
        // The code shown is the code copied: both point at the view set here.
        const shown = host.locator('[data-snippet] pre.shiki');
        await expect(shown).toContainText(`/en/embed/${c.id}/#${c.fragment}"`);
        // The frame lets "Present" fill the screen (without it, the figure fills the frame).
        await expect(shown).toContainText('allow="fullscreen"');
        await host.getByRole('button', { name: 'Copy embed code' }).click();
        const code = await shown.textContent();
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
        const src = /<iframe src="([^"]+)"/.exec(code ?? '')?.[1] ?? '';
        expect(new URL(src).pathname).toBe(`/en/embed/${c.id}/`);
        await page.goto(new URL(src).pathname + new URL(src).hash);
        await c.restored(figure(page, c.id));
      });

      await test.step('the embed page has no site chrome and restores the fragment state', async () => {
        await page.goto(`/en/embed/${c.id}/#${c.fragment}`);
        await expect(page.locator('.site-header, .site-nav, .site-footer')).toHaveCount(0);
        await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
        await c.restored(figure(page, c.id));
        const open = page.getByRole('link', { name: 'Open on the site' });
        await expect(open).toHaveAttribute('href', `${c.page}#${c.fragment}`);
        await page.goto(`/de/embed/${c.id}/#junk`);
        await expect(page.locator('html')).toHaveAttribute('lang', 'de');
        await expect(page.getByRole('link', { name: 'Auf der Website öffnen' })).toBeVisible();
      });
    });

    test('a garbage fragment shows the default view without an error', async ({ page }) => {
      test.setTimeout(4 * 30_000);
      for (const junk of [
        'garbage',
        `${c.id}=nonsense,step=99`,
        `${c.id}=%E0%A4%A`,
        `${c.id}=<b>x</b>`,
      ]) {
        // A fresh load each time: the fragment is read as the page starts.
        await page.goto('about:blank');
        await page.goto(`${c.page}#${junk}`);
        await test.step(`#${junk}`, () => c.isDefault(figure(page, c.id)));
      }
    });

    test('axe finds nothing in any state, in light and dark mode', async ({ page }) => {
      test.setTimeout(2 * c.states.length * 8_000);
      // The embed page holds the same figure with less page around it for axe to walk; the
      // figure on its topic page, in its first view, is checked in every-page.spec.ts.
      await page.goto(`/en/embed/${c.id}/`);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const state of c.states) {
          await goToFragment(page, state);
          // The schemes differ in colour only: the dark run checks the colour rules (axe.ts).
          const rules = scheme === 'light' ? 'all' : 'colour';
          expect(await axe(page, `#figure-${c.id}`, rules), `${scheme} mode, #${state}`).toEqual(
            [],
          );
        }
      }
    });
  });
}

test.describe('keyboard, pointer and touch', () => {
  test('layer stack: arrows, Home/End and Enter pick views and layers', async ({ page }) => {
    await page.goto('/en/architecture/');
    const fig = figure(page, 'layer-stack');
    await radio(fig, 'main', 'Both').focus();
    await page.keyboard.press('ArrowRight');
    await expect(radio(fig, 'main', 'Bare metal')).toBeFocused();
    await expect(radio(fig, 'main', 'Bare metal')).toHaveAttribute('aria-checked', 'true');
    await expect(fig.locator('svg[data-arch="hosted"]')).toBeHidden();
    await expect(live(page, 'layer-stack')).toContainText('this slot stays empty');
    expect(new URL(page.url()).hash).toBe('#layer-stack=bare-metal');
    await page.keyboard.press('End');
    await expect(radio(fig, 'main', 'Hosted')).toHaveAttribute('aria-checked', 'true');
    // The toolbar ends with "Tour" and "Present"; the layers over the drawing come next.
    await page.keyboard.press('Tab');
    await expect(fig.getByRole('button', { name: 'Tour', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(radio(fig, 'layer', 'Host operating system')).toBeFocused();
    await page.keyboard.press('Home');
    await expect(radio(fig, 'layer', 'Virtual machines')).toHaveAttribute('aria-checked', 'true');
    await expect(live(page, 'layer-stack')).toContainText('guest operating system');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await expect(radio(fig, 'layer', 'Hardware')).toHaveAttribute('aria-checked', 'true');
    expect(new URL(page.url()).hash).toBe('#layer-stack=hosted,layer=hardware');
  });

  test('layer stack: clicking a layer in the figure explains it', async ({ page }) => {
    await page.goto('/en/architecture/');
    const fig = figure(page, 'layer-stack');
    // The layer's controls lie over the drawing: a click on the drawn layer reaches them.
    const vmm = fig.locator('svg[data-arch="hosted"] [data-layer="vmm"] rect');
    await vmm.scrollIntoViewIfNeeded();
    const box = (await vmm.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(radio(fig, 'layer', 'Hypervisor (VMM)')).toHaveAttribute('aria-checked', 'true');
    await expect(live(page, 'layer-stack')).toContainText('as a process');
  });

  test('I/O path: buttons and keys step through the layers; play runs to the end', async ({
    page,
  }) => {
    await page.goto('/en/io-drivers/');
    const fig = figure(page, 'io-path');
    const say = live(page, 'io-path');
    await radio(fig, 'main', 'Bare metal').focus();
    await page.keyboard.press('ArrowRight');
    await expect(radio(fig, 'main', 'Hosted')).toHaveAttribute('aria-checked', 'true');
    await expect(say).toContainText('Hosted: layer 1 of the 4');
    const forward = fig.getByRole('button', { name: 'Next' });
    await forward.focus();
    await page.keyboard.press('Enter');
    await expect(say).toContainText('layer 2 of the 4');
    await page.keyboard.press('ArrowRight');
    await expect(say).toContainText('layer 3 of the 4');
    await expect(fig.locator('[data-count]')).toHaveText('3 / 4');
    expect(new URL(page.url()).hash).toBe('#io-path=hosted,step=3');
    await page.keyboard.press('End');
    await expect(say).toContainText('layer 4 of the 4');
    await page.keyboard.press('Home');
    await expect(say).toContainText('layer 1 of the 4');
    await fig.getByRole('button', { name: 'Back' }).click();
    await expect(say).toContainText('layer 1 of the 4');
    await radio(fig, 'op', 'Network').click();
    await expect(
      fig.locator('svg[data-arch="hosted"] text').filter({ hasText: 'network card' }),
    ).toBeVisible();
    await fig.getByRole('button', { name: 'Play' }).click();
    await expect(fig.getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(say).toContainText('layer 4 of the 4', { timeout: 10_000 });
    await expect(fig.getByRole('button', { name: 'Play' })).toBeVisible();
    // Play at the last layer starts again from the first.
    await fig.getByRole('button', { name: 'Play' }).click();
    await expect(say).toContainText('layer 1 of the 4');
    await fig.getByRole('button', { name: 'Pause' }).click();
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true });
    test('device sharing: the slider by keys, a slot by touch', async ({ page }) => {
      await page.goto('/en/io-drivers/');
      const fig = figure(page, 'device-sharing');
      const slider = fig.getByRole('slider');
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await expect(live(page, 'device-sharing')).toContainText('4 VMs share one device.');
      await page.keyboard.press('End');
      await expect(live(page, 'device-sharing')).toContainText('8 VMs share one device.');
      await page.keyboard.press('Home');
      await expect(live(page, 'device-sharing')).toContainText('1 VM uses the device.');
      await expect(live(page, 'device-sharing')).toContainText('A single VM');
      expect(new URL(page.url()).hash).toBe('#device-sharing=1');
      await fig.locator('[data-slot="2"] .ghost rect').tap();
      await expect(slider).toHaveValue('2');
      await expect(live(page, 'device-sharing')).toContainText('So that the device can be divided');
    });

    test('architecture fit: answers by keyboard and by tap tip the balance', async ({ page }) => {
      await page.goto('/en/comparison/');
      const fig = figure(page, 'architecture-fit');
      const groups = fig.getByRole('radiogroup');
      await groups.nth(0).getByRole('radio', { name: 'Yes' }).focus();
      await page.keyboard.press('Space');
      await expect(live(page, 'architecture-fit')).toContainText('favour bare metal');
      expect(new URL(page.url()).hash).toBe('#architecture-fit=y---');
      await page.keyboard.press('Tab');
      await expect(groups.nth(1).getByRole('radio', { name: 'Yes' })).toBeFocused();
      await page.keyboard.press('End');
      await expect(groups.nth(1).getByRole('radio', { name: 'No' })).toHaveAttribute(
        'aria-checked',
        'true',
      );
      await groups.nth(2).getByRole('radio', { name: 'Yes' }).tap();
      await expect(live(page, 'architecture-fit')).toContainText('point both ways');
      await groups.nth(0).getByRole('radio', { name: 'No' }).tap();
      await expect(live(page, 'architecture-fit')).toContainText('speak against bare metal');
      const tilt = await fig.locator('.beam').evaluate((el) => getComputedStyle(el).transform);
      expect(tilt).not.toBe('none');
      await fig.getByRole('button', { name: 'Start over' }).click();
      await expect(fig.getByRole('radio', { checked: true })).toHaveCount(0);
    });
  });
});

test.describe('weight', () => {
  const dist = new URL('../../dist/', import.meta.url);
  const scriptsOf = (path: string) =>
    [
      ...readFileSync(new URL(`${path}index.html`, dist), 'utf8').matchAll(
        /src="\/(_astro\/[^"]+\.js)"/g,
      ),
    ].map((m) => m[1] ?? '');
  /** A script with the modules it imports, as the browser loads them. */
  const withImports = (file: string): string[] => {
    const code = readFileSync(new URL(file, dist), 'utf8');
    const imports = [...code.matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)].map(
      (m) => `_astro/${m[1] ?? m[2]}`,
    );
    return [file, ...imports.flatMap(withImports)];
  };
  const gzip = (file: string) => gzipSync(readFileSync(new URL(file, dist))).length;

  test(`each diagram script, with the shared modules it loads, is at most ${budgets.scriptPerDiagram} B gzip`, () => {
    const files = readdirSync(new URL('_astro/', dist)).filter((f) =>
      /^Diagram\.astro.*\.js$/.test(f),
    );
    expect(files.length).toBe(4);
    for (const file of files) {
      const total = [...new Set(withImports(`_astro/${file}`))].reduce(
        (sum, f) => sum + gzip(f),
        0,
      );
      expect(total, file).toBeLessThanOrEqual(budgets.scriptPerDiagram);
    }
  });

  test('a page loads only the scripts of the diagrams it shows', () => {
    for (const path of ['en/vendors/', 'de/glossary/', 'en/', 'de/sources/']) {
      expect(
        scriptsOf(path).filter((s) => /Diagram|shared/.test(s)),
        path,
      ).toEqual([]);
    }
    expect(scriptsOf('en/architecture/').filter((s) => /Diagram/.test(s))).toHaveLength(1);
    expect(scriptsOf('de/io-drivers/').filter((s) => /Diagram/.test(s))).toHaveLength(2);
  });
});
