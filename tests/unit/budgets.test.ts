// Byte budgets (tests/budgets.ts) checked over the built site in dist/: run after the build.
//
// Why over dist and not by recording requests in a browser: the bytes are fixed by the build
// output, so reading it gives the exact figures without a server or timing; it sees the
// scripts Astro inlines into the HTML (the theme switch is inline today), which a request log
// would miss; and it follows every static import, which is what a browser fetches before a
// module runs. Scripts fetched later on purpose (search, loaded when a reader opens it)
// are dynamic imports and stay out, as they should. `npm run bench` measures what Chromium
// actually fetches, with and without search opened.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { budgets, htmlCssBudgetExempt, scriptBudgetExempt } from '../budgets.ts';
import { topicPages } from '../site-pages.ts';
import { dist, fileSize, htmlFiles, inlineSize, readPage, type BuiltPage } from './built-site.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Prints measured figures as a small table under the test output. */
function print(title: string, head: string[], rows: (string | number)[][]) {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
  console.log(`\n${title}\n${cells.map(line).join('\n')}\n`);
}

/** One unit of script a page runs on open: a file, or the page's inline scripts. */
interface ScriptUnit {
  key: string;
  bytes: number;
}
const scriptUnits = (page: BuiltPage): ScriptUnit[] => [
  ...page.scripts.map((file) => ({ key: file, bytes: fileSize(file) })),
  ...(page.inlineScripts.length
    ? [{ key: `inline:${page.inlineScripts.join('\n')}`, bytes: inlineSize(page) }]
    : []),
];

let pages: BuiltPage[] = [];
let contentPaths = new Set<string>();

before(async () => {
  assert.ok(
    existsSync(join(dist, 'index.html')),
    'dist/index.html is missing: build the site first (npm run build)',
  );
  // Paths of dist's files, as htmlFiles() gives them (relative to the folder, not the base).
  contentPaths = new Set(topicPages().map((p) => p.path));
  pages = await Promise.all(htmlFiles().map(({ path, file }) => readPage(path, file)));
});

describe('byte budgets of the built site (gzip)', () => {
  test(`every content page's HTML + CSS fits in ${kb(budgets.htmlCss)} (first round trip)`, () => {
    const content = pages.filter((p) => contentPaths.has(p.path));
    assert.ok(content.length > 0, 'no topic page found in dist');
    // The stylesheets every content page links: what a page without its figures loads. A
    // figure's own styles count against its allowance, with its markup.
    const shared = content
      .map((p) => p.styles)
      .reduce((common, styles) => common.filter((file) => styles.includes(file)));
    assert.ok(shared.length > 0, 'no stylesheet is linked by every content page');
    const rows = content.map((p) => {
      const css = sum(p.styles.map(fileSize));
      const budget = budgets.htmlCss + p.diagrams.length * budgets.perDiagram;
      const exempt = htmlCssBudgetExempt.some((re) => re.test(p.path));
      const text = p.htmlWithoutFigures + sum(shared.map(fileSize));
      return { path: p.path, html: p.html, css, total: p.html + css, text, budget, exempt };
    });
    print(
      `HTML + CSS per content page, gzip (budget ${kb(budgets.htmlCss)} + ${kb(budgets.perDiagram)} per diagram)`,
      ['page', 'HTML', 'CSS', 'HTML+CSS', 'without figures', 'budget'],
      rows.map((r) => [
        r.path,
        kb(r.html),
        kb(r.css),
        kb(r.total),
        kb(r.text),
        r.exempt ? 'exempt' : kb(r.budget),
      ]),
    );
    const over = rows
      .filter((r) => !r.exempt && (r.total > r.budget || r.text > budgets.htmlCss))
      .map((r) => `${r.path}: ${kb(r.total)} (${kb(r.text)} without figures)`);
    assert.deepEqual(over, [], `over the HTML+CSS budget of ${kb(budgets.htmlCss)}`);
  });

  test(`a page without diagrams runs at most ${kb(budgets.scriptWithoutDiagrams)} of script on open`, () => {
    const plain = pages.filter(
      (p) => p.diagrams.length === 0 && !scriptBudgetExempt.some((re) => re.test(p.path)),
    );
    assert.ok(plain.length > 0, 'no page without diagrams found in dist');
    const rows = plain.map((p) => {
      const units = scriptUnits(p);
      return {
        path: p.path,
        inline: inlineSize(p),
        files: p.scripts.length,
        total: sum(units.map((u) => u.bytes)),
      };
    });
    print(
      `Script on open, pages without diagrams, gzip (budget ${kb(budgets.scriptWithoutDiagrams)})`,
      ['page', 'inline', 'files', 'total'],
      rows.map((r) => [r.path, kb(r.inline), r.files, kb(r.total)]),
    );
    const over = rows
      .filter((r) => r.total > budgets.scriptWithoutDiagrams)
      .map((r) => `${r.path}: ${kb(r.total)}`);
    assert.deepEqual(over, [], `over the script budget of ${kb(budgets.scriptWithoutDiagrams)}`);
  });

  test(`each diagram's script is at most ${kb(budgets.scriptPerDiagram)}`, () => {
    // The script every page without diagrams has (theme, search button) is not the diagram's.
    const shared = new Set(
      pages
        .filter((p) => p.diagrams.length === 0 && !scriptBudgetExempt.some((re) => re.test(p.path)))
        .flatMap((p) => scriptUnits(p).map((u) => u.key)),
    );
    const ids = [...new Set(pages.flatMap((p) => p.diagrams))].sort();
    if (ids.length === 0) {
      console.log('\nNo figure[data-diagram] in the build: no diagram script to measure.\n');
      return;
    }
    const rows = ids.map((id) => {
      // The page that shows the fewest diagrams besides this one (its embed page shows it
      // alone): its script beyond the shared part is this diagram's.
      const page = pages
        .filter((p) => p.diagrams.includes(id))
        .sort((a, b) => new Set(a.diagrams).size - new Set(b.diagrams).size)[0];
      const count = new Set(page?.diagrams).size;
      const own = page ? scriptUnits(page).filter((u) => !shared.has(u.key)) : [];
      const bytes = sum(own.map((u) => u.bytes));
      return {
        id,
        page: page?.path ?? '',
        count,
        files: own.length,
        bytes,
        budget: count * budgets.scriptPerDiagram,
      };
    });
    print(
      `Script per diagram, gzip (budget ${kb(budgets.scriptPerDiagram)} each)`,
      ['diagram', 'measured on', 'diagrams there', 'files', 'script'],
      rows.map((r) => [r.id, r.page, r.count, r.files, kb(r.bytes)]),
    );
    const over = rows
      .filter((r) => r.bytes > r.budget)
      .map((r) => `${r.id} (on ${r.page}, ${r.count} diagram(s)): ${kb(r.bytes)}`);
    assert.deepEqual(over, [], `over the diagram script budget of ${kb(budgets.scriptPerDiagram)}`);
  });

  test(`each font file is at most ${kb(budgets.fontFile)}, and the site has at most two`, () => {
    const fonts = readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.woff2'));
    const rows = fonts.map((f) => ({ f, bytes: statSync(join(dist, '_astro', f)).size }));
    print(
      'Font files (woff2)',
      ['file', 'bytes'],
      rows.map((r) => [r.f, kb(r.bytes)]),
    );
    assert.ok(fonts.length > 0 && fonts.length <= 2, `${fonts.length} font files`);
    assert.deepEqual(
      rows.filter((r) => r.bytes > budgets.fontFile).map((r) => r.f),
      [],
      'font files over budget',
    );
  });
});
