// The offline copy's logic (src/lib/offline.ts, src/lib/offline-build.ts): which files make
// a language's copy, the version that names its cache, the manifests under any base, and
// what the build writes into a folder (run here on a small folder of its own), and the
// built site's files when there is a build.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { writeOffline } from '../../src/lib/offline-build.ts';
import {
  cacheName,
  cachePrefix,
  formatBytes,
  inCopy,
  listingUrl,
  urlOf,
  versionOf,
  webManifest,
  type Listing,
} from '../../src/lib/offline.ts';
import { headersFile, htaccess, webConfig } from '../../src/lib/server-config.ts';

const SUB = '/kurs/virtualisierung/';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('a language copy', () => {
  test('holds its pages, the shared assets, its search files and its manifest, and nothing else', () => {
    const inside = [
      'de/index.html',
      'de/architecture/index.html',
      'de/embed/io-path/index.html',
      '_astro/site.abc.css',
      '_astro/inter-400.x.woff2',
      'index.html',
      '404.html',
      'favicon.svg',
      'icon-192.png',
      'offline/de.webmanifest',
      'search-fallback/de.js',
      'pagefind/pagefind.js',
      'pagefind/pagefind-worker.js',
      'pagefind/pagefind-highlight.js',
      'pagefind/pagefind-entry.json',
      'pagefind/wasm.de.pagefind',
      'pagefind/pagefind.de_3f68b37014.pf_meta',
      'pagefind/index/de_42c199f.pf_index',
      'pagefind/fragment/de_1a2b.pf_fragment',
      'pagefind/filter/de_9f.pf_filter',
    ];
    const outside = [
      'en/index.html',
      'search-fallback/en.js',
      'offline/en.webmanifest',
      'offline/de.json',
      'sw.js',
      'pagefind/wasm.en.pagefind',
      'pagefind/wasm.unknown.pagefind',
      'pagefind/index/en_e811394.pf_index',
      'pagefind/pagefind.en_f02b4d1af3.pf_meta',
      'pagefind/pagefind-ui.js',
      'pagefind/pagefind-component-ui.js',
      '.htaccess',
      'web.config',
      '_headers',
      'robots.txt',
      'sitemap.xml',
      'detail/index.html',
    ];
    for (const file of inside) assert.ok(inCopy(file, 'de'), file);
    for (const file of outside) assert.ok(!inCopy(file, 'de'), file);
  });

  test('files are fetched at their URLs under the base: a folder for its index.html', () => {
    assert.equal(urlOf('/', 'index.html'), '/');
    assert.equal(urlOf('/', 'de/index.html'), '/de/');
    assert.equal(urlOf(SUB, 'de/architecture/index.html'), `${SUB}de/architecture/`);
    assert.equal(urlOf(SUB, '_astro/site.css'), `${SUB}_astro/site.css`);
    assert.equal(urlOf('/', 'pagefind/index.html.x'), '/pagefind/index.html.x');
    assert.equal(listingUrl(SUB, 'en'), `${SUB}offline/en.json`);
  });

  test('the version changes with any revision and with nothing else (not the order)', () => {
    const a: Listing['files'] = [
      ['/de/', 10, 'aaa'],
      ['/_astro/x.css', 20, 'bbb'],
    ];
    const version = versionOf(a, sha);
    assert.match(version, /^[0-9a-f]{12}$/);
    assert.equal(versionOf([...a].reverse(), sha), version);
    // The same file in both languages' listings counts once.
    assert.equal(versionOf([...a, ['/_astro/x.css', 20, 'bbb']], sha), version);
    assert.notEqual(versionOf([a[0] ?? ['', 0, ''], ['/_astro/x.css', 20, 'bbc']], sha), version);
  });

  test("caches are named by the site's base and the version, so other sites on the origin keep theirs", () => {
    assert.equal(cacheName('/', 'abc'), 'offline / abc');
    assert.ok(cacheName(SUB, 'abc').startsWith(cachePrefix(SUB)));
    assert.ok(!cacheName(SUB, 'abc').startsWith(cachePrefix('/')));
  });

  test('sizes read as readers read them, in their language', () => {
    assert.equal(formatBytes(1_074_875, 'en'), '1.1 MB');
    assert.equal(formatBytes(1_074_875, 'de'), '1,1 MB');
    assert.equal(formatBytes(820_400, 'en'), '820 KB');
    assert.equal(formatBytes(12, 'de'), '1 KB');
  });
});

