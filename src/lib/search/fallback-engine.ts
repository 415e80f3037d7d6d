// The fallback engine: MiniSearch (prefix matching, field boosts) over the same
// decompounded and synonym-enriched sections that Pagefind indexes, from the classic-script
// data file search-fallback/<lang>.js. Used where Pagefind cannot start: no WebAssembly, or
// the site opened from file://. Ranks like Pagefind: page title and headings (with their
// keywords) above text; a page scores by its best section, its other matching sections add
// a little.
import MiniSearch, { type SearchResult } from 'minisearch';
import {
  glossarySecond,
  MAX_PAGES,
  queryWords,
  type Hit,
  type Piece,
  type SearchData,
  type SearchEngine,
} from './engine.ts';
import type { stem as Stem } from './stem.ts';
import { fold, lower, wordsOf } from './text.ts';

/**
 * Field weights, chosen over the query table (tests/search-queries.json) so that the
 * fallback's order follows Pagefind's: a title or heading counts a few times a word of text,
 * less than Pagefind's h1 7 / h2 6, as MiniSearch scores each field on its own (a short
 * heading field already gains from BM25's length normalisation).
 */
export const BOOST = { title: 4, heading: 3, kh: 3, text: 1, kt: 1 } as const;
/** BM25 as MiniSearch takes it: its defaults but for a stronger length normalisation (b,
 * default 0.7), so long pages and long sections (the glossary, figure descriptions) gain
 * less from repeating a word. */
const BM25 = { k: 1.2, b: 0.9, d: 0.5 } as const;
/** How much a page's best matching section adds to the page's own score. */
const BEST_SECTION = 0.3;
/** The glossary's weight against other pages, as in Pagefind's copy (GlossaryList.astro:
 * a term weighs 3 instead of a heading's 6, a definition 0.5 instead of 1). */
const GLOSSARY = 0.35;
const EXCERPT_WORDS = 24;
const SECTIONS_SHOWN = 3;

interface Doc {
  id: number;
  page: number;
  anchor: string;
  title: string;
  heading: string;
  text: string;
  kh: string;
  kt: string;
}

export interface FallbackOptions {
  /** Prefix of the site-relative URLs: the site's base (`/`, `/kurs/x/`) or a relative root. */
  root: string;
  /** When set, result links carry the words in this query parameter (for highlighting). */
  highlightParam?: string;
  /** Turns a page URL into the link to show (file:// needs index.html). */
  link?: (url: string) => string;
  /**
   * The Snowball stemmer (stem.ts), passed in: every browser script imports it dynamically,
   * so it stays a chunk with no others to preload (a classic-script copy cannot preload).
   */
  stem: typeof Stem;
}

/** The term as both the index and queries store it: Snowball stem, folded. */
const termOf = (lang: string, stem: typeof Stem) => (term: string) => {
  const word = lower(term);
  return word ? fold(stem(lang, word)) : null;
};

/** A window of `text` around its first matching word, matching words marked. */
export function excerpt(text: string, matches: (word: string) => boolean): Piece[] {
  const words = text.split(/\s+/).filter(Boolean);
  const hit = words.map((w) => wordsOf(w).some(matches));
  const first = Math.max(0, hit.indexOf(true));
  const start = Math.max(0, Math.min(first - 6, words.length - EXCERPT_WORDS));
  const pieces: Piece[] = start > 0 ? ['… '] : [];
  words.slice(start, start + EXCERPT_WORDS).forEach((w, i) => {
    if (i > 0) pieces.push(' ');
    pieces.push(hit[start + i] ? { mark: w } : w);
  });
  if (start + EXCERPT_WORDS < words.length) pieces.push(' …');
  return pieces;
}

