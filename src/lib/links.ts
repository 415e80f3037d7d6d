// The Astro side of urls.ts: the same helpers with this build's `base` filled in.
// Every internal link in components goes through here.
import { isLang, type Lang } from '../i18n/ui.ts';
import { joinBase, langFromPath, pagePath } from './urls.ts';

const BASE = import.meta.env.BASE_URL;

/** A site-relative path (`favicon.svg`, `de/`) as an absolute path under `base`. */
export function href(path: string): string {
  return joinBase(BASE, path);
}

/** The path of a topic page, optionally with a `#fragment`. */
export function pageHref(lang: Lang, slug: string, hash = ''): string {
  return pagePath(BASE, lang, slug, hash);
}

/** The language of the page being rendered, from its URL; throws where there is none. */
export function langOf(url: URL, component: string): Lang {
  const lang = langFromPath(BASE, url.pathname);
  if (!isLang(lang)) {
    throw new Error(`${component}: used on ${url.pathname}, which is not under /de/ or /en/`);
  }
  return lang;
}
