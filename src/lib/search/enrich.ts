// What the search index adds to each section, at build time, so that both engines find it
// by the reader's words and not only the site's: the parts of German compounds
// (Gastbetriebssystem ← system), compounds that a section says in other words ("Aufwand bei
// der Installation" ← Installationsaufwand), and the readers' words from the synonym table
// (Wirtsbetriebssystem → where the site says Host-Betriebssystem). Each keyword goes where
// its source is: found in a heading or the title, it weighs like a heading; in text, like
// text. Nothing here is shown to readers.
import { compoundKeywords, splitCompound, splittable, type Lexicon } from './decompound.ts';
import type { Synonym } from './synonyms.ts';
import { stem } from './stem.ts';
import { lower, wordsOf } from './text.ts';

/** A page as the index sees it: sections after the title; the first is the text before any heading. */
export interface IndexPage {
  lang: string;
  title: string;
  sections: { a: string; h: string; x: string }[];
}

/** Keywords of one section: weighted like its heading (or the page title), and like text. */
export interface SectionKeywords {
  heading: string[];
  text: string[];
}

export interface EnrichOptions {
  /** German lexicon for decompounding; languages without one are not decompounded. */
  lexicon?: Lexicon;
  synonyms?: readonly Synonym[];
}

/** Most copies of one keyword in one place: one, so a keyword routes a reader without outweighing the
 * words it stands for, and the index and excerpt files stay small. */
const REPEAT = 1;
/** Furthest apart, in words, that the parts of a compound said in other words may stand. */
const WINDOW = 6;

interface Field {
  /** Words as written. */
  words: string[];
  /** Their stems, lower case. */
  stems: string[];
}

const field = (lang: string, text: string): Field => {
  const words = wordsOf(text);
  return { words, stems: words.map((w) => stem(lang, lower(w))) };
};

