// What search tests share: the query table per language, how to open the dialog, and how
// to read the results a reader sees (pages, each followed by its sections).
import type { Locator, Page } from '@playwright/test';
import table from '../search-queries.json' with { type: 'json' };

export type Lang = 'de' | 'en';
export interface Query {
  q: string;
  /** Slug of the page that must be among the first three results ('' for the start page). */
  page: string;
  /** Heading id of the section the page's result must link to ('' for the page itself). */
  section: string;
  kind: string;
}

/** The query table (tests/search-queries.json): what readers type, and where it must lead. */
export const QUERIES: Record<Lang, Query[]> = { de: table.de, en: table.en };

export const modal = (page: Page) => page.getByRole('dialog');
export const modalInput = (page: Page) => modal(page).getByRole('combobox');

/** Links of the results in order, one array per page: [page link, section links…] (paths with #hash). */
export function resultLinks(scope: Locator): Promise<string[][]> {
  return scope.locator('[role="option"]').evaluateAll((options) => {
    const pages: string[][] = [];
    for (const option of options) {
      const url = new URL((option as HTMLAnchorElement).href);
      const link = decodeURIComponent(url.pathname + url.hash);
      if (option.getAttribute('data-kind') === 'page' || pages.length === 0) pages.push([link]);
      else pages.at(-1)?.push(link);
    }
    return pages;
  });
}

/** The links of the first three result pages. */
export const topThree = async (scope: Locator) => (await resultLinks(scope)).slice(0, 3);

/** Where `query` expects to lead: the page path and the link that must be listed with it. */
export function target(lang: Lang, query: Query): { path: string; link: string } {
  const path = `/${lang}/${query.page ? `${query.page}/` : ''}`;
  return { path, link: query.section ? `${path}#${query.section}` : path };
}

/** Rank (1-based) of the first result page that lists the expected link, 0 if none. */
export function rankOf(results: string[][], lang: Lang, query: Query): number {
  const { link } = target(lang, query);
  return results.findIndex((links) => links.includes(link)) + 1;
}
