// Words as both search engines see them: lower case, diacritics kept for German stems,
// split at everything that is not a letter or digit. Stemming is Snowball's (the family of
// stemmers Pagefind uses), from @orama/stemmers, so the fallback engine and the build agree
// with Pagefind on "Treibern" = "Treiber" and "drivers" = "driver".
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as english } from '@orama/stemmers/english';

/** Lower case, ß kept (the German stemmer knows it). */
export const lower = (text: string) => text.toLocaleLowerCase('de');

/** The words of a text as written (case kept), letters and digits only. */
export const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** The Snowball stem of a lower-case word in the site's language. */
export function stem(lang: string, word: string): string {
  return lang === 'de' ? german(word) : english(word);
}

/** Lower case, no diacritics, ß as ss: how typed words are compared ("Gerät" ≈ "gerat"). */
export function fold(text: string): string {
  return lower(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}
