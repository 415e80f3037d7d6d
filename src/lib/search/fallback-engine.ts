// The fallback engine: MiniSearch (prefix matching) over the same decompounded and
// synonym-enriched sections that Pagefind indexes, from the classic-script data file
// search-fallback/<lang>.js. Used where Pagefind cannot start: no WebAssembly, or the site
// opened from file://. MiniSearch finds which of the index's words each query word matches;
// pages and sections are scored as Pagefind scores them: each word weighted where it stands
// (title, heading and its keywords, text), BM25 over the page's length with Pagefind's
// ranking options, a word as typed above longer words it only begins.
import MiniSearch from 'minisearch';
import {
  defines,
  glossarySecond,
  glossaryUp,
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
 * Pagefind's weights (https://pagefind.app/docs/weighting/): the title (the page's h1) 7, a
 * heading and its keywords 6, text and its keywords 1; in the glossary, as in its Pagefind
 * copy (GlossaryList.astro), a term 3 and a definition 0.5.
 */
export const WEIGHTS = {
  page: { title: 7, heading: 6, text: 1 },
  glossary: { title: 7, heading: 3, text: 0.5 },
} as const;
/**
 * BM25 with Pagefind's ranking options (RANKING in pagefind-engine.ts): repeats of a word
 * saturate (termSaturation 1.4), a long page loses half as much as by full normalisation
 * (pageLength 0.5).
 */
const SATURATION = 1.4;
const LENGTH = 0.5;
/** A longer index word that a query word only begins counts by how much of it was typed, times this. */
const PREFIX = 0.5;
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
  /** Weighted count of each index word. */
  tf: Map<string, number>;
  /** Number of words. */
  length: number;
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
  const terms = (text: string) =>
    wordsOf(text).flatMap((w) => {
      const t = process(w);
      return t ? [t] : [];
    });
  // Sections: each one's words with their weights, to score and order a page's sections.
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
      tf: new Map<string, number>(),
      length: 0,
    })),
  );
  for (const [i, d] of sections.entries()) {
    d.id = i;
    const weight = WEIGHTS[data.pages[d.page]?.g ? 'glossary' : 'page'];
    const add = (text: string, w: number) => {
      for (const t of terms(text)) {
        d.tf.set(t, (d.tf.get(t) ?? 0) + w);
        d.length++;
      }
    };
    add(d.title, weight.title);
    add(`${d.heading} ${d.kh}`, weight.heading);
    add(`${d.text} ${d.kt}`, weight.text);
  }
  // Pages: the sum of their sections, scored as Pagefind scores a page.
  const pages = data.pages.map((_, p) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const d of sections) {
      if (d.page !== p) continue;
      for (const [t, n] of d.tf) tf.set(t, (tf.get(t) ?? 0) + n);
      length += d.length;
    }
    return { tf, length };
  });
  const average = (list: { length: number }[]) =>
    list.reduce((sum, x) => sum + x.length, 0) / Math.max(1, list.length);
  const avgPage = average(pages);
  const avgSection = average(sections);
  // MiniSearch answers which index words a query word matches (as typed, or as a prefix).
  const mini = new MiniSearch<Doc>({
    fields: ['title', 'heading', 'text', 'kh', 'kt'],
    storeFields: [],
    processTerm: process,
    tokenize: (text) => wordsOf(text),
    searchOptions: { prefix: (term) => term.length >= 3 },
  });
  mini.addAll(sections);

  /** BM25 of one query word in a unit (page or section), over the index words it matches. */
  const bm25 = (
    unit: { tf: Map<string, number>; length: number },
    matched: Map<string, number>,
    idf: number,
    avg: number,
  ) => {
    let tf = 0;
    for (const [t, similarity] of matched) tf += similarity * (unit.tf.get(t) ?? 0);
    if (tf === 0) return 0;
    const norm = 1 - LENGTH + (LENGTH * unit.length) / avg;
    return (idf * tf * (SATURATION + 1)) / (tf + SATURATION * norm);
  };
  const idfOf = (matched: Map<string, number>, units: { tf: Map<string, number> }[]) => {
    const n = units.filter((u) => [...matched.keys()].some((t) => u.tf.has(t))).length;
    return Math.log(1 + (units.length - n + 0.5) / (n + 0.5));
  };

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
      // Per query word: the index words it matches, each with its similarity (1 as typed).
      const perWord = words.flatMap((w) => {
        const q = process(w);
        if (!q) return [];
        const matched = new Map<string, number>();
        for (const r of mini.search(w)) {
          for (const t of r.terms) {
            matched.set(t, t === q ? 1 : PREFIX * Math.min(1, q.length / t.length));
          }
        }
        return [{ word: w, matched }];
      });
      const unknown = perWord.filter((m) => m.matched.size === 0).map((m) => m.word);
      const scored = perWord.map(({ matched }) => ({
        matched,
        pageIdf: idfOf(matched, pages),
        sectionIdf: idfOf(matched, sections),
      }));
      const definesQuery = sections.some(
        (d) => !!data.pages[d.page]?.g && !!d.anchor && defines(d.heading, query),
      );
      // Like Pagefind, a page must match every word of the query somewhere.
      const ranked = glossaryUp(
        glossarySecond(
          pages
            .map((page, p) => {
              const each = scored.map((m) => bm25(page, m.matched, m.pageIdf, avgPage));
              return {
                p,
                score: each.every((x) => x > 0) ? each.reduce((a, b) => a + b, 0) : 0,
                glossary: !!data.pages[p]?.g,
              };
            })
            .filter((x) => x.score > 0)
            .sort((a, b) => b.score - a.score),
        ),
        definesQuery,
      );
      const sectionScore = (d: Doc) =>
        scored.reduce((sum, m) => sum + bm25(d, m.matched, m.sectionIdf, avgSection), 0);
      const allMatched = new Set(perWord.flatMap((m) => [...m.matched.keys()]));
      const hits = ranked.slice(0, MAX_PAGES).flatMap(({ p }): Hit[] => {
        const page = data.pages[p];
        if (!page) return [];
        const mine = sections
          .filter((d) => d.page === p)
          .map((d) => ({ d, score: sectionScore(d) }))
          .filter((x) => x.score > 0)
          .sort((a, b) => b.score - a.score)
          .map((x) => x.d);
        const matches = (w: string) => {
          const t = process(w);
          return !!t && [...allMatched].some((m) => t === m || t.startsWith(m) || m.startsWith(t));
        };
        const firstText = page.s.find((s) => s[2])?.[2] ?? '';
        const best = mine[0];
        return [
          {
            title: page.t,
            url: url(page.u, '', words),
            excerpt: excerpt(best?.text || firstText, matches),
            sections: mine
              .filter((d) => d.anchor)
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
