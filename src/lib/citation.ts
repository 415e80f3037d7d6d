// Citations of a page of this site and of the article it retells, in APA style, as plain
// text and as BibTeX. Pure functions: the components pass in titles, URLs and dates.
import type { Lang } from '../i18n/ui.ts';
import { article } from './article.ts';
import { inLang } from './lang-parts.ts';

/** The date this build stands for: SOURCE_DATE_EPOCH (reproducible builds) or now. */
export function buildDate(env: Record<string, string | undefined> = process.env): Date {
  const epoch = Number(env['SOURCE_DATE_EPOCH']);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date();
}

/** Escapes the characters BibTeX treats specially in a field value. */
export function bibEscape(value: string): string {
  return value.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');
}

/** A BibTeX entry from its type, key and fields (in the given order). */
export function bibtex(type: string, key: string, fields: [string, string][]): string {
  const width = Math.max(...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `  ${name.padEnd(width)} = {${value}}`);
  return `@${type}{${key},\n${lines.join(',\n')}\n}`;
}

/**
 * One citation in the three forms the site offers. In APA and plain text, words in another
 * language than the citation's are marked `[words]{lang=de}` (lib/lang-parts.ts, shown by
 * <Text>); BibTeX gives the language in `langid`.
 */
export interface Citation {
  apa: string;
  plain: string;
  bibtex: string;
}

/** Words that differ per language in a citation. */
export interface CitationLabels {
  /** "Retrieved from" style lead-in before a URL in plain text. */
  online: string;
  /** What kind of document the article is ("Blog post"). */
  blogPost: string;
  /** "Category". */
  category: string;
}

const quote: Record<Lang, (text: string) => string> = {
  de: (text) => `„${text}“`,
  en: (text) => `“${text}”`,
};
const bibLanguage: Record<Lang, string> = { de: 'ngerman', en: 'english' };

/** How to cite one page of this site. */
export function pageCitation(input: {
  lang: Lang;
  siteName: string;
  title: string;
  url: string;
  date: Date;
  labels: CitationLabels;
}): Citation {
  const { lang, siteName, title, url, date, labels } = input;
  const year = String(date.getUTCFullYear());
  const key = `${siteName}-${lang}-${title}`
    .toLowerCase()
    // German transliteration first (erklärt → erklaert), then other accents dropped.
    .replace(/[äöüß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' })[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    apa: `${siteName}. (${year}). ${title}${stopAfter(title)} ${url}`,
    plain: `${siteName}: ${quote[lang](title)} (${year}). ${labels.online} ${url}`,
    bibtex: bibtex('online', key, [
      ['author', `{${bibEscape(siteName)}}`],
      ['title', bibEscape(title)],
      ['year', year],
      ['url', url],
      ['langid', bibLanguage[lang]],
    ]),
  };
}

/** The full stop after a title, unless the title ends in its own (`Virtualisierung?`). */
export const stopAfter = (title: string): string => (/[.?!]$/.test(title.trim()) ? '' : '.');

/** How to cite the article the site retells (it has no URL on record, so none is given). */
export function articleCitation(input: { lang: Lang; labels: CitationLabels }): Citation {
  const { lang, labels } = input;
  const date = new Date(article.date);
  const year = String(date.getUTCFullYear());
  const longDate = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(date);
  const monthDay = new Intl.DateTimeFormat(lang === 'de' ? 'de-DE' : 'en-US', {
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
  // The article's title and category are German, whatever the citation's language.
  const title = inLang(article.title, article.language, lang);
  const category = inLang(article.category, article.language, lang);
  return {
    apa: `${article.author}. (${year}, ${monthDay}). ${title} [${labels.blogPost}]. ${category}.`,
    plain: `${article.author}: ${title}${stopAfter(article.title)} ${labels.blogPost}, ${longDate}. ${labels.category}: ${category}.`,
    bibtex: bibtex('misc', `${article.author}${year}`, [
      ['author', bibEscape(article.author)],
      ['title', bibEscape(article.title)],
      ['year', year],
      ['date', article.date],
      ['howpublished', `${bibEscape(labels.blogPost)}, ${bibEscape(article.category)}`],
      ['langid', bibLanguage[article.language]],
    ]),
  };
}