/** Where the stem sequence `needle` starts in `haystack`, or -1. */
function find(haystack: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** How often the stem sequence `needle` occurs in `haystack`. */
function count(haystack: string[], needle: string[]): number {
  let n = 0;
  for (let from = 0; ;) {
    const at = find(haystack.slice(from), needle);
    if (at < 0) return n;
    n++;
    from += at + needle.length;
  }
}

/** Do all `parts` (stems) occur within WINDOW words of each other? `stems[i]` holds word i's stems. */
function near(stems: string[][], parts: string[]): boolean {
  const at = parts.map((p) => stems.flatMap((s, i) => (s.includes(p) ? [i] : [])));
  if (at.some((list) => list.length === 0)) return false;
  return (at[0] ?? []).some((start) =>
    at.every((list) => list.some((i) => Math.abs(i - start) <= WINDOW)),
  );
}

/**
 * The keywords of every section of `pages` (all in one language), in the same order:
 * result[page][section].
 */
export function enrich(
  lang: string,
  pages: readonly IndexPage[],
  options: EnrichOptions = {},
): SectionKeywords[][] {
  const { lexicon, synonyms = [] } = options;
  // Per section: its heading field (the title joins the first section's) and text field.
  const fields = pages.map((page) =>
    page.sections.map((s, i) => ({
      heading: field(lang, i === 0 ? `${page.title} ${s.h}` : s.h),
      text: field(lang, s.x),
    })),
  );
  const all = fields.flat().flatMap((f) => [f.heading, f.text]);
  // A part is attested when the site uses it on its own or in two compounds or more.
  const attested = new Set(all.flatMap((f) => f.stems));
  const nouns = new Set(all.flatMap((f) => f.words.filter(splittable).map(lower)));
  const partCount = new Map<string, number>();
  if (lexicon) {
    for (const word of nouns)
      for (const part of new Set(splitCompound(word, lexicon)))
        partCount.set(part, (partCount.get(part) ?? 0) + 1);
  }
  const isAttested = (part: string) =>
    attested.has(stem(lang, part)) || (partCount.get(part) ?? 0) >= 2;

  // Compounds: each splittable word's keywords, and the site's compounds by their parts.
  const split = new Map<string, string[]>();
  if (lexicon) {
    for (const word of nouns) split.set(word, compoundKeywords(word, lexicon, isAttested));
  }
  const compounds = [...split.entries()].flatMap(([word, keywords]) => {
    if (keywords.length === 0 || !lexicon) return [];
    return [{ word, parts: splitCompound(word, lexicon).map((p) => stem(lang, p)) }];
  });

  const readers = synonyms.map((row) => ({
    site: wordsOf(row.site).map((w) => stem(lang, lower(w))),
    readers: row.readers.map(lower),
  }));

  return fields.map((page) =>
    page.map((section) => {
      const out: SectionKeywords = { heading: [], text: [] };
      for (const level of ['heading', 'text'] as const) {
        const f = section[level];
        const own = new Set(f.words.map(lower));
        // keyword → how often its source occurs here (so it weighs as often, up to REPEAT).
        const add = new Map<string, number>();
        const put = (k: string, n = 1) => add.set(k, (add.get(k) ?? 0) + n);
        for (const word of f.words) for (const k of split.get(lower(word)) ?? []) put(k);
        // Per word: its stem and the stems of its parts.
        const byWord = f.words.map((w, i) => [
          f.stems[i] ?? '',
          ...(split.get(lower(w)) ?? []).map((k) => stem(lang, k)),
        ]);
        const stems = byWord.flat();
        for (const { word, parts } of compounds) {
          if (!own.has(word) && near(byWord, parts)) put(word);
        }
        for (const row of readers) {
          const n =
            row.site.length === 1
              ? stems.filter((s) => s === row.site[0]).length
              : count(f.stems, row.site);
          if (n > 0) for (const r of row.readers) put(r, n);
        }
        out[level] = [...add]
          .filter(([k]) => !own.has(k))
          .flatMap(([k, n]) => Array<string>(Math.min(n, REPEAT)).fill(k));
      }
      // A keyword the heading has needs no second, lighter copy in the text.
      out.text = out.text.filter((k) => !out.heading.includes(k));
      // Each word once per run, and none the place already says: a reader's phrase
      // ("nativer Hypervisor") adds only its missing words, so a word the site uses anyway
      // is not counted again, and the runs stay short.
      const said = (level: 'heading' | 'text') => new Set(section[level].words.map(lower));
      const heading = runWords(out.heading, said('heading'));
      const text = runWords(out.text, new Set([...said('heading'), ...said('text'), ...heading]));
      return { heading, text };
    }),
  );
}

/**
 * The words of `keywords` (phrases) in order, each once, leaving out those in `said`. A
 * hyphenated word ("typ-1-hypervisor") stays whole, left out only when `said` has all its
 * parts.
 */
export function runWords(keywords: readonly string[], said: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const seen = new Set(said);
  for (const token of keywords.flatMap((k) => k.split(/\s+/)).filter(Boolean)) {
    const parts = wordsOf(token).map(lower);
    if (seen.has(token) || parts.every((w) => said.has(w))) continue;
    seen.add(token);
    out.push(token);
  }
  return out;
}

/** Fails the build when a synonym's site word occurs nowhere: the table must route somewhere. */
export function unusedSynonyms(
  lang: string,
  pages: readonly IndexPage[],
  synonyms: readonly Synonym[],
): string[] {
  const stems = pages.flatMap((p) =>
    [p.title, ...p.sections.flatMap((s) => [s.h, s.x])].map((t) =>
      wordsOf(t).map((w) => stem(lang, lower(w))),
    ),
  );
  return synonyms
    .filter((row) => {
      const site = wordsOf(row.site).map((w) => stem(lang, lower(w)));
      return !stems.some((s) => find(s, site) >= 0);
    })
    .map((row) => row.site);
}
