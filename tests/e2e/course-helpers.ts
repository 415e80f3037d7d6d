// What the course-feature checks share: the content pages (those with self-checks, citations
// and glossary links), their paths, and a reader of the BibTeX the site hands out.

import { CONTENT_SLUGS } from '../site-pages.ts';

/** The content pages, by slug, in reading order. */
export const contentPages = CONTENT_SLUGS;
/** The served path of a topic in a language. */
export const pagePath = (lang: string, slug: string) =>
  `/${lang}/${slug === 'start' ? '' : `${slug}/`}`;

/** A tiny BibTeX reader: the entries of a text, each with its type, key and fields. */
export function parseBibtex(
  text: string,
): { type: string; key: string; fields: Record<string, string> }[] {
  const entries = [];
  for (const m of text.matchAll(/@(\w+)\s*\{\s*([^,\s]+)\s*,([\s\S]*?)\n\}/g)) {
    const fields: Record<string, string> = {};
    for (const f of (m[3] ?? '').matchAll(/(\w+)\s*=\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g))
      fields[(f[1] ?? '').toLowerCase()] = (f[2] ?? '').replace(/^\{|\}$/g, '');
    entries.push({ type: (m[1] ?? '').toLowerCase(), key: m[2] ?? '', fields });
  }
  return entries;
}
