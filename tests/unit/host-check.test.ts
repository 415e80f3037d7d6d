// The hosting check (src/lib/host-check.ts) against a host made here in memory: the built site
// (run after `npm run build`) served the way docs/hosting.md asks, then with one mistake at a time.
// Each mistake must fail in its own area and nowhere else. scripts/test-servers.ts runs the
// same check against real Apache and nginx setups.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, test } from 'node:test';
import { checkHost, formatTable, type Fetcher } from '../../src/lib/host-check.ts';
import {
  COMMON_HEADERS,
  EMBED_FRAME_ANCESTORS,
  FRAME_HEADERS,
  cacheControl,
  isEmbedPath,
} from '../../src/lib/server-config.ts';

const dist = new URL('../../dist/', import.meta.url);

/** What the host in memory does wrong. */
interface Mistakes {
  noHeaders?: boolean;
  listings?: boolean;
  configServed?: boolean;
  soft404?: boolean;
  redirectElsewhere?: boolean;
  immutablePages?: boolean;
  scriptAsText?: boolean;
  manifestAsJson?: boolean;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css',
  js: 'text/javascript',
  json: 'application/json',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
};

/** A host serving dist/ at the root of `origin`, with the given mistakes. */
function host(origin: string, mistakes: Mistakes = {}): Fetcher {
  const file = (path: string) => {
    const url = new URL(`.${path}`, dist);
    return existsSync(url) && statSync(url).isFile() ? readFileSync(url) : undefined;
  };
  return async (input) => {
    const url = new URL(input);
    if (url.origin !== origin) throw new TypeError('fetch failed');
    const path = url.pathname;
    const headers = new Headers();
    const respond = (status: number, body: Uint8Array | string, type?: string) => {
      if (type) headers.set('content-type', type);
      if (!mistakes.noHeaders) {
        for (const [name, value] of Object.entries(COMMON_HEADERS)) headers.set(name, value);
        const embed = isEmbedPath('/', path);
        headers.set(
          'content-security-policy',
          embed ? EMBED_FRAME_ANCESTORS : (FRAME_HEADERS['Content-Security-Policy'] ?? ''),
        );
        if (!embed) headers.set('x-frame-options', FRAME_HEADERS['X-Frame-Options'] ?? '');
        const html = type?.startsWith('text/html');
        headers.set(
          'cache-control',
          mistakes.immutablePages && html ? 'max-age=31536000, immutable' : cacheControl('/', path),
        );
        if (/^(text|application\/json)/.test(type ?? '')) headers.set('content-encoding', 'gzip');
      }
      return new Response(new Uint8Array(Buffer.from(body)), { status, headers });
    };
    const name = path.split('/').at(-1) ?? '';
    if (['.htaccess', 'web.config', '_headers', '_redirects'].includes(name)) {
      const body = file(path);
      if (mistakes.configServed && body) return respond(200, body, 'text/plain');
    } else if (path.endsWith('/')) {
      const index = file(`${path}index.html`);
      if (index) return respond(200, index, TYPES['html']);
      if (existsSync(new URL(`.${path}`, dist)))
        return mistakes.listings
          ? respond(200, `<html><title>Index of ${path}</title>`, TYPES['html'])
          : respond(403, 'Forbidden', 'text/html');
    } else if (file(`${path}/index.html`)) {
      headers.set(
        'location',
        mistakes.redirectElsewhere ? `http://other.example:8080${path}/` : `${path}/`,
      );
      return respond(301, '');
    } else {
      const body = file(path);
      const ext = name.split('.').at(-1) ?? '';
      const type =
        ext === 'js' && mistakes.scriptAsText
          ? 'text/plain'
          : ext === 'webmanifest' && mistakes.manifestAsJson
            ? 'application/json'
            : (TYPES[ext] ?? 'application/octet-stream');
      if (body) return respond(200, body, type);
    }
    const notFound = file('/404.html') ?? '';
    return respond(mistakes.soft404 ? 200 : 404, notFound, TYPES['html']);
  };
}

