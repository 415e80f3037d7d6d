// German compounds split into their parts at build time, so that a later part finds the
// whole word ("system" → Gastbetriebssystem). The method is Hunspell's own compounding as
// igerman98 defines it (npm `dictionary-de`, GPL-2.0/3.0, read at build time only; nothing of
// it is shipped), used the way Lucene's dictionary decompounder uses a word list:
// - a word is split only when lexicon words cover it completely, each at least MIN_PART
//   letters long, with the fewest parts;
// - a part may open or continue a compound in its compound form (the dictionary's
//   NEEDAFFIX entries such as "Betriebs", "Such"), but only a word of its own may end it;
// - the last part may carry a plural or case ending (Systeme, Plattformen).
// Only nouns are split (they are written with a capital letter in running text), so verbs
// and participles stay whole, and so do hyphenated words ("Bare-Metal").

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Shortest part: keeps "Bauart" whole (bau + art would be noise). */
export const MIN_PART = 4;
/** Linking letters (Fugenelemente) a part may carry when the dictionary lacks its compound form. */
const LINKS = ['es', 'en', 's', 'n', 'e'];
/** Endings the last part may carry (plural and case forms). */
const ENDINGS = ['ern', 'en', 'er', 'es', 'e', 'n', 's'];
/** Present participles used as nouns (Lehrende) end like the noun "Ende"; it never ends one here. */
const NOT_LAST = new Set(['ende']);

/** What a lexicon word may be in a compound: a compound form, only before another part
 * ("betriebs", "such"), or a word of its own, anywhere. */
export const Role = { First: 1, Word: 3 } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Lower-case word → its role in compounds. */
export type Lexicon = ReadonlyMap<string, Role>;

/** The lexicon of a Hunspell .dic file (`word/FLAGS` per line) with igerman98's flags. */
export function lexiconFromHunspell(dic: string): Map<string, Role> {
  const words = new Map<string, Role>();
  for (const line of dic.split('\n').slice(1)) {
    const [raw = '', flags = ''] = line.trim().split('/');
    const word = raw.toLowerCase();
    if (word.length < MIN_PART || !/^[a-zäöüß]+$/.test(word)) continue;
    // o: ONLYINCOMPOUND (duplicates of words listed on their own); h: NEEDAFFIX, the
    // compound forms that only open a compound.
    if (flags.includes('o')) continue;
    const role = flags.includes('h') ? Role.First : Role.Word;
    words.set(word, ((words.get(word) ?? 0) | role) as Role);
  }
  return words;
}

/** Reads igerman98 from the `dictionary-de` package (build time only). */
export async function germanLexicon(): Promise<Map<string, Role>> {
  const entry = createRequire(import.meta.url).resolve('dictionary-de');
  return lexiconFromHunspell(await readFile(join(dirname(entry), 'index.dic'), 'utf8'));
}

interface Cover {
  parts: string[];
  /** Letters spent on links and endings: fewer means a more literal reading. */
  glue: number;
}

const better = (a: Cover, b: Cover | undefined) =>
  !b || a.parts.length < b.parts.length || (a.parts.length === b.parts.length && a.glue < b.glue);

/** A part as a reader would type it alone: "betriebs" → "betrieb" where that is a word. */
function base(part: string, lexicon: Lexicon): string {
  if (lexicon.get(part) === Role.Word) return part;
  for (const link of LINKS) {
    const stem = part.slice(0, -link.length);
    if (part.endsWith(link) && lexicon.get(stem) === Role.Word) return stem;
  }
  return part;
}

/**
 * The parts of a German compound as base forms ("gastbetriebssystem" → gast, betrieb,
 * system), or [] when the word is not a compound of lexicon words. `word` is lower case,
 * letters only.
 */
export function splitCompound(word: string, lexicon: Lexicon): string[] {
  const memo = new Map<number, Cover | null>();
  /** Best cover of word.slice(at), or null. */
  const cover = (at: number): Cover | null => {
    const known = memo.get(at);
    if (known !== undefined) return known;
    let best: Cover | undefined;
    for (let end = word.length; end >= at + MIN_PART; end--) {
      const part = word.slice(at, end);
      const role = lexicon.get(part);
      if (!role) continue;
      // The last part: a word of its own, perhaps with an ending.
      if (role === Role.Word && !NOT_LAST.has(part)) {
        const ending = word.slice(end);
        if (ending === '' || ENDINGS.includes(ending)) {
          const c = { parts: [part], glue: ending.length };
          if (better(c, best)) best = c;
        }
      }
      // A part followed by the rest, directly or after a linking letter.
      for (const link of ['', ...LINKS]) {
        if (!word.startsWith(link, end)) continue;
        const rest = cover(end + link.length);
        if (!rest) continue;
        const c = { parts: [part + link, ...rest.parts], glue: link.length + rest.glue };
        if (better(c, best)) best = c;
      }
    }
    memo.set(at, best ?? null);
    return best ?? null;
  };
  const found = cover(0);
  return found && found.parts.length > 1 ? found.parts.map((p) => base(p, lexicon)) : [];
}

/**
 * The words a compound should also be found by: its parts and the shorter compounds that
 * end it ("gastbetriebssystem" → gast, betrieb, system, betriebssystem), never itself.
 * As in Koehn and Knight's corpus-based splitting, a split counts only when its last part
 * is attested on its own in the corpus (here: the site), which keeps names and
 * derivations whole (Goldberg ≠ gold + berg, Leserinnen ≠ lese + rinnen).
 */
export function compoundKeywords(
  word: string,
  lexicon: Lexicon,
  attested: (part: string) => boolean = () => true,
): string[] {
  const parts = splitCompound(word, lexicon);
  if (!attested(parts.at(-1) ?? '')) return [];
  const out = new Set(parts);
  for (let i = 1; i < parts.length - 1; i++) {
    const at = word.indexOf(parts[i] ?? '', 1);
    if (at > 0) out.add(word.slice(at));
  }
  out.delete(word);
  return [...out];
}

/** Is this word, as written in running text, one to split (a noun, not hyphenated)? */
export const splittable = (written: string) => /^\p{Lu}\p{Ll}{7,}$/u.test(written);
