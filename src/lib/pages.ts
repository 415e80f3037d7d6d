// Topic pages: how a content entry id (`de/architecture`) maps to language, slug and
// reading order.
import { isLang, type Lang } from '../i18n/ui.ts';

/** What every page entry carries that navigation needs. */
export interface PageInfo {
  id: string;
  data: { title: string; navLabel?: string | undefined; order: number; listed?: boolean };
}

/** Splits an entry id like `en/io-drivers` into language and slug; throws on anything else. */
export function splitId(id: string): { lang: Lang; slug: string } {
  const [lang, slug, ...rest] = id.split('/');
  if (!isLang(lang) || !slug || rest.length > 0) {
    throw new Error(`pages: entry id "${id}" must look like "<de|en>/<slug>"`);
  }
  return { lang, slug };
}

/** The listed pages of one language in reading order (unlisted ones are left out). */
export function inReadingOrder<T extends PageInfo>(pages: readonly T[], lang: Lang): T[] {
  return pages
    .filter((page) => splitId(page.id).lang === lang && page.data.listed !== false)
    .sort((a, b) => a.data.order - b.data.order);
}

/** The previous and next page around `id` in its language's reading order. */
export function neighbours<T extends PageInfo>(
  pages: readonly T[],
  id: string,
): { prev: T | undefined; next: T | undefined } {
  const ordered = inReadingOrder(pages, splitId(id).lang);
  const index = ordered.findIndex((page) => page.id === id);
  return { prev: ordered[index - 1], next: index < 0 ? undefined : ordered[index + 1] };
}
