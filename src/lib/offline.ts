// The offline copy, its pure parts: which built files make a language's copy, the listing
// the control reads (sizes first, then what to fetch), the name of the cache a deployment's
// copy lives in, and each language's web app manifest. Used at build time
// (src/lib/offline-build.ts) and, for the names, by the control and the service worker, so
// no Node module may be imported here. How it all works: docs/architecture.md#offline-copy.
import { joinBase } from './urls.ts';

/** The folder (under base) of the listings and manifests. */
export const OFFLINE_DIR = 'offline';
/** The service worker's file, at the base: its scope is the whole site under the base. */
export const WORKER_FILE = 'sw.js';
/** The app icons, rendered once from public/favicon.svg (scripts/icons.ts). */
export const ICONS = [192, 512].map((size) => ({ file: `icon-${size}.png`, size }));

/** One file of a copy: its URL path (a page as its folder, `/de/x/`), bytes and revision. */
export type ListedFile = [url: string, bytes: number, revision: string];

/** What `<base>offline/<lang>.json` holds. */
export interface Listing {
  /** The deployment's version: names its cache, and is baked into its worker. */
  v: string;
  lang: string;
  /** Bytes of all files (uncompressed, as the cache stores them). */
  bytes: number;
  files: ListedFile[];
  /** The control's words in this language (src/i18n, `offline.*`). */
  text: Record<string, string>;
}

/**
 * True when the site-relative `file` belongs in `lang`'s copy: its pages (embeds, search,
 * handout included), every hashed asset (the pages share them), the root page, the
 * not-found page, the icons and manifest, and the search files the dialog loads for that
 * language (Pagefind's script, worker, entry, WebAssembly, metadata and chunks, the
 * highlighter, and the fallback's data file). Not the other language, Pagefind's unused UI
 * bundles, the worker itself, the listings or the server files.
 */
export function inCopy(file: string, lang: string): boolean {
  const pagefind = /^pagefind\/(.+)$/.exec(file)?.[1];
  if (pagefind !== undefined)
    return (
      /^pagefind(?:-worker|-highlight)?\.js$|^pagefind-entry\.json$/.test(pagefind) ||
      pagefind === `wasm.${lang}.pagefind` ||
      pagefind.startsWith(`pagefind.${lang}_`) ||
      new RegExp(`^(?:index|fragment|filter)/${lang}_`).test(pagefind)
    );
  return (
    file.startsWith(`${lang}/`) ||
    file.startsWith('_astro/') ||
    file === `search-fallback/${lang}.js` ||
    file === `${OFFLINE_DIR}/${lang}.webmanifest` ||
    ['index.html', '404.html', 'favicon.svg', ...ICONS.map((i) => i.file)].includes(file)
  );
}

/** The URL path a file is fetched at under `base`: a folder's index.html by its folder. */
export const urlOf = (base: string, file: string): string =>
  joinBase(base, file.replace(/(?:^|(?<=\/))index\.html$/, ''));

/**
 * The deployment's version from every listed file's URL and revision: any change of any
 * file gives a new version, hence a new worker (its text holds the version) and a new cache.
 */
export function versionOf(files: readonly ListedFile[], hash: (text: string) => string): string {
  const lines = [...new Set(files.map(([url, , rev]) => `${url} ${rev}`))].sort();
  return hash(lines.join('\n')).slice(0, 12);
}

/** Every cache of the copy under `base` starts so (other sites on the origin have others). */
export const cachePrefix = (base: string): string => `offline ${joinBase(base, '')} `;

/** The cache a deployment's copy lives in. */
export const cacheName = (base: string, version: string): string => cachePrefix(base) + version;

/** The listing's URL path for `lang`. */
export const listingUrl = (base: string, lang: string): string =>
  joinBase(base, `${OFFLINE_DIR}/${lang}.json`);

/** A language's web app manifest: installable, opening at that language's start page. */
export function webManifest(
  base: string,
  lang: string,
  text: { name: string; short: string; description: string },
): Record<string, unknown> {
  const start = joinBase(base, `${lang}/`);
  return {
    id: start,
    name: text.name,
    short_name: text.short,
    description: text.description,
    lang,
    start_url: start,
    scope: start,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1d5fb8',
    icons: [
      { src: joinBase(base, 'favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
      ...ICONS.map(({ file, size }) => ({
        src: joinBase(base, file),
        sizes: `${size}x${size}`,
        type: 'image/png',
      })),
    ],
  };
}

/** A byte count as readers read it: "1.4 MB", "820 KB" (in the page's language). */
export function formatBytes(bytes: number, locale: string): string {
  const mb = bytes >= 1_000_000;
  const value = mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000));
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: mb ? 1 : 0 }).format(value);
  return `${number} ${mb ? 'MB' : 'KB'}`;
}
