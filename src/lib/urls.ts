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

/**
 * The address a reader sees for a site path at build time: absolute under `site` (the
 * configured `SITE_URL`) when there is one, otherwise the path itself. The build never
 * guesses an origin; the page puts in its own one when it runs (see {@link liveAddress}).
 */
export function publicUrl(site: URL | string | undefined, path: string): string {
  return site ? new URL(path, site).href : encodePath(path);
}

/**
 * A site path (`/de/x/#kein-umweg-zu-den-geräten`) percent-encoded as in a URL
 * (`…#kein-umweg-zu-den-ger%C3%A4ten`), by the URL API: some course platforms and mail
 * programs break addresses with raw non-ASCII letters in them.
 */
export function encodePath(path: string): string {
  const url = new URL(path, 'http://x');
  return url.pathname + url.search + url.hash;
}

/** What a page knows about where it is: its own address and, if built with one, its canonical link. */
export interface Whereabouts {
  /** `location.protocol` of the page, e.g. `https:` or `file:`. */
  protocol: string;
  /** `location.origin` of the page. */
  origin: string;
  /** The page's `<link rel="canonical">` (absolute, only in builds with `SITE_URL`). */
  canonical?: string | undefined;
}

/**
 * The address of a site path as a reader should copy it, decided when the page runs:
 * served over HTTP(S), the page's own origin (the base is in `path`, as in every link of the
 * page); opened from disk, the published address where the build knew it, else the path.
 * Never a `file:` URL; always percent-encoded.
 */
export function liveAddress(path: string, where: Whereabouts): string {
  if (/^https?:$/.test(where.protocol)) return where.origin + encodePath(path);
  return publicUrl(where.canonical, path);
}
