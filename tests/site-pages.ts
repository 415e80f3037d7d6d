// The topic pages a build contains, for tests that visit or measure each one. Taken from the
// content collection (`src/content/pages/<lang>/<slug>.mdx`, the same files the build reads),
// not from sitemap.xml, which a build without SITE_URL leaves out (src/integrations/site-url.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { pagePath } from '../src/lib/urls.ts';

const content = new URL('../src/content/pages/', import.meta.url);

/** The content pages by slug, in reading order: those with self-checks, citations and glossary links. */
export const CONTENT_SLUGS = [
  'start',
  'architecture',
  'io-drivers',
  'advantages',
  'disadvantages',
  'vendors',
  'comparison',
];

/** A topic's path as served at base `/`: `/de/architecture/`, and `/de/` for the start page. */
export const topicPath = (lang: 'de' | 'en', slug: string): string => pagePath('/', lang, slug);

export interface TopicPage {
  /** Path as served at base `/`, e.g. `/de/architecture/` (the start page is `/de/`). */
  path: string;
  lang: 'de' | 'en';
  slug: string;
}

/** Every topic page of both languages, sorted by path. */
export function topicPages(): TopicPage[] {
  return (['de', 'en'] as const)
    .flatMap((lang) =>
      readdirSync(new URL(`${lang}/`, content))
        .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
        .map((name) => {
          const slug = name.slice(0, -'.mdx'.length);
          return { path: topicPath(lang, slug), lang, slug };
        }),
    )
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** The base a built folder was made for (`/`, `/kurs/virtualisierung/`), read from its favicon link. */
export function builtBase(dir: URL | string): string {
  const html = readFileSync(new URL('index.html', dir), 'utf8');
  const icon = /<link rel="icon" href="([^"]*)favicon\.svg"/.exec(html)?.[1];
  if (!icon) throw new Error(`${String(dir)}index.html has no favicon link to read the base from`);
  return icon;
}
