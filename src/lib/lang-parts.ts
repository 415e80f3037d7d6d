// Words in the other language inside a text from the content (a German page quoting an
// English title, an English citation giving the article's German one), marked as Pandoc
// marks a span: `[Virtual Machine Monitor]{lang=en}`. <Text> renders such a run in an
// element with `lang`, so a screen reader speaks it in its own language (WCAG 3.1.2).
import { isLang, type Lang } from '../i18n/ui.ts';

/** One run of a text: its words and, when it is in another language, that language. */
export interface LangPart {
  text: string;
  lang?: Lang;
}

const RUN = /\[([^\][]+)\]\{lang=([a-z]+)\}/g;

/** Splits `text` into runs: plain words, and marked runs with their language. */
export function langParts(text: string): LangPart[] {
  const parts: LangPart[] = [];
  let at = 0;
  for (const match of text.matchAll(RUN)) {
    const [whole, words = '', lang] = match;
    if (!isLang(lang)) throw new Error(`"${whole}": lang must be one of the site's languages`);
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: words, lang });
    at = match.index + whole.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}

/** Marks `words` as `lang` when that is not the language of the text around them. */
export const inLang = (words: string, lang: Lang, around: Lang): string =>
  lang === around ? words : `[${words}]{lang=${lang}}`;
