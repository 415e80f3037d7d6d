// Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on every page of both languages:
// topic pages, the search page with results and with the longest query, the embeds and the
// not-found page, each with every <details> open. One load per page, then the window is
// resized as a reader zooms, and checked in four views:
// - 320 × 640: nothing scrolls sideways or reaches outside its container;
// - 320 × 640 with wider text spacing: the same, and no text is cut off;
// - 320 × 256 (a 1,280 × 1,024 screen at 400 %): nothing scrolls sideways or reaches out;
// - 1280 × 800 with wider text spacing: no text is cut off or pushed out of its box.
import {
  auditPaths,
  clippedText,
  openAllDetails,
  openSettled,
  overflows,
  resize,
  textSpacing,
} from './audit-helpers.ts';
import { expect, inRuns, test } from './fixtures.ts';

const views = [
  { name: '320 × 640', viewport: { width: 320, height: 640 }, spacing: false },
  { name: '320 × 640 with text spacing', viewport: { width: 320, height: 640 }, spacing: true },
  { name: '320 × 256', viewport: { width: 320, height: 256 }, spacing: false },
  { name: '1280 × 800 with text spacing', viewport: { width: 1280, height: 800 }, spacing: true },
];

for (const lang of ['de', 'en'] as const) {
  const paths = auditPaths(lang);
  // Each language in two halves, each one test on one browser page.
  for (const { label, run: group } of inRuns(paths, Math.ceil(paths.length / 2)))
    test(`${lang}, ${label}: at 320 px and 400 % zoom nothing scrolls sideways or leaves its box; with wider text spacing no text is cut off`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const found: string[] = [];
      for (const path of group) {
        await page.setViewportSize({ width: 320, height: 640 });
        await openSettled(page, path);
        await openAllDetails(page);
        for (const view of views) {
          await resize(page, view.viewport);
          await textSpacing(page, view.spacing);
          const problems = [
            ...(view.spacing ? await clippedText(page) : []),
            ...(await overflows(page)),
          ];
          found.push(...problems.map((problem) => `${path}, ${view.name}: ${problem}`));
        }
      }
      expect(found).toEqual([]);
    });
}
