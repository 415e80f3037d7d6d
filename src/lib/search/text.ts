// Words as both search engines see them: lower case, diacritics kept for German stems,
// split at everything that is not a letter or digit. Stems are in stem.ts.

/** Lower case, ß kept (the German stemmer knows it). */
export const lower = (text: string) => text.toLocaleLowerCase('de');

/** The words of a text as written (case kept), letters and digits only. */
export const wordsOf = (text: string) => text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Lower case, no diacritics, ß as ss: how typed words are compared ("Gerät" ≈ "gerat"). */
export function fold(text: string): string {
  return lower(text).normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}
