// What the audit checks (reflow, text spacing, forced colours, print) share: measurements
// of what a reader sees, taken inside the page.
import type { Locator, Page } from '@playwright/test';

/** Opens a page and waits until what a reader sees has settled (search results included). */
export async function openSettled(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const query = new URL(path, 'http://x').searchParams.get('q');
  // The status line names the query once its results (or the no-result help) are shown.
  if (query)
    await page
      .getByRole('status')
      .filter({ hasText: query.slice(0, 40) })
      .waitFor();
  await page.evaluate(() => document.fonts.ready);
}

/** Opens every <details> of the page, as a reader who wants to read it all. */
export const openAllDetails = (page: Page): Promise<void> =>
  page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });

/** WCAG 1.4.12 text spacing, as the bookmarklets auditors use inject it. */
export const TEXT_SPACING = `*, *::before, *::after {
  line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }`;

/**
 * Turns WCAG 1.4.12 text spacing on or off, as a reader's own style sheet does (constructed,
 * so the page's Content Security Policy lets it apply).
 */
export const textSpacing = (page: Page, on: boolean): Promise<void> =>
  page.evaluate(
    ([css, on]) => {
      const w = window as unknown as { spacingSheet?: CSSStyleSheet };
      if (!w.spacingSheet) {
        w.spacingSheet = new CSSStyleSheet();
        w.spacingSheet.replaceSync(css);
      }
      const sheet = w.spacingSheet;
      const others = document.adoptedStyleSheets.filter((s) => s !== sheet);
      document.adoptedStyleSheets = on ? [...others, sheet] : others;
    },
    [TEXT_SPACING, on] as const,
  );

/**
 * Follows a link to a fragment of the page that is open (as a reader clicks one): sets the
 * address's fragment and waits for the change and two frames, so the figure has followed.
 */
export const goToFragment = (page: Page, fragment: string): Promise<unknown> =>
  page.evaluate(
    (hash) =>
      new Promise((done) => {
        const settle = () => requestAnimationFrame(() => requestAnimationFrame(done));
        if (location.hash === `#${hash}`) {
          settle();
          return;
        }
        addEventListener('hashchange', settle, { once: true });
        location.hash = hash;
      }),
    fragment,
  );

