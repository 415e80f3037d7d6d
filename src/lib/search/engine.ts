// What both search engines share: the results the dialog shows, the search data file the
// build writes (search-fallback/<lang>.js), and the reader-side help built from the index's
// own words: "did you mean" for a typo and the closest terms when nothing is found (its
// code is in suggest.ts, loaded on need). The engines are pagefind-engine.ts and
// fallback-engine.ts.
import { fold, wordsOf } from './text.ts';

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

/** Is `form` (folded) one of `words` (folded), or the start of one (both engines match prefixes)? */
export function startsAny(form: string, words: Iterable<string>): boolean {
  for (const k of words) if (k.startsWith(form)) return true;
  return false;
}

/**
 * How close the page after the glossary must score for the two to swap (see glossarySecond):
 * chosen over the query table (tests/search-queries.json) for both engines; 0.5 to 0 give the
 * same figures there, and half keeps the glossary first where no page comes near it.
 */
export const GLOSSARY_MARGIN = 0.5;

/**
 * `ranked` (best first) with the glossary moved to second place when it comes first and the
 * next page scores at least GLOSSARY_MARGIN of its score. The glossary
 * defines every term, so it matches most queries; a topic's own page goes first, and the
 * glossary entry may come second (issue 15).
 */
export function glossarySecond<T extends { score: number; glossary: boolean }>(ranked: T[]): T[] {
  const [first, second, ...rest] = ranked;
  if (!first || !second || !first.glossary || second.score < GLOSSARY_MARGIN * first.score)
    return ranked;
  return [second, first, ...rest];
}

/** Does a glossary term (its heading) name every word of the query (a word begins, or is begun by, one of its words)? */
export function defines(term: string, query: string): boolean {
  const words = wordsOf(term).map(fold);
  const asked = queryWords(query).map(fold);
  return (
    asked.length > 0 && asked.every((q) => words.some((w) => w.startsWith(q) || q.startsWith(w)))
  );
}

/**
 * `ranked` (best first) with the glossary moved up to second place when it lies lower and
 * one of its entries is the term searched for: a reader who types a term may look for its
 * definition, and the glossary entry may come second (issue 15).
 */
export function glossaryUp<T extends { glossary: boolean }>(
  ranked: T[],
  definesQuery: boolean,
): T[] {
  const at = ranked.findIndex((x) => x.glossary);
  if (!definesQuery || at < 2) return ranked;
  const copy = [...ranked];
  const [glossary] = copy.splice(at, 1);
  return glossary ? [...copy.slice(0, 1), glossary, ...copy.slice(1)] : ranked;
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
 * corrected to the index's closest words, and failing that offers the closest words. The
 * help loads only when a query needs it (suggest.ts).
 */
export async function answer(engine: SearchEngine, query: string): Promise<Answer> {
  const first = await engine.search(query);
  if ((first.hits.length > 0 && first.unknown.length === 0) || queryWords(query).length === 0)
    return { query, hits: first.hits };
  const { help } = await import('./suggest.ts');
  return help(engine, query, first.hits);
}
