// Help for a query that finds nothing as typed: "did you mean" (a typo corrected to the
// closest word of the index) and, when even that finds nothing, the closest index words.
// Built from the site's own words (the search data); loaded by answer() only when needed.
import {
  queryWords,
  startsAny,
  type Answer,
  type Hit,
  type SearchData,
  type SearchEngine,
} from './engine.ts';
import type { stem as Stem } from './stem.ts';
import { fold, lower, wordsOf } from './text.ts';

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
export const lookupForms = (lang: string, word: string, stem: typeof Stem) => [
  fold(word),
  fold(stem(lang, lower(word))),
];

/** Does `words` (folded) hold `word`, whole or as the start of one of them (both engines match prefixes)? */
export function knownIn(
  lang: string,
  word: string,
  words: Iterable<string>,
  stem: typeof Stem,
): boolean {
  const forms = lookupForms(lang, word, stem);
  const list = [...words];
  return forms.some((f) => startsAny(f, list));
}

/**
 * The query with each word the index does not know replaced by its closest index word
 * ("Hypervisr" → "Hypervisor"), or undefined when there is nothing to correct.
 */
export function correct(
  lang: string,
  query: string,
  vocab: Vocabulary,
  stem: typeof Stem,
): string | undefined {
  let changed = false;
  const words = queryWords(query).map((word) => {
    if (knownIn(lang, word, vocab.words.keys(), stem)) return word;
    const [best] = closest(word, vocab);
    if (!best) return word;
    changed = true;
    return best;
  });
  return changed ? words.join(' ') : undefined;
}

/** What answer() says when the typed query found nothing, or not every word as typed. */
export async function help(engine: SearchEngine, query: string, hits: Hit[]): Promise<Answer> {
  const [data, { stem }] = await Promise.all([engine.data(), import('./stem.ts')]);
  const vocab = vocabulary(data);
  const corrected = correct(engine.lang, query, vocab, stem);
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