const failed = async (url: string, fetcher: Fetcher) =>
  (await checkHost(url, fetcher)).filter((r) => r.verdict === 'fail').map((r) => r.area);

describe('the hosting check', { skip: !existsSync(new URL('index.html', dist)) }, () => {
  test('a host set up as docs/hosting.md says passes; plain HTTP is a warning on this machine only', async () => {
    const local = 'http://127.0.0.1:8080';
    const rows = await checkHost(`${local}/`, host(local));
    assert.deepEqual(
      rows.filter((r) => r.verdict !== 'ok').map((r) => `${r.area}: ${r.verdict}`),
      ['HTTPS: warn'],
      formatTable(rows),
    );
    assert.deepEqual(await failed('https://www.example.org/', host('https://www.example.org')), []);
    assert.deepEqual(await failed('http://www.example.org/', host('http://www.example.org')), [
      'HTTPS',
    ]);
  });

  const cases: [keyof Mistakes, string[]][] = [
    ['noHeaders', ['security headers']],
    ['listings', ['directory listings']],
    ['configServed', ['config files']],
    ['soft404', ['404 status']],
    ['redirectElsewhere', ['redirects']],
    ['immutablePages', ['caching: pages']],
    ['scriptAsText', ['MIME types: pages, assets', 'MIME types: search', 'offline copy']],
  ];
  for (const [mistake, areas] of cases)
    test(`${mistake} fails in ${areas.join(' and ')}, and nowhere else`, async () => {
      const origin = 'https://www.example.org';
      assert.deepEqual(await failed(`${origin}/`, host(origin, { [mistake]: true })), areas);
    });

  test('a canonical link naming another address is a warning (a wrong SITE_URL)', async () => {
    const origin = 'https://www.example.org';
    const good = host(origin);
    const canonical =
      (to: string): Fetcher =>
      async (url, init) => {
        const res = await good(url, init);
        const path = new URL(url).pathname;
        if (!res.headers.get('content-type')?.startsWith('text/html') || res.status !== 200)
          return res;
        const html = (await res.text()).replace(
          '<head>',
          `<head><link rel="canonical" href="${to}${path}">`,
        );
        return new Response(html, { status: 200, headers: res.headers });
      };
    const verdict = async (fetcher: Fetcher) =>
      (await checkHost(`${origin}/`, fetcher)).find((r) => r.area === 'canonical address')?.verdict;
    assert.equal(await verdict(good), 'ok');
    assert.equal(await verdict(canonical(origin)), 'ok');
    assert.equal(await verdict(canonical('https://staging.example.org')), 'warn');
  });

  test('a manifest sent as plain JSON is a warning; the offline copy still works', async () => {
    const origin = 'https://www.example.org';
    const rows = await checkHost(`${origin}/`, host(origin, { manifestAsJson: true }));
    const offline = rows.find((r) => r.area === 'offline copy');
    assert.equal(offline?.verdict, 'warn');
    assert.match(offline?.detail ?? '', /webmanifest: application\/json/);
  });

  test('HTTPS: a site also served over plain HTTP without a redirect is a warning', async () => {
    const secure = host('https://www.example.org');
    const both: Fetcher = (url, init) => secure(url.replace(/^http:/, 'https:'), init);
    const rows = await checkHost('https://www.example.org/', both);
    const https = rows.find((r) => r.area === 'HTTPS');
    assert.equal(https?.verdict, 'warn');
    assert.match(https?.detail ?? '', /without a redirect/);
  });

  test('an unreachable site, or a URL that is not the root of the site, is one failed row', async () => {
    const origin = 'https://www.example.org';
    for (const url of ['https://nowhere.example/', `${origin}/de/architecture/`]) {
      const rows = await checkHost(url, host(origin));
      assert.deepEqual(
        rows.map((r) => [r.area, r.verdict]),
        [['site root', 'fail']],
        url,
      );
    }
  });
});
