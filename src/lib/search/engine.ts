// What both search engines share: the results the dialog shows, the search data file the
// build writes (search-fallback/<lang>.js), and the reader-side help built from the index's
// own words: "did you mean" for a typo and the closest terms when nothing is found. Pure
// functions only; the engines are pagefind-engine.ts and fallback-engine.ts.
import { fold, lower, stem, wordsOf } from './text.ts';

/** A piece of an excerpt: plain text, or a matching word (shown marked). */
export type Piece = string | { mark: string };

export interface SectionHit {
  title: string;
  url: string;
  excerpt: Piece[];
}

/** One page found: its title and link, an excerpt, and its best matching sections. */
export interface Hit extends SectionHit {
  sections: SectionHit[];
}

/** What an engine found: pages, best first, and the query's words that matched nothing literally. */
export interface Found {
  hits: Hit[];
  /** Words of the query found in none of the hits (a typo an engine matched loosely, or no match). */
  unknown: string[];
}

/** A search engine behind the dialog: Pagefind or the fallback. */
export interface SearchEngine {
  readonly name: 'pagefind' | 'fallback';
  readonly lang: string;
  search(query: string): Promise<Found>;
  /** The site's data (for suggestions), loaded on first need. */
  data(): Promise<SearchData>;
}

/** One section in the data file: [anchor ('' before the first heading), heading, text, keywords weighted like the heading, keywords weighted like text]. */
export type DataSection = [anchor: string, heading: string, text: string, kh: string, kt: string];

/** The data file of one language (search-fallback/<lang>.js), written by the build. */
export interface SearchData {
  v: 2;
  lang: string;
  pages: {
    /** Site-relative URL, e.g. `de/io-drivers/`. */
    u: string;
    /** Page title. */
    t: string;
    /** 1 for the glossary (its headings are terms). */
    g: 0 | 1;
    s: DataSection[];
  }[];
}

/** The global that the data files fill: `globalThis[DATA_GLOBAL][lang]`. */
export const DATA_GLOBAL = '__siteSearchFallback';
/** Longest query that is searched: a query is typed, not pasted books. */
export const MAX_QUERY = 200;
/** Most pages listed: each Pagefind result costs a fragment download, and three are asked for. */
export const MAX_PAGES = 5;
/** Most words of a query that are searched. */
export const MAX_TERMS = 8;

/** The words of a query, cut to MAX_QUERY characters and MAX_TERMS words. */
export const queryWords = (query: string) => wordsOf(query.slice(0, MAX_QUERY)).slice(0, MAX_TERMS);

/** A word of the index and how often it occurs. */
export interface Vocabulary {
  /** folded word → [word as written most often, count] */
  words: Map<string, [string, number]>;
}

const vocabularies = new WeakMap<SearchData, Vocabulary>();

/** Every word of the data (titles, headings, text and keywords) with its count. */
export function vocabulary(data: SearchData): Vocabulary {
  let known = vocabularies.get(data);
  if (known) return known;
  const words = new Map<string, [string, number]>();
  for (const page of data.pages) {
    for (const text of [page.t, ...page.s.flat()]) {
      for (const word of wordsOf(text)) {
        if (word.length < 2) continue;
        const key = fold(word);
        const entry = words.get(key);
        if (entry) entry[1]++;
        else words.set(key, [word, 1]);
      }
    }
  }
  known = { words };
  vocabularies.set(data, known);
  return known;
}

/** Optimal string alignment distance (Damerau–Levenshtein: a swap of neighbours is one edit), stopped past `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(
        (rows[i - 1]?.[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (rows[i - 1]?.[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    if (i > 0 && Math.min(...row) > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}

/** Edits allowed for a word of this length: none for short words, one from 4 letters, two from 9. */
const allowed = (length: number) => (length >= 9 ? 2 : length >= 4 ? 1 : 0);

/** Index words within `max` edits of `word` (folded), closest and most frequent first. */
export function closest(
  word: string,
  vocab: Vocabulary,
  max = allowed(word.length),
  limit = 5,
): string[] {
  const key = fold(word);
  return [...vocab.words.entries()]
    .map(([k, [written, count]]) => ({ written, count, d: distance(key, k, max) }))
    .filter((c) => c.d <= max && c.d > 0)
    .sort((a, b) => a.d - b.d || b.count - a.count)
    .slice(0, limit)
    .map((c) => c.written);
}

