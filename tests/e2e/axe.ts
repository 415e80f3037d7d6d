// axe-core with the WCAG 2.0–2.2 A and AA rules, run inside the page under test. The engine
// is the one @axe-core/playwright ships; it is injected once per document, so one page load
// can be checked in several states (diagram views, light and dark) without reloading.
// Pages with frames go through AxeBuilder, which injects axe into every frame.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createRequire } from 'node:module';

const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const builderPath = createRequire(import.meta.url).resolve('@axe-core/playwright');
const { source } = createRequire(builderPath)('axe-core') as { source: string };

interface Violation {
  id: string;
  nodes: { target: readonly unknown[] }[];
}
interface Axe {
  run: (
    context: { include: string[] } | Document,
    options: { runOnly: { type: 'tag'; values: string[] }; resultTypes: ['violations'] },
  ) => Promise<{ violations: Violation[] }>;
}

const lines = (violations: Violation[]) =>
  violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** What axe finds on the page as it is now (or inside `include`), one `rule: targets` line each. */
export async function axe(page: Page, include?: string): Promise<string[]> {
  if (page.frames().length > 1) {
    const builder = new AxeBuilder({ page })
      .withTags(tags)
      .options({ resultTypes: ['violations'] });
    return lines((await (include ? builder.include(include) : builder).analyze()).violations);
  }
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source);
  const violations = await page.evaluate(
    ({ include, tags }) =>
      (window as unknown as { axe: Axe }).axe
        .run(include ? { include: [include] } : document, {
          runOnly: { type: 'tag', values: tags },
          // Only violations are read: axe then skips the details of every passing node.
          resultTypes: ['violations'],
        })
        .then((result) =>
          result.violations.map(({ id, nodes }) => ({
            id,
            nodes: nodes.map(({ target }) => ({ target })),
          })),
        ),
    { include, tags },
  );
  return lines(violations);
}
