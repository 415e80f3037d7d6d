// The service worker of the offline copy, bundled by the build into `<base>sw.js`
// (src/lib/offline-build.ts) with its deployment's settings in OFFLINE. It is registered
// only when a reader keeps a language (src/components/course/offline/offline-copy.ts), and
// then serves every page of the site under the base:
// - pages and every other file without a hash in its name: network first, the cache when
//   the network fails or takes longer than a few seconds (a hall's Wi-Fi that hangs);
// - hashed files (`_astro/`, Pagefind's chunks), which never change: cache first.
// A new deployment has a new version, so a new sw.js: the browser installs it on the next
// visit; it fetches the kept languages anew into the new version's cache (copying files
// whose revision did not change), takes over at once and deletes the older caches. If that
// fails (the network went away), the old worker and its complete copy stay.
import { clientsClaim, copyResponse } from 'workbox-core';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { cacheName, cachePrefix, listingUrl, type Listing } from '../lib/offline.ts';

/** Written in by the build (esbuild `define`). */
declare const OFFLINE: { base: string; version: string; langs: string[]; hashed: string[] };

// The parts of the worker's global scope used here (the project's types are the page's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface MessageEventLike extends ExtendableEvent {
  data: unknown;
  ports: readonly MessagePort[];
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', fn: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'message', fn: (event: MessageEventLike) => void): void;
}
const scope = self as unknown as WorkerScope;

const { base, version, langs, hashed } = OFFLINE;
const CACHE = cacheName(base, version);
const PREFIX = cachePrefix(base);

/** Reports bytes done of the total while a language is fetched. */
type Progress = (done: number, total: number) => void;

/** What the older caches of this site hold: their files by URL, and the kept languages. */
interface OldCopies {
  /** Each file's revision and the cache it is in. */
  files: Map<string, { rev: string; cache: string }>;
  /** The languages a reader kept: those whose listing one of them holds. */
  kept: string[];
}

/** Reads the older caches' listings, once for an install or a request. */
async function oldCopies(): Promise<OldCopies> {
  const files: OldCopies['files'] = new Map();
  const kept = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    for (const lang of langs) {
      const listing = (await (await old.match(listingUrl(base, lang)))?.json()) as
        Listing | undefined;
      if (!listing) continue;
      kept.add(lang);
      for (const [url, , rev] of listing.files) files.set(url, { rev, cache: name });
    }
  }
  return { files, kept: [...kept] };
}

/**
 * Fetches every file of `lang`'s copy into this version's cache, a few at a time, and its
 * listing last: a listing in the cache means the copy is complete. Throws on any failure.
 */
async function keep(
  lang: string,
  old: OldCopies['files'],
  progress: Progress = () => {},
): Promise<void> {
  const response = await fetch(listingUrl(base, lang), { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${listingUrl(base, lang)}: ${response.status}`);
  const listing = (await response.clone().json()) as Listing;
  // A newer deployment than this worker: its own worker will fetch it.
  if (listing.v !== version) throw new Error('a newer version is being installed');
  const store = await caches.open(CACHE);
  const queue = [...listing.files];
  let done = 0;
  const next = async (): Promise<void> => {
    const file = queue.shift();
    if (!file) return;
    const [url, bytes, rev] = file;
    const before = old.get(url);
    let copy = before?.rev === rev ? await caches.match(url, { cacheName: before.cache }) : null;
    if (!copy) {
      const fresh = await fetch(url, { cache: 'no-cache' });
      if (!fresh.ok) throw new Error(`${url}: ${fresh.status}`);
      // A page reached through a redirect must not be answered as one (browsers refuse it).
      copy = fresh.redirected ? await copyResponse(fresh) : fresh;
    }
    await store.put(url, copy);
    progress((done += bytes), listing.bytes);
    return next();
  };
  await Promise.all([next(), next(), next(), next()]);
  await store.put(listingUrl(base, lang), response);
}

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const { files, kept } = await oldCopies();
      for (const lang of kept) await keep(lang, files);
      await scope.skipWaiting();
    })(),
  );
});

clientsClaim();
scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    })(),
  );
});

// The control asks for a language with `{ keep: lang }` and a port for the progress.
scope.addEventListener('message', (event) => {
  const lang = (event.data as { keep?: unknown } | null)?.keep;
  const port = event.ports[0];
  if (!port || typeof lang !== 'string' || !langs.includes(lang)) return;
  event.waitUntil(
    oldCopies()
      .then(({ files }) => keep(lang, files, (done, total) => port.postMessage({ done, total })))
      .then(
        () => port.postMessage({ ok: true }),
        (error: unknown) => port.postMessage({ error: String(error) }),
      ),
  );
});

const here = (url: URL) => url.origin === scope.location.origin && url.pathname.startsWith(base);
const listings = new Set(langs.map((lang) => listingUrl(base, lang)));

registerRoute(
  ({ url }) => here(url) && hashed.some((dir) => url.pathname.startsWith(base + dir)),
  new CacheFirst({ cacheName: CACHE }),
);
// Listings go to the network only: one in the cache marks a kept language.
registerRoute(
  ({ url }) => here(url) && !listings.has(url.pathname),
  new NetworkFirst({
    cacheName: CACHE,
    networkTimeoutSeconds: 5,
    // `?q=` on the search page, `?pagefind-highlight=` after a result: the same page.
    matchOptions: { ignoreSearch: true },
  }),
);

const escape = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

// Offline, a page that is not in the copy (the other language, say) gets a short page that
// says so and leads to the kept start page, not the browser's error. In the language of
// the page asked for where that one is kept, else of a kept one.
setCatchHandler(async ({ request, url }) => {
  if (request.mode !== 'navigate') return Response.error();
  const store = await caches.open(CACHE);
  const asked = langs.find((lang) => url.pathname.startsWith(`${base}${lang}/`));
  for (const lang of asked ? [asked, ...langs] : langs) {
    const listing = (await (await store.match(listingUrl(base, lang)))?.json()) as
      Listing | undefined;
    if (!listing) continue;
    const say = (key: string) => escape(listing.text[key] ?? '');
    const html = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${say('missingTitle')}</title><main style="max-width:36rem;margin:3rem auto;padding:0 1rem;font:1.125rem/1.6 system-ui,sans-serif"><h1>${say('missingTitle')}</h1><p>${say('missing')}</p><p><a href="${base}${lang}/">${say('missingLink')}</a></p></main></html>`;
    return new Response(html, {
      status: 503,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Made here, so no server sends its policy: no script, nothing loaded, its one style.
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      },
    });
  }
  return Response.error();
});
