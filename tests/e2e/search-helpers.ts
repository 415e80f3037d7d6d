// What search tests share: the query table per language and how to read the results.
import type { Locator, Page } from '@playwright/test';

export type Lang = 'de' | 'en';
export interface Query {
  q: string;
  /** Slug of the page that must be among the first three results. */
  page: string;
}

/**
 * The query table. German compounds (checked against Pagefind 1.6): a compound the page
 * spells out is found by its whole form and by its first part (prefix matching), but not
 * by a later part ("system" does not find "Gastbetriebssystem"). Where a page says a
 * compound in other words ("Aufwand bei der Installation"), the build adds the compound
 * to that section's index entry, so "Installationsaufwand" finds the disadvantages page.
 */
export const QUERIES: Record<Lang, Query[]> = {
  de: [
    { q: 'Treiber', page: 'io-drivers' },
    { q: 'Echtzeit', page: 'advantages' },
    { q: 'Installationsaufwand', page: 'disadvantages' },
    { q: 'ESXi', page: 'vendors' },
    { q: 'Virtuozzo', page: 'vendors' },
    { q: 'Hypervisor', page: 'glossary' },
    { q: 'Echtzeitbetriebssystem', page: 'advantages' },
    { q: 'Gastbetriebssystem', page: 'glossary' },
    { q: 'Plattformtreiber', page: 'comparison' },
    { q: 'Host-Betriebssystem', page: 'architecture' },
  ],
  en: [
    { q: 'driver', page: 'io-drivers' },
    { q: 'real-time', page: 'advantages' },
    { q: 'installation', page: 'disadvantages' },
    { q: 'ESXi', page: 'vendors' },
    { q: 'Virtuozzo', page: 'vendors' },
    { q: 'hypervisor', page: 'glossary' },
  ],
};

export const modal = (page: Page) => page.locator('pagefind-modal dialog');
export const modalInput = (page: Page) => page.locator('pagefind-modal input');

/** The links of the first three results, one array per result. */
export function topThree(scope: Locator): Promise<string[][]> {
  return scope
    .locator('.pf-result')
    .evaluateAll((items) =>
      items
        .slice(0, 3)
        .map((item) =>
          [...item.querySelectorAll('a')].map(
            (a) => new URL(a.href).pathname + new URL(a.href).hash,
          ),
        ),
    );
}
