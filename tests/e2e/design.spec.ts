// The reading experience as a reader meets it, measured in the browser: paragraphs apart,
// lines of a readable length, a one-row header on phones, the current page marked, each
// figure's controls and drawing on one laptop screen, and motion only for readers who want
// it. The numbers are the design's promises (src/styles/tokens.css).
import type { Page } from '@playwright/test';
import { contrastsWithBehind } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';
import { watchMotion } from './motion.ts';
import { CONTENT_SLUGS, topicPath } from '../site-pages.ts';

/**
 * Paragraphs of running text (direct children of the article, not in a box or a figure):
 * the gap to the next block, and the characters on each of their lines but the last, read
 * from where the browser laid out each visible character.
 */
const measureParagraphs = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('article.prose > p')].map((p) => {
      const next = p.nextElementSibling;
      const gap = next ? next.getBoundingClientRect().top - p.getBoundingClientRect().bottom : 0;
      const lines = new Map<number, number>();
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('.sr-only, .cite')) continue;
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getBoundingClientRect();
          if (!rect.height) continue;
          const line = Math.round(rect.bottom / 8);
          lines.set(line, (lines.get(line) ?? 0) + 1);
        }
      }
      const counts = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, n]) => n);
      return {
        text: (p.textContent ?? '').replace(/\s+/g, ' ').trim(),
        fullLines: counts.slice(0, -1),
        fontSize: parseFloat(getComputedStyle(p).fontSize),
        gap,
        nextIsParagraph: next?.localName === 'p',
      };
    }),
  );

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

test('text at 1280 px: paragraphs stand apart, and lines run to 55–78 characters', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const perLine: number[] = [];
  for (const slug of ['architecture', 'io-drivers', 'advantages']) {
    await page.goto(`/en/${slug}/`);
    const paragraphs = await measureParagraphs(page);
    for (const p of paragraphs.filter((p) => p.nextIsParagraph))
      expect(p.gap, `gap after “${p.text.slice(0, 40)}…”`).toBeGreaterThanOrEqual(0.6 * p.fontSize);
    perLine.push(...paragraphs.flatMap((p) => p.fullLines));
  }
  expect(perLine.length).toBeGreaterThan(20);
  const typical = median(perLine);
  expect(typical).toBeGreaterThanOrEqual(55);
  expect(typical).toBeLessThanOrEqual(78);
});

test('phones: the header is one row of at most 64 px, and its menu marks the current page', async ({
  page,
}) => {
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 700 });
    await page.goto('/de/io-drivers/');
    const header = page.locator('.site-header');
    expect((await header.boundingBox())?.height).toBeLessThanOrEqual(64);
    // Nothing in it wraps: every control sits on the header's one row.
    const tops = await header
      .locator('.site-name, .search-trigger, .menu-button')
      .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().bottom)));
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(8);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
    // The page list is closed, then opens from the menu with the current page marked.
    const nav = page.getByRole('navigation', { name: 'Seiten' });
    await expect(nav).toBeHidden();
    await page.getByRole('button', { name: 'Menü' }).click();
    const current = nav.locator('a[aria-current="page"]');
    await expect(current).toBeVisible();
    await expect(current).toHaveText('I/O und Treiber');
    // The language switch and the theme menu come with it.
    await expect(page.getByRole('link', { name: 'English' })).toBeVisible();
    await expect(page.getByLabel('Farbschema')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
  }
});

test('wide screens: the page list stands at the inline start with the current page marked apart from the others; the contents list stays in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const slug of CONTENT_SLUGS.slice(0, 3)) {
    await page.goto(topicPath('en', slug));
    const nav = page.getByRole('navigation', { name: 'Pages' });
    await expect(nav).toBeVisible();
    const current = nav.locator('a[aria-current="page"]');
    await expect(current).toHaveCount(1);
    const look = (el: Element) => {
      const s = getComputedStyle(el);
      return `${s.backgroundColor} ${s.fontWeight} ${s.color}`;
    };
    const other = nav.locator('a:not([aria-current])').first();
    expect(await current.evaluate(look)).not.toBe(await other.evaluate(look));
  }
  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  await page.mouse.wheel(0, 2000);
  await expect(toc).toBeInViewport();
  const main = await page.locator('main').boundingBox();
  const box = await toc.boundingBox();
  expect(box && main && box.x >= main.x + main.width).toBe(true);
});

/** Each figure and the page that teaches it. */
const figures = [
  ['layer-stack', '/en/architecture/'],
  ['io-path', '/en/io-drivers/'],
  ['device-sharing', '/en/io-drivers/'],
  ['architecture-fit', '/en/comparison/'],
] as const;

