// The fallback search: a small, dependency-free search over the per-language index that
// src/integrations/search-index.ts writes as a classic script (search-fallback/<lang>.js).
// Used where Pagefind cannot start: no WebAssembly, or the site opened from file://. Pure
// functions only; the page glue lives in src/components/search/.

/**
 * One section of a page: [anchor id ('' before the first heading), heading, text, and
 * optionally compounds of words it uses apart, e.g. "installationsaufwand"].
 */
export type FallbackSection = [anchor: string, heading: string, text: string, keywords?: string];

export interface FallbackPage {
  /** Site-relative URL, e.g. `de/io-drivers/`. */
  u: string;
  /** Page title (its h1). */
  t: string;
  /** 1 when the page's headings are glossary terms (ranked like titles). */
  k: 0 | 1;
  s: FallbackSection[];
}

export interface FallbackIndex {
  v: 1;
  lang: string;
  pages: FallbackPage[];
}

export interface FallbackSubResult {
  title: string;
  url: string;
  /** HTML: the text escaped, matching words wrapped in <mark>. */
  excerpt: string;
  score: number;
}

export interface FallbackResult {
  url: string;
  title: string;
  excerpt: string;
  score: number;
  /** Matching sections, best first, each linking to its #anchor. */
  sections: FallbackSubResult[];
}

export interface SearchOptions {
  /** Prefix for the site-relative URLs: the site's base (`/`, `/kurs/x/`) or a relative root. */
  root?: string;
  /** When set, result URLs carry the terms in this query parameter (for highlighting). */
  highlightParam?: string;
  /** Most results returned. */
  limit?: number;
}

/** Longest query that is searched; the rest is ignored (a query is typed, not pasted books). */
export const MAX_QUERY = 200;
const MAX_TERMS = 8;
const EXCERPT_WORDS = 28;

/** Lower case, no diacritics, ß as ss: "Gerätetreiber" → "geratetreiber". */
export function normalise(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The distinct search terms of a query (letters and digits only, normalised). */
export function terms(query: string): string[] {
  const words = normalise(query.slice(0, MAX_QUERY)).split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w.length > 0))].slice(0, MAX_TERMS);
}

const SUFFIXES = [
  'ation',
  'ungen',
  'ung',
  'ions',
  'ion',
  'ing',
  'en',
  'er',
  'es',
  'ed',
  'e',
  's',
  'n',
];

/** A crude stem, so "installation" also finds "install" and "Treibern" "Treiber". */
export function stem(term: string): string {
  const suffix = SUFFIXES.find((end) => term.endsWith(end) && term.length - end.length >= 4);
  return suffix ? term.slice(0, -suffix.length) : term;
}

const isWordChar = (ch: string | undefined) => !!ch && /[\p{L}\p{N}]/u.test(ch);

/** Occurrences of `needle` in `text`: 1 each at a word start, 0.5 inside a word. */
function count(text: string, needle: string, cap: number): number {
  let score = 0;
  let found = 0;
  for (let at = text.indexOf(needle); at >= 0 && found < cap; at = text.indexOf(needle, at + 1)) {
    score += isWordChar(text[at - 1]) ? 0.5 : 1;
    found++;
  }
  return score;
}

/** How well `term` occurs in `text` (normalised); its stem alone counts half. */
function hits(text: string, term: string, cap = 5): number {
  const full = count(text, term, cap);
  const root = stem(term);
  return full > 0 || root === term ? full : count(text, root, cap) / 2;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A window of `text` around the first matching word, escaped, matching words in <mark>. */
export function excerpt(text: string, needles: string[], length = EXCERPT_WORDS): string {
  const words = text.split(/\s+/).filter(Boolean);
  const stems = needles.map(stem);
  const match = words.map((w) => stems.some((n) => normalise(w).includes(n)));
  const first = Math.max(0, match.indexOf(true));
  const start = Math.max(0, Math.min(first - Math.floor(length / 3), words.length - length));
  const slice = words.slice(start, start + length).map((w, i) => {
    const safe = escapeHtml(w);
    return match[start + i] ? `<mark>${safe}</mark>` : safe;
  });
  return (start > 0 ? '… ' : '') + slice.join(' ') + (start + length < words.length ? ' …' : '');
}

interface Prepared {
  page: FallbackPage;
  title: string;
  sections: {
    anchor: string;
    heading: string;
    headingN: string;
    text: string;
    textN: string;
    keywordsN: string;
  }[];
}

const prepared = new WeakMap<FallbackIndex, Prepared[]>();

function prepare(index: FallbackIndex): Prepared[] {
  let list = prepared.get(index);
  if (!list) {
    list = index.pages.map((page) => ({
      page,
      title: normalise(page.t),
      sections: page.s.map(([anchor, heading, text, keywords = '']) => ({
        anchor,
        heading,
        headingN: normalise(heading),
        text,
        textN: normalise(text),
        keywordsN: normalise(keywords),
      })),
    }));
    prepared.set(index, list);
  }
  return list;
}

function link(root: string, page: string, anchor: string, found: string[], param?: string) {
  const prefix = root === '' || root.endsWith('/') ? root : `${root}/`;
  const query = param
    ? `?${found.map((w) => `${encodeURIComponent(param)}=${encodeURIComponent(w)}`).join('&')}`
    : '';
  return `${prefix}${page}${query}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

/**
 * Searches the index: every term must occur on the page (title, a heading or text; at a
 * word start or inside a compound); titles and glossary terms weigh most, then headings,
 * then body text. Results are pages, best first, with their matching sections.
 */
export function search(
  index: FallbackIndex,
  query: string,
  options: SearchOptions = {},
): FallbackResult[] {
  const needles = terms(query);
  if (needles.length === 0) return [];
  const { root = '/', highlightParam, limit = 20 } = options;
  const words = query
    .slice(0, MAX_QUERY)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TERMS);
  const results: FallbackResult[] = [];
  for (const { page, title, sections } of prepare(index)) {
    const everywhere = [title, ...sections.flatMap((s) => [s.headingN, s.textN, s.keywordsN])].join(
      ' ',
    );
    if (!needles.every((n) => everywhere.includes(stem(n)))) continue;
    const titleScore = needles.reduce((sum, n) => sum + 10 * hits(title, n, 1), 0);
    const headingWeight = page.k ? 10 : 6;
    const scored = sections
      .map((s) => {
        const score = needles.reduce(
          (sum, n) =>
            sum +
            headingWeight * hits(s.headingN, n, 1) +
            hits(s.textN, n) +
            3 * hits(s.keywordsN, n, 1),
          0,
        );
        return { s, score };
      })
      .filter((x) => x.score > 0)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    const rest = scored.slice(1).reduce((sum, x) => sum + x.score, 0);
    const score = titleScore + (best?.score ?? 0) + 0.25 * rest;
    const firstText = sections.find((s) => s.text)?.text ?? '';
    results.push({
      url: link(root, page.u, '', words, highlightParam),
      title: page.t,
      excerpt: excerpt(best?.s.text || firstText, needles),
      score,
      sections: scored
        .filter((x) => x.s.anchor)
        .slice(0, 3)
        .map(({ s, score: sub }) => ({
          title: s.heading,
          url: link(root, page.u, s.anchor, words, highlightParam),
          excerpt: excerpt(s.text || s.heading, needles),
          score: sub,
        })),
    });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
