// axe-core with the WCAG 2.0–2.2 A and AA rules, run inside the page under test. The engine
// is the one @axe-core/playwright ships; it is injected once per document, so one page load
// can be checked in several states (diagram views, light and dark) without reloading.
// Pages with frames go through AxeBuilder, which injects axe into every frame.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * The rules whose findings depend on colour. The two schemes differ in colour only (every
 * colour is a light-dark() pair in src/styles/tokens.css; nothing else is set per scheme),
 * so after a full run in one scheme these are all a second scheme can change.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
// The minified build of the axe-core that @axe-core/playwright ships: the same engine, in
// less than half the bytes for the page to parse each time it is injected.
const builderPath = createRequire(import.meta.url).resolve('@axe-core/playwright');
const source = readFileSync(createRequire(builderPath).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  nodes: { target: readonly unknown[] }[];
}
type RunOnly = { type: 'tag' | 'rule'; values: string[] };
interface Axe {
  run: (
    context: { include: string[] } | Document,
    options: { runOnly: RunOnly; resultTypes: ['violations'] },
  ) => Promise<{ violations: Violation[] }>;
}

const lines = (violations: Violation[]) =>
  violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/**
 * What axe finds on the page as it is now (or inside `include`), one `rule: targets` line
 * each: with every WCAG A/AA rule, or (`'colour'`) with the colour rules only, for the
 * second scheme of a page already checked in the first.
 */
export async function axe(
  page: Page,
  include?: string,
  rules: 'all' | 'colour' = 'all',
): Promise<string[]> {
  const runOnly: RunOnly =
    rules === 'all' ? { type: 'tag', values: tags } : { type: 'rule', values: COLOUR_RULES };
  if (page.frames().length > 1) {
    const builder = new AxeBuilder({ page, axeSource: source }).options({
      runOnly,
      resultTypes: ['violations'],
    });
    return lines((await (include ? builder.include(include) : builder).analyze()).violations);
  }
  // A whole page is checked as it opens, scrolled to the top: scrolled, part of it sits under
  // the header that stays in view, and axe counts a control there as too small a target.
  if (!include) await page.evaluate(() => scrollTo(0, 0));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations = await page.evaluate(
    ({ include, runOnly }) =>
      (window as unknown as { axe: Axe }).axe
        .run(include ? { include: [include] } : document, {
          runOnly,
          // Only violations are read: axe then skips the details of every passing node.
          resultTypes: ['violations'],
        })
        .then((result) =>
          result.violations.map(({ id, nodes }) => ({
            id,
            nodes: nodes.map(({ target }) => ({ target })),
          })),
        ),
    { include, runOnly },
  );
  return lines(violations);
}

/** Axe in light mode with every rule, then in dark mode with the colour rules. */
export async function axeBothSchemes(page: Page, include?: string): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const rules = colorScheme === 'light' ? 'all' : 'colour';
    found.push(...(await axe(page, include, rules)).map((line) => `${colorScheme} mode: ${line}`));
  }
  await page.emulateMedia({ colorScheme: null });
  return found;
}