test('each figure’s controls and drawing fit one laptop screen (600 px at 1280×800)', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const [id, path] of figures) {
    await page.goto(path);
    const figure = page.locator(`#figure-${id}[data-enhanced]`);
    await expect(figure).toBeVisible();
    const height = await figure.evaluate((fig) => {
      const top = fig.querySelector('.diagram-controls')?.getBoundingClientRect().top ?? 0;
      const bottom = Math.max(
        ...[...fig.querySelectorAll('.diagram-body svg')]
          .filter((svg) => svg.getBoundingClientRect().height > 0)
          .map((svg) => svg.getBoundingClientRect().bottom),
      );
      return bottom - top;
    });
    expect(height, id).toBeLessThanOrEqual(600);
  }
});

test('motion: a figure’s change of view animates, and with reduced motion nothing moves', async ({
  page,
}) => {
  for (const reduce of [false, true]) {
    await page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
    for (const [id] of figures) {
      await page.goto(`/en/embed/${id}/`);
      const figure = page.locator('figure[data-enhanced]');
      await expect(figure).toBeVisible();
      // The first control of the toolbar that is not chosen yet: a change of view.
      // A change of what the figure shows: another view, the next step, more VMs (the
      // slider's middle), a first answer.
      const control = figure
        .locator('.diagram-controls')
        .locator(
          {
            'layer-stack': '[role="radio"][aria-checked="false"]',
            'io-path': '[data-do="next"]',
            'device-sharing': 'input[type="range"]',
            'architecture-fit': '[role="radio"][aria-checked="false"]',
          }[id],
        )
        .first();
      const motion = watchMotion(page);
      await control.click();
      const durations = await motion;
      if (reduce)
        expect(
          durations.filter((d) => d > 0),
          id,
        ).toEqual([]);
      else
        expect(
          durations.some((d) => d > 0),
          id,
        ).toBe(true);
    }
  }
});

test('audit findings in the frame: heading link and copy icons at 3:1 in both schemes; the theme menu labelled in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/en/architecture/');
    const icons = page.locator('.heading-anchor, .heading copy-link button');
    const opacities = await icons.evaluateAll((all) =>
      all.slice(0, 4).map((el) => getComputedStyle(el).opacity),
    );
    const contrasts = (await contrastsWithBehind(icons, 'color')).slice(0, 4);
    expect(contrasts.length).toBe(4);
    for (const [i, c] of contrasts.entries()) {
      expect(opacities[i]).toBe('1');
      expect(c, colorScheme).toBeGreaterThanOrEqual(3);
    }
  }
  await page.emulateMedia({ colorScheme: null });
  await expect(page.locator('.theme-label')).toBeVisible();
  await expect(page.getByLabel('Theme')).toBeVisible();
});

test('audit findings in the figures: a light site theme under a dark forced palette draws every part in system colours', async ({
  page,
}) => {
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  await page.goto('/en/embed/layer-stack/');
  await page.evaluate(() => {
    localStorage['theme'] = 'light';
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const found = await page.evaluate(() => {
    const probe = document.createElement('div');
    probe.style.cssText = 'color: Canvas; background: CanvasText';
    document.body.append(probe);
    const canvas = getComputedStyle(probe).color;
    const text = getComputedStyle(probe).backgroundColor;
    probe.remove();
    const fills = (selector: string) =>
      [...document.querySelectorAll<SVGElement>(selector)]
        .filter((el) => el.getBoundingClientRect().width > 0)
        .map((el) => getComputedStyle(el).fill);
    return { canvas, text, rects: fills('.diagram-body rect'), texts: fills('.diagram-body text') };
  });
  expect(found.rects.length).toBeGreaterThan(5);
  expect(new Set(found.rects)).toEqual(new Set([found.canvas]));
  expect(new Set(found.texts)).toEqual(new Set([found.text]));
  await page.emulateMedia({ forcedColors: null, colorScheme: null });
});

test('forced colours: the current page stays marked in the page list', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto('/en/architecture/');
  const rule = (el: Element) => getComputedStyle(el).borderInlineStartWidth;
  const nav = page.getByRole('navigation', { name: 'Pages' });
  expect(await nav.locator('a[aria-current="page"]').evaluate(rule)).toBe('3px');
  expect(await nav.locator('a:not([aria-current])').first().evaluate(rule)).toBe('0px');
  await page.emulateMedia({ forcedColors: null });
});
