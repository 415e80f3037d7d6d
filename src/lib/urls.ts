// Every internal URL of the site is made here, so the site works under any `base`
// (a domain root, /kurs/virtualisierung/, …). Pure functions: `base` is passed in.
import type { Lang } from '../i18n/ui.ts';

/** The slug of each language's start page, which lives at /<lang>/ rather than /<lang>/start/. */
export const START_SLUG = 'start';

/** Joins `base` (with or without slashes) and a site-relative `path` into one absolute path. */
export function joinBase(base: string, path: string): string {
  const head = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return head + path.replace(/^\/+/, '');
}

/** The path of a topic page in a language, e.g. `/en/architecture/`, under `base`. */
export function pagePath(base: string, lang: Lang, slug: string, hash = ''): string {
  const rest = slug === START_SLUG ? '' : `${slug}/`;
  return joinBase(base, `${lang}/${rest}`) + (hash ? `#${hash.replace(/^#/, '')}` : '');
}

/** Reads the language from a pathname under `base` (`/base/de/x/` → `de`), or undefined. */
export function langFromPath(base: string, pathname: string): string | undefined {
  const root = joinBase(base, '');
  if (!pathname.startsWith(root)) return undefined;
  return pathname.slice(root.length).split('/')[0] || undefined;
}
