// Reflow (WCAG 1.4.10): at 320 CSS px wide, and at 320 × 256 (a 1,280 × 1,024 screen at
// 400 % zoom), no page scrolls sideways and nothing reaches outside its container, with
// every <details> open, on the search page with results and with the longest query, in
// both languages. Text spacing (WCAG 1.4.12) is checked the same way in a11y-audit.spec.ts.
import { auditPaths, openAllDetails, openSettled, overflows } from './audit-helpers.ts';
import { expect, test } from './fixtures.ts';

const viewports = [
  { width: 320, height: 640 },
  { width: 320, height: 256 },
];

for (const viewport of viewports)
  for (const lang of ['de', 'en'] as const)
    test.describe(`${viewport.width} × ${viewport.height}`, () => {
      test.use({ viewport });
      test(`${lang}: no page scrolls sideways or pushes anything out of its box`, async ({
        page,
      }) => {
        test.setTimeout(90_000);
        const found: string[] = [];
        for (const path of auditPaths(lang)) {
          await openSettled(page, path);
          await openAllDetails(page);
          found.push(...(await overflows(page)).map((problem) => `${path}: ${problem}`));
        }
        expect(found).toEqual([]);
      });
    });