/** A search engine over `data`, answering like Pagefind's. */
export function fallbackEngine(data: SearchData, options: FallbackOptions): SearchEngine {
  const { root, highlightParam, link = (u: string) => u, stem } = options;
  const process = termOf(data.lang, stem);
  // Sections, to pick and order a page's matching sections.
  const sections: Doc[] = data.pages.flatMap((page, p) =>
    page.s.map(([anchor, heading, text, kh, kt], i) => ({
      id: 0,
      page: p,
      anchor,
      title: i === 0 ? page.t : '',
      heading,
      text,
      kh,
      kt,
    })),
  );
  sections.forEach((d, i) => (d.id = i));
  // Whole pages, to rank pages as Pagefind does (one document per page).
  const pages: Doc[] = data.pages.map((page, p) => ({
    id: p,
    page: p,
    anchor: '',
    title: page.t,
    heading: page.s.map((s) => s[1]).join(' · '),
    text: page.s.map((s) => s[2]).join(' '),
    kh: page.s.map((s) => s[3]).join(', '),
    kt: page.s.map((s) => s[4]).join(', '),
  }));
  const glossary = (page: number) => (data.pages[page]?.g ? GLOSSARY : 1);
  const index = (docs: Doc[]) => {
    const mini = new MiniSearch<Doc>({
      fields: ['title', 'heading', 'text', 'kh', 'kt'],
      storeFields: [],
      processTerm: process,
      tokenize: (text) => wordsOf(text),
      searchOptions: {
        boost: BOOST,
        prefix: (term) => term.length >= 3,
        boostDocument: (id) => glossary(docs[id as number]?.page ?? -1),
        bm25: BM25,
      },
    });
    mini.addAll(docs);
    return mini;
  };
  const pageIndex = index(pages);
  const sectionIndex = index(sections);

  const url = (page: string, anchor: string, words: string[]) => {
    const prefix = root === '' || root.endsWith('/') ? root : `${root}/`;
    const query = highlightParam
      ? `?${words.map((w) => `${encodeURIComponent(highlightParam)}=${encodeURIComponent(lower(w))}`).join('&')}`
      : '';
    return link(`${prefix}${page}${query}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`);
  };

  return {
    name: 'fallback',
    lang: data.lang,
    data: async () => data,
    async search(query) {
      const words = queryWords(query);
      if (words.every((w) => !process(w))) return { hits: [], unknown: [] };
      const text = words.join(' ');
      // Like Pagefind, a page must match every word of the query somewhere.
      const found = pageIndex.search(text, { combineWith: 'AND' });
      const bySection = sectionIndex.search(text, { combineWith: 'OR' });
      const matchedAll = new Set(bySection.flatMap((r) => r.queryTerms));
      const unknown = words.filter((w) => !matchedAll.has(process(w) ?? ''));
      // A page ranks by its own score plus part of its best section's (Pagefind, too,
      // rewards a page whose words stand together under one heading).
      const best = new Map<number, number>();
      for (const x of bySection) {
        const p = sections[x.id as number]?.page ?? -1;
        best.set(p, Math.max(best.get(p) ?? 0, x.score));
      }
      const ranked = glossarySecond(
        found
          .map((r) => ({
            r,
            score: r.score + BEST_SECTION * (best.get(r.id as number) ?? 0),
            glossary: !!data.pages[r.id as number]?.g,
          }))
          .sort((a, b) => b.score - a.score),
      ).map((x) => x.r);
      const hits = ranked.slice(0, MAX_PAGES).flatMap((r): Hit[] => {
        const p = r.id as number;
        const page = data.pages[p];
        if (!page) return [];
        const mine = bySection.filter((x) => sections[x.id as number]?.page === p);
        const matchedTerms = new Set(mine.flatMap((x) => x.terms));
        const matches = (w: string) => {
          const t = process(w);
          return (
            !!t && [...matchedTerms].some((m) => t === m || t.startsWith(m) || m.startsWith(t))
          );
        };
        const docOf = (x: SearchResult) => sections[x.id as number];
        const firstText = page.s.find((s) => s[2])?.[2] ?? '';
        const best = mine[0] && docOf(mine[0]);
        return [
          {
            title: page.t,
            url: url(page.u, '', words),
            excerpt: excerpt(best?.text || firstText, matches),
            sections: mine
              .map(docOf)
              .filter((d): d is Doc => !!d?.anchor)
              .slice(0, SECTIONS_SHOWN)
              .map((d) => ({
                title: d.heading,
                url: url(page.u, d.anchor, words),
                excerpt: excerpt(d.text || d.heading, matches),
              })),
          },
        ];
      });
      return { hits, unknown };
    },
  };
}
