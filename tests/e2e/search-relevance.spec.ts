// The query table as a reader meets it: every query in tests/search-queries.json (the
// site's words, readers' synonyms, later parts of compounds, inflections, typos, several
// words, English words on the German site) lists its page and section among the first three
// results, with Pagefind and with the fallback engine. One page load per language and engine.
import { expect, test } from './fixtures.ts';
import { modal, modalInput, QUERIES, rankOf, resultLinks, target } from './search-helpers.ts';

for (const engine of ['pagefind', 'fallback'] as const) {
  for (const lang of ['de', 'en'] as const) {
    test(`${lang}, ${engine}: every query of the table finds its page and section in the top three`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      if (engine === 'fallback') {
        await page.addInitScript(() => {
          delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
        });
      }
      await page.goto(`/${lang}/`);
      await page.locator('[data-search-trigger]').click();
      // The first open loads the engine: give a busy machine time.
      await expect(modalInput(page)).toBeFocused({ timeout: 15_000 });
      const status = modal(page).getByRole('status');
      const misses: string[] = [];
      for (const query of QUERIES[lang]) {
        await modalInput(page).fill(query.q);
        await expect(status).toContainText(query.q, { timeout: 15_000 });
        const rank = rankOf(await resultLinks(modal(page)), lang, query);
        if (rank < 1 || rank > 3)
          misses.push(`"${query.q}" → ${target(lang, query).link} (${rank || "-"}: ${JSON.stringify(await resultLinks(modal(page)))})`);
      }
      await expect(page.locator('site-search')).toHaveAttribute('data-engine', engine);
      expect(misses, 'queries whose page and section are not in the top three').toEqual([]);
    });
  }
}