/** Resizes the window as a reader zooms or turns a phone, and waits for two frames. */
export async function resize(page: Page, viewport: { width: number; height: number }) {
  await page.setViewportSize(viewport);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/**
 * Adds a stylesheet as a reader's own styles do: constructed, so the page's Content Security
 * Policy (no inline styles) lets it apply, as it lets a browser extension's.
 */
export const addSheet = (page: Page, css: string): Promise<void> =>
  page.evaluate((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }, css);

/**
 * Everything that breaks reflow: the page scrolling sideways, and each visible element that
 * reaches outside its container (its nearest block ancestor that does not scroll), or
 * whose content is wider than itself. Described as `tag.class "text"` for the report.
 */
export const overflows = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    const name = (el: Element) =>
      `${el.localName}${el.classList.length ? `.${[...el.classList].join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    if (root.scrollWidth > root.clientWidth)
      out.push(`page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
    // Visually hidden text (the .sr-only pattern, also where a media query applies it, as
    // the header's search label on a phone) overflows its 1 px box on purpose.
    const hidden = (el: Element | null): boolean =>
      !!el && (getComputedStyle(el).clipPath === 'inset(50%)' || hidden(el.parentElement));
    const skip = (el: Element) =>
      !!el.closest('.sr-only, [hidden], template, [popover], svg *, .table-scroll *, pre *') ||
      hidden(el);
    for (const el of document.body.querySelectorAll('*')) {
      const style = getComputedStyle(el);
      if (['none', 'inline', 'contents'].includes(style.display) || skip(el)) continue;
      if (['absolute', 'fixed'].includes(style.position)) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // 8 px of slack: a citation mark's padded target may reach into the page's gutter.
      if (style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 8 && el.clientWidth)
        out.push(`${name(el)}: content ${el.scrollWidth} px in ${el.clientWidth} px`);
      let container = el.parentElement;
      while (container && getComputedStyle(container).display === 'inline')
        container = container.parentElement;
      if (!container || getComputedStyle(container).overflowX !== 'visible') continue;
      const outer = container.getBoundingClientRect();
      if (box.left < outer.left - 3 || box.right > outer.right + 3)
        out.push(`${name(el)}: ${Math.round(box.width)} px outside ${name(container)}`);
    }
    return out;
  });

/** Text that a reader cannot read whole: text cut off by a box that hides its overflow. */
export const clippedText = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    // Visually hidden text is clipped on purpose.
    const hidden = (el: Element | null): boolean =>
      !!el && (getComputedStyle(el).clipPath === 'inset(50%)' || hidden(el.parentElement));
    const shown = (el: Element) =>
      !el.closest('.sr-only, [hidden], template, [popover]') &&
      !hidden(el) &&
      el.getClientRects().length > 0 &&
      getComputedStyle(el).visibility !== 'hidden';
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('svg') || !shown(el)) continue;
      const style = getComputedStyle(el);
      const clipsX = ['hidden', 'clip'].includes(style.overflowX);
      const clipsY = ['hidden', 'clip'].includes(style.overflowY);
      if (!clipsX && !clipsY) continue;
      if (!(el.textContent ?? '').trim()) continue;
      if (
        (clipsX && el.scrollWidth > el.clientWidth + 1) ||
        (clipsY && el.scrollHeight > el.clientHeight + 1)
      )
        out.push(`${el.localName}.${el.className}: text cut off`);
    }
    return out;
  });

/**
 * Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12), in the views a reader zooms through:
 * - 320 × 640: nothing scrolls sideways or reaches outside its container;
 * - 320 × 640 with wider text spacing: the same, and no text is cut off;
 * - 320 × 256 (a 1,280 × 1,024 screen at 400 %): nothing scrolls sideways or reaches out;
 * - 1280 × 800 with wider text spacing: no text is cut off or pushed out of its box.
 */
const REFLOW_VIEWS = [
  { name: '320 × 640', viewport: { width: 320, height: 640 }, spacing: false },
  { name: '320 × 640 with text spacing', viewport: { width: 320, height: 640 }, spacing: true },
  { name: '320 × 256', viewport: { width: 320, height: 256 }, spacing: false },
  { name: '1280 × 800 with text spacing', viewport: { width: 1280, height: 800 }, spacing: true },
];

/**
 * What breaks reflow or text spacing on the open page, one `view: problem` line each: every
 * <details> is opened (a reader who wants to read it all), the window is resized through
 * REFLOW_VIEWS, then set back to its size before, with the page's own spacing.
 */
export async function reflowProblems(page: Page): Promise<string[]> {
  const before = page.viewportSize();
  await page.evaluate(() => document.fonts.ready);
  await openAllDetails(page);
  const found: string[] = [];
  for (const view of REFLOW_VIEWS) {
    await resize(page, view.viewport);
    await textSpacing(page, view.spacing);
    const problems = [...(view.spacing ? await clippedText(page) : []), ...(await overflows(page))];
    found.push(...problems.map((problem) => `${view.name}: ${problem}`));
  }
  await textSpacing(page, false);
  if (before) await resize(page, before);
  return found;
}

/**
 * Diagram labels a reader cannot read whole: an SVG label reaching out of the picture, out
 * of the shape drawn around it (the smallest <rect> around its centre) or into another
 * label or a step badge.
 */
export const labelCollisions = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => el.getClientRects().length > 0;
    const inside = (a: DOMRect, b: DOMRect) =>
      a.left >= b.left - 0.5 &&
      a.right <= b.right + 0.5 &&
      a.top >= b.top - 0.5 &&
      a.bottom <= b.bottom + 0.5;
    const meet = (a: DOMRect, b: DOMRect) =>
      a.left < b.right - 0.5 &&
      b.left < a.right - 0.5 &&
      a.top < b.bottom - 0.5 &&
      b.top < a.bottom - 0.5;
    for (const svg of document.querySelectorAll('figure svg')) {
      if (!shown(svg)) continue;
      const labels = [...svg.querySelectorAll('text')].filter(
        (t) => shown(t) && (t.textContent ?? '').trim(),
      );
      const shapes = [...svg.querySelectorAll('rect')]
        .filter(shown)
        .map((r) => r.getBoundingClientRect());
      const frame = svg.getBoundingClientRect();
      for (const [i, label] of labels.entries()) {
        const box = label.getBoundingClientRect();
        const what = `${svg.closest('figure')?.id}: "${label.textContent?.trim()}"`;
        if (!inside(box, frame)) out.push(`${what} leaves the picture`);
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const shape = shapes
          .filter((r) => r.left <= x && x <= r.right && r.top <= y && y <= r.bottom)
          .sort((a, b) => a.width * a.height - b.width * b.height)[0];
        if (shape && !inside(box, shape)) out.push(`${what} leaves its box`);
        for (const other of [...labels.slice(i + 1), ...svg.querySelectorAll('.badge')])
          if (
            !other.contains(label) &&
            !label.closest('.badge')?.contains(other) &&
            shown(other) &&
            meet(box, other.getBoundingClientRect())
          )
            out.push(`${what} touches "${other.textContent?.trim()}"`);
      }
    }
    return out;
  });

/**
 * The contrast of a colour of each element (its border, or its icon's `color`) with the
 * colours on either side of it, the element's own background and the one behind it,
 * whichever is lower (WCAG 1.4.11: 3:1 for a control or a part of one).
 */
export const contrastsWithBehind = (
  elements: Locator,
  property: 'borderTopColor' | 'color',
): Promise<number[]> =>
  elements.evaluateAll((all, property) => {
    const rgb = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (colour: string) => {
      const [r = 0, g = 0, b = 0] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    /** The first background that is not transparent, from `el` outwards. */
    const behind = (el: Element | null): string => {
      for (; el; el = el.parentElement) {
        const colour = getComputedStyle(el).backgroundColor;
        if (rgb(colour)[3] !== 0) return colour;
      }
      return 'rgb(255, 255, 255)';
    };
    const ratio = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)];
      return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
    };
    return all.map((el) => {
      const colour = getComputedStyle(el)[property];
      return Math.min(ratio(colour, behind(el)), ratio(colour, behind(el.parentElement)));
    });
  }, property);