describe('the web app manifest', () => {
  test('opens the language start page, scoped to the language, with icons under the base', () => {
    const manifest = webManifest(SUB, 'de', { name: 'N', short: 'S', description: 'D' }) as {
      start_url: string;
      scope: string;
      id: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    assert.equal(manifest.start_url, `${SUB}de/`);
    assert.equal(manifest.scope, `${SUB}de/`);
    assert.equal(manifest.id, `${SUB}de/`);
    for (const icon of manifest.icons) assert.ok(icon.src.startsWith(SUB), icon.src);
    // Chrome wants a PNG of at least 144 px to offer installing.
    assert.ok(manifest.icons.some((i) => i.type === 'image/png' && parseInt(i.sizes) >= 144));
  });

  test('servers send it as application/manifest+json, and revalidate the worker', () => {
    const headers = headersFile(SUB);
    assert.match(
      headers,
      /\/kurs\/virtualisierung\/offline\/de\.webmanifest\n {2}Content-Type: application\/manifest\+json/,
    );
    assert.match(headers, /\/kurs\/virtualisierung\/sw\.js\n {2}Cache-Control: no-cache/);
    assert.ok(htaccess(SUB, []).includes('AddType application/manifest+json .webmanifest'));
    assert.ok(webConfig(SUB).includes('mimeType="application/manifest+json"'));
  });
});

describe('writeOffline on a built folder', () => {
  test('writes manifests, listings with sizes, revisions and words, and a worker that knows its version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-unit-'));
    const put = (file: string, text: string) => {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    };
    try {
      put('index.html', '<!doctype html>root');
      put('de/index.html', '<!doctype html>de');
      put('en/index.html', '<!doctype html>en');
      put('_astro/a.css', 'body{}');
      put('pagefind/wasm.de.pagefind', 'x');
      const { version, langs } = await writeOffline(dir, SUB);
      const listing = JSON.parse(readFileSync(join(dir, 'offline/de.json'), 'utf8')) as Listing;
      assert.equal(listing.v, version);
      assert.deepEqual(listing.files.map(([url]) => url).sort(), [
        `${SUB}`,
        `${SUB}_astro/a.css`,
        `${SUB}de/`,
        `${SUB}offline/de.webmanifest`,
        `${SUB}pagefind/wasm.de.pagefind`,
      ]);
      const [, bytes, rev] = listing.files.find(([url]) => url === `${SUB}de/`) ?? [];
      assert.equal(bytes, '<!doctype html>de'.length);
      assert.equal(rev, sha('<!doctype html>de').slice(0, 10));
      assert.equal(listing.bytes, langs['de']?.bytes);
      assert.match(listing.text['download'] ?? '', /\{size\}/);
      const worker = readFileSync(join(dir, 'sw.js'), 'utf8');
      assert.ok(worker.includes(version), 'the worker names its version');
      assert.ok(worker.includes(SUB), 'the worker knows its base');
      // Another revision of one page: another version, so another worker.
      put('de/index.html', '<!doctype html>de, changed');
      const next = await writeOffline(dir, SUB);
      assert.notEqual(next.version, version);
      assert.ok(readFileSync(join(dir, 'sw.js'), 'utf8').includes(next.version));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const dist = new URL('../../dist/', import.meta.url);
describe('the built site', { skip: !existsSync(new URL('index.html', dist)) }, () => {
  test("pages allow the worker and the manifest from the site's origin only", () => {
    const html = readFileSync(new URL('de/index.html', dist), 'utf8');
    const policy = /http-equiv="content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
    assert.match(policy, /worker-src 'self'/);
    assert.match(policy, /manifest-src 'self'/);
    assert.match(html, /<link rel="manifest" href="[^"]*offline\/de\.webmanifest">/);
  });

  test('the worker and both listings are there, and name one version', () => {
    const worker = readFileSync(new URL('sw.js', dist), 'utf8');
    for (const lang of ['de', 'en']) {
      const listing = JSON.parse(
        readFileSync(new URL(`offline/${lang}.json`, dist), 'utf8'),
      ) as Listing;
      assert.ok(worker.includes(listing.v), lang);
      assert.ok(listing.files.length > 50, `${lang}: ${listing.files.length} files`);
    }
  });
});
