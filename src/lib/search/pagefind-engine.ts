// Pagefind behind the search dialog, through its documented JS API only: `options()`
// (baseUrl, highlightParam, excerptLength, ranking) and `search()` with each result's
// `data()`. The ranking options are set here; the weights of what is indexed are set by the
// build (data-pagefind-weight, see src/integrations/search-index.ts).
import {
  defines,
  excerptPieces,
  glossarySecond,
  glossaryUp,
  MAX_PAGES,
  queryWords,
  startsAny,
  type Hit,
  type SearchData,
  type SearchEngine,
} from './engine.ts';
import { fold, wordsOf } from './text.ts';

/**
 * Pagefind's ranking options (https://pagefind.app/docs/ranking/), chosen over the query
 * table (tests/search-queries.json) with `npm run bench:search`.
 */
export const RANKING = {
  /**
   * Long pages lose half as much as by full normalisation (default 0.75): the glossary is
   * put second by glossarySecond, and a topic page that says a word in several sections
   * ("hypervisor" on the start page) keeps ahead of a short page that says it once. The
   * figures peak here (0.4 and 0.6 each lose three English queries).
   */
  pageLength: 0.5,
  /** Term frequency against page length alone, Pagefind's default. */
  termFrequency: 1.0,
  /** Repeats of a word level off as by default. */
  termSaturation: 1.4,
  /**
   * A word as typed counts a little more than longer words it only begins (default 1). Higher
   * values (3 to 8) put more topic pages first but push the glossary out of the first five for
   * a word every page uses ("hypervisor"), where a reader looks for its definition.
   */
  termSimilarity: 1.5,
  /** A word in a page title counts double (default 5): titles are short, a topic's sections say the rest. */
  metaWeights: { title: 2 },
} as const;
const SECTIONS_SHOWN = 3;

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  weighted_locations: { weight: number; balanced_score: number; location: number }[];
}
interface PagefindData {
  url: string;
  content: string;
  meta: { title?: string };
  excerpt: string;
  sub_results: PagefindSubResult[];
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(
    term: string | null,
    options?: { filters: Record<string, string> },
  ): Promise<{ results: { id: string; score: number; data(): Promise<PagefindData> }[] } | null>;
}

const score = (s: PagefindSubResult) =>
  s.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);

/**
 * Pagefind from `bundle` (its folder URL) for the site at `base`. `loadData` fetches the
 * language's data file when suggestions need it.
 */
export async function pagefindEngine(
  lang: string,
  bundle: string,
  base: string,
  highlightParam: string,
  loadData: () => Promise<SearchData>,
): Promise<SearchEngine> {
  const pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
  await pagefind.options({
    baseUrl: base,
    highlightParam,
    excerptLength: 24,
    ranking: RANKING,
    // Search on the page's thread: for an index this small the worker only adds a file (12 KB).
    noWorker: true,
  });
  // Loads the language's index and WebAssembly now, so a failure shows before the first search.
  await pagefind.init();
  // The glossary's result id, by the filter its page carries (GlossaryList.astro); looked up
  // alongside the first search, not before it.
  const glossaryId = pagefind
    .search(null, { filters: { kind: 'glossary' } })
    .then((found) => found?.results[0]?.id)
    .catch(() => undefined);
  return {
    name: 'pagefind',
    lang,
    data: loadData,
    async search(query) {
      const words = queryWords(query);
      if (words.length === 0) return { hits: [], unknown: [] };
      const [found, glossaryResult] = await Promise.all([
        pagefind.search(words.join(' ')),
        glossaryId,
      ]);
      const results = found?.results ?? [];
      let top = results.slice(0, MAX_PAGES);
      // The glossary is always among the pages read, so it can come up if it defines the term.
      const glossary = results.find((r) => r.id === glossaryResult);
      if (glossary && !top.includes(glossary)) top = [...top.slice(0, MAX_PAGES - 1), glossary];
      const loaded = await Promise.all(
        top.map(async (r) => ({
          score: r.score,
          glossary: r.id === glossaryResult,
          d: await r.data(),
        })),
      );
      const terms = loaded.find((x) => x.glossary)?.d.sub_results ?? [];
      const data = glossaryUp(
        glossarySecond(loaded),
        terms.some((s) => defines(s.title, query)),
      ).map((x) => x.d);
      const seen = new Set(data.flatMap((d) => wordsOf(d.content).map(fold)));
      let unknown = words.filter((w) => !startsAny(fold(w), seen));
      // Not there as typed: perhaps an inflected form (Treibern → Treiber), known by its stem.
      if (unknown.length > 0) {
        const [{ knownIn }, { stem }] = await Promise.all([
          import('./suggest.ts'),
          import('./stem.ts'),
        ]);
        unknown = unknown.filter((w) => !knownIn(lang, w, seen, stem));
      }
      const hits = data.map((d): Hit => ({
        title: d.meta.title ?? d.url,
        url: d.url,
        excerpt: excerptPieces(d.excerpt),
        sections: d.sub_results
          .filter((s) => s.url.includes('#'))
          .sort((a, b) => score(b) - score(a))
          .slice(0, SECTIONS_SHOWN)
          .map((s) => ({ title: s.title, url: s.url, excerpt: excerptPieces(s.excerpt) })),
      }));
      return { hits, unknown };
    },
  };
}