/** The forms by which `word` is looked up: folded, and its folded stem (Treibern → treib). */
export const lookupForms = (lang: string, word: string) => [
  fold(word),
  fold(stem(lang, lower(word))),
];

/** Does `words` (folded) hold `word`, whole or as the start of one of them (both engines match prefixes)? */
export function knownIn(lang: string, word: string, words: Iterable<string>): boolean {
  const forms = lookupForms(lang, word);
  for (const k of words) if (forms.some((f) => k.startsWith(f))) return true;
  return false;
}

/**
 * The query with each word the index does not know replaced by its closest index word
 * ("Hypervisr" → "Hypervisor"), or undefined when there is nothing to correct.
 */
export function correct(lang: string, query: string, vocab: Vocabulary): string | undefined {
  let changed = false;
  const words = queryWords(query).map((word) => {
    if (knownIn(lang, word, vocab.words.keys())) return word;
    const [best] = closest(word, vocab);
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? words.join(' ') : undefined;
}

/** Keyword runs the build adds to Pagefind's copy of a page, between these marks; never shown. */
export const KEYWORDS_OPEN = '⟦';
export const KEYWORDS_CLOSE = '⟧';

const decode = (html: string) =>
  html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&');

/**
 * An excerpt as Pagefind gives it (HTML-escaped text, matches in <mark>) turned into
 * pieces, without the keyword runs of the index (⟦…⟧, also where the excerpt cuts one).
 */
export function excerptPieces(html: string): Piece[] {
  const pieces: Piece[] = [];
  // A close mark before any open mark: the excerpt starts inside a keyword run.
  let hidden =
    html.indexOf(KEYWORDS_CLOSE) >= 0 &&
    html.indexOf(KEYWORDS_CLOSE) < (html.indexOf(KEYWORDS_OPEN) + 1 || Infinity);
  for (const [i, part] of html.split(/<\/?mark>/).entries()) {
    let text = '';
    for (const ch of decode(part)) {
      if (ch === KEYWORDS_OPEN) hidden = true;
      else if (ch === KEYWORDS_CLOSE) hidden = false;
      else if (!hidden) text += ch;
    }
    if (!text) continue;
    const last = pieces.at(-1);
    if (i % 2 === 1 && text.trim()) pieces.push({ mark: text });
    else if (typeof last === 'string') pieces[pieces.length - 1] = last + text;
    else pieces.push(text);
  }
  // Tidy the seams left by removed runs.
  const first = pieces[0];
  if (typeof first === 'string') pieces[0] = first.replace(/^[\s.,;:]+/, '');
  return pieces
    .map((p) => (typeof p === 'string' ? p.replace(/\s{2,}/g, ' ') : p))
    .filter((p) => p !== '');
}

/** The folded words of a query, for marking words in an excerpt. */
export const foldedTerms = (query: string) => queryWords(query).map(fold);

/** What the dialog shows for a query. */
export interface Answer {
  query: string;
  hits: Hit[];
  /** The query searched instead when the typed one found nothing ("did you mean"). */
  corrected?: string;
  /** When nothing is found: index words close to what was typed. */
  similar?: string[];
}

/**
 * Searches `query`; when nothing is found, searches the query with its unknown words
 * corrected to the index's closest words, and failing that offers the closest words.
 */
export async function answer(engine: SearchEngine, query: string): Promise<Answer> {
  const first = await engine.search(query);
  const hits = first.hits;
  if ((hits.length > 0 && first.unknown.length === 0) || queryWords(query).length === 0)
    return { query, hits };
  const vocab = vocabulary(await engine.data());
  const corrected = correct(engine.lang, query, vocab);
  if (corrected) {
    const again = await engine.search(corrected);
    if (again.hits.length > 0) return { query, hits: again.hits, corrected };
  }
  if (hits.length > 0) return { query, hits };
  const similar = [
    ...new Set(
      queryWords(query).flatMap((w) => closest(w, vocab, Math.max(2, allowed(w.length) + 1), 3)),
    ),
  ].slice(0, 6);
  return { query, hits: [], similar };
}
