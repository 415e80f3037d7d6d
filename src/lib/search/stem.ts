// Snowball stems (the family of stemmers Pagefind uses), from @orama/stemmers, so the
// fallback engine and the build agree with Pagefind on "Treibern" = "Treiber" and "drivers"
// = "driver". A module of its own: the dialog loads it only when a query needs it (the
// fallback engine, or a word that Pagefind's results do not show as typed).
import { stemmer as german } from '@orama/stemmers/german';
import { stemmer as english } from '@orama/stemmers/english';

/** The Snowball stem of a lower-case word in the site's language. */
export function stem(lang: string, word: string): string {
  return lang === 'de' ? german(word) : english(word);
}
