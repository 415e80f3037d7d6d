// Weight per page as served: a first visit in a fresh browser profile, the bytes of every
// response by type; then, where the header has a search control, the bytes that opening
// search and running one query adds.
import { byKind, launch, recordFetches, type KindSums } from './browser.ts';
import { gzipSize, kb, say, table } from './lib.ts';
import type { Served } from './serve.ts';

const QUERY = { de: 'Hypervisor', en: 'hypervisor' };

interface WeightRow extends KindSums {
  path: string;
  /** gzip size of the scripts inside the HTML. */
  jsInline: number;
  /** What opening search and typing one query adds. */
  search?: KindSums;
}

export interface Weight {
  pages: WeightRow[];
  searchNote: string;
}

export async function measureWeight(server: Pick<Served, 'url'>, paths: string[]): Promise<Weight> {
  const browser = await launch();
  const rows: WeightRow[] = [];
  let searchNote = '';
  try {
    for (const path of paths) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const log = recordFetches(page);
      await page.goto(server.url(path), { waitUntil: 'load' });
      await log.settle();
      const visit = byKind(log.fetched);
      // Scripts inside the HTML travel with it (already counted in `html`); shown apart so
      // the JS a page runs is visible even when the bundler inlined it.
      const inline = await page.$$eval('script:not([src])', (scripts: HTMLScriptElement[]) =>
        scripts
          .filter((s) => !s.type || s.type === 'module' || s.type === 'text/javascript')
          .map((s) => s.textContent ?? ''),
      );
      const row: WeightRow = {
        path,
        ...visit,
        jsInline: inline.length ? gzipSize(inline.join('\n')) : 0,
      };

      const trigger = page.locator('[data-search-trigger]').first();
      if ((await trigger.count()) && (await trigger.isVisible())) {
        const before = log.fetched.length;
        await trigger.click();
        await log.settle(300, 5_000);
        const input = page
          .locator(
            'dialog[open] input:visible, [role="dialog"] input:visible, input[type="search"]:visible',
          )
          .first();
        if (await input.count()) {
          await input.click();
          const lang = path.startsWith('/de/') ? 'de' : 'en';
          await page.keyboard.type(QUERY[lang], { delay: 30 });
          await log.settle(800, 15_000);
          row.search = byKind(log.fetched.slice(before));
        } else {
          searchNote = 'search control found, but no search field appeared after clicking it';
        }
      } else {
        searchNote = 'no [data-search-trigger] on the pages: weight with search not measured';
      }
      rows.push(row);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return { pages: rows, searchNote };
}

export function printWeight({ pages, searchNote }: Weight): void {
  const withSearch = pages.some((p) => p.search);
  const head = [
    'page',
    'HTML',
    'CSS',
    'HTML+CSS',
    'JS',
    'JS inline',
    'fonts',
    'images',
    'other',
    'first visit',
    'requests',
  ];
  if (withSearch) head.push('search adds', 'visit + search');
  table(
    'Weight per page, KB as served (gzip); first visit with an empty cache. "JS inline" is the gzip size of the scripts inside the HTML (already part of HTML).',
    head,
    pages.map((p) => {
      const row: (string | number)[] = [
        p.path,
        kb(p.html),
        kb(p.css),
        kb(p.html + p.css),
        kb(p.js),
        kb(p.jsInline),
        kb(p.font),
        kb(p.img),
        kb(p.other),
        kb(p.total),
        p.requests,
      ];
      if (withSearch) row.push(kb(p.search?.total), kb(p.search && p.total + p.search.total));
      return row;
    }),
  );
  if (withSearch) {
    const s = pages.find((p) => p.search)?.search;
    if (s) {
      say(
        `Opening search and typing one query (on ${pages.find((p) => p.search)?.path}): JS ${kb(s.js)} KB, CSS ${kb(s.css)} KB, index/WASM/other ${kb(s.other + s.img + s.font + s.html)} KB, ${s.requests} requests.\n`,
      );
    }
  }
  if (searchNote) say(`Note: ${searchNote}.\n`);
}
