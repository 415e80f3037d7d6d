// The server configuration shipped with the build (run after `npm run build`): every file
// is in dist/, names the search index's types, carries the headers a <meta> CSP cannot,
// keeps embed pages frameable, caches content-hashed files only, and points at a not-found
// page that exists. scripts/test-servers.ts runs the Apache and nginx files on real servers.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  CACHE,
  COMMON_HEADERS,
  EMBED_FRAME_ANCESTORS,
  FRAME_HEADERS,
  MIME_TYPES,
  cacheControl,
  headersFile,
  htaccess,
  isEmbedPath,
  nginxRootSnippet,
  nginxSnippet,
  redirectsFile,
  webConfig,
} from '../../src/lib/server-config.ts';
import { builtBase, topicPages } from '../site-pages.ts';

const dist = new URL('../../dist/', import.meta.url);
const read = (name: string) => {
  const file = new URL(name, dist);
  assert.ok(existsSync(file), `dist/${name} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
};
const SUB = '/kurs/virtualisierung/';
const PAGEFIND = ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment'];

/** The headers Netlify or Cloudflare Pages send for `path` under a `_headers` file (all matching rules added up). */
function headersFor(file: string, path: string): Record<string, string[]> {
  const rules = file
    .split(/\n\n+/)
    .map((block) => block.split('\n').filter((line) => line && !line.startsWith('#')))
    .filter((lines) => lines.length > 0);
  const sent: Record<string, string[]> = {};
  for (const [pattern = '', ...lines] of rules) {
    const re = new RegExp(
      `^${pattern
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/:\w+/g, '[^/]+')}$`,
    );
    if (!re.test(path)) continue;
    for (const line of lines) {
      const [name = '', value = ''] = line.trim().split(/:\s(.*)/);
      (sent[name] ??= []).push(value);
    }
  }
  return sent;
}

describe('server configuration in dist/', () => {
  const base = existsSync(new URL('index.html', dist)) ? builtBase(dist) : '/';

  test('the search index extensions have their MIME types; no mapping for files that do not exist', () => {
    for (const ext of PAGEFIND) assert.equal(MIME_TYPES[ext], 'application/octet-stream');
    assert.ok(!('.wasm' in MIME_TYPES), 'Pagefind ships its WebAssembly as wasm.<lang>.pagefind');
  });

  for (const name of ['_headers', '.htaccess', 'web.config']) {
    test(`${name} sends the headers a <meta> policy cannot carry, and both caching rules`, () => {
      const text = read(name);
      for (const [header, value] of Object.entries({ ...COMMON_HEADERS, ...FRAME_HEADERS })) {
        assert.ok(text.includes(header), `${name}: no ${header}`);
        assert.ok(text.includes(value), `${name}: ${header} is not "${value}"`);
      }
      assert.ok(text.includes(EMBED_FRAME_ANCESTORS), `${name}: no rule for embed pages`);
      assert.match(text, /immutable/, `${name}: content-hashed files are not cached`);
      assert.ok(
        text.includes(CACHE.revalidate) || text.includes('DisableCache'),
        `${name}: pages are not revalidated`,
      );
    });
  }

  test('.htaccess: 404 page that exists, headers that fail loudly and replace server-wide ones', () => {
    const text = read('.htaccess');
    for (const [ext, type] of Object.entries(MIME_TYPES))
      assert.ok(text.includes(`AddType ${type} ${ext}`), `.htaccess: no AddType for ${ext}`);
    const notFound = /^ErrorDocument 404 (\S+)$/m.exec(text)?.[1] ?? '';
    assert.ok(notFound.startsWith(base));
    assert.ok(existsSync(new URL(notFound.slice(base.length), dist)), `${notFound} is not in dist`);
    assert.doesNotMatch(
      text,
      /<IfModule mod_headers/,
      'headers must not vanish without mod_headers',
    );
    for (const header of Object.keys({ ...COMMON_HEADERS, ...FRAME_HEADERS }))
      assert.match(text, new RegExp(`^Header unset ${header}$`, 'm'), `${header}: not replaced`);
    const embed = new RegExp(/SetEnvIf Request_URI "([^"]+)" EMBED_PAGE/.exec(text)?.[1] ?? '^$');
    assert.match(`${base}de/embed/io-path/`, embed);
    assert.doesNotMatch(`${base}de/architecture/`, embed);
    const hidden = new RegExp(/RedirectMatch 404 "([^"]+)"/.exec(text)?.[1] ?? '^$');
    for (const file of ['web.config', '_headers', '_redirects']) assert.match(base + file, hidden);
    assert.doesNotMatch(`${base}de/`, hidden);
  });

  test('web.config: MIME types removed before they are added, no locked section, embed rule', () => {
    const text = read('web.config');
    for (const [ext, type] of Object.entries({ ...MIME_TYPES, '.json': 'application/json' }))
      assert.ok(
        text.includes(
          `<remove fileExtension="${ext}" />\n      <mimeMap fileExtension="${ext}" mimeType="${type}" />`,
        ),
        `web.config: no <remove> + mimeMap for ${ext}`,
      );
    const live = text.replace(/<!--[^]*?-->/g, '');
    assert.doesNotMatch(live, /<httpErrors/, '<httpErrors> is locked on most IIS servers');
    assert.match(text, /appcmd\.exe unlock config -section:system\.webServer\/httpErrors/);
    for (const lang of ['de', 'en'])
      assert.match(
        live,
        new RegExp(`<location path="${lang}/embed">[^]*?<remove name="X-Frame-Options" />`),
      );
  });

  test('_headers frames every topic page but no embed page to this origin', () => {
    const text = read('_headers');
    for (const { path } of topicPages()) {
      const sent = headersFor(text, base + path.slice(1));
      assert.deepEqual(
        sent['Content-Security-Policy'],
        [FRAME_HEADERS['Content-Security-Policy']],
        path,
      );
      assert.deepEqual(sent['X-Frame-Options'], ['SAMEORIGIN'], path);
      assert.deepEqual(sent['X-Content-Type-Options'], ['nosniff'], path);
    }
    const embed = headersFor(text, `${base}en/embed/io-path/`);
    assert.deepEqual(embed['Content-Security-Policy'], [EMBED_FRAME_ANCESTORS]);
    assert.equal(embed['X-Frame-Options'], undefined);
    assert.deepEqual(headersFor(text, `${base}_astro/x.1a2b.js`)['Cache-Control'], [
      CACHE.immutable,
    ]);
  });
});

describe('server configuration at scale and under a sub-path', () => {
  test('_headers keeps a fixed, small number of rules for the 5,000-page scale run', () => {
    // The scale benchmark adds 5,000 generated pages, half German, half English.
    const pages = Array.from({ length: 5000 }, (_, i) => `${i % 2 ? 'en' : 'de'}/scale-${i}/`);
    for (const base of ['/', SUB]) {
      const text = headersFile(base);
      const rules = text.split('\n').filter((line) => line.startsWith('/'));
      assert.ok(rules.length <= 100, `${rules.length} rules: Cloudflare Pages allows 100`);
      for (const page of pages.filter((_, i) => i % 97 === 0))
        assert.deepEqual(headersFor(text, base + page)['X-Frame-Options'], ['SAMEORIGIN'], page);
    }
  });

  test('the 404 page, the embed pattern and the redirects carry the base', () => {
    assert.match(htaccess(SUB), /^ErrorDocument 404 \/kurs\/virtualisierung\/404\.html$/m);
    assert.match(webConfig(SUB), /path="\/kurs\/virtualisierung\/404\.html"/);
    const nginx = nginxSnippet(SUB, '/srv/www');
    assert.match(nginx, /error_page 404 \/kurs\/virtualisierung\/404\.html;/);
    assert.match(nginx, /^location \/kurs\/virtualisierung\/ \{$/m);
    assert.match(
      nginx,
      /^location = \/kurs\/virtualisierung \{\n {4}return 301 \/kurs\/virtualisierung\/;/m,
    );
    assert.match(headersFile(SUB), /^\/kurs\/virtualisierung\/:lang\/:page\/$/m);
    assert.equal(redirectsFile('/'), undefined);
    assert.match(
      redirectsFile(SUB) ?? '',
      /^\/kurs\/virtualisierung\/\* \/kurs\/virtualisierung\/404\.html 404$/m,
    );
  });

  test('nginx repeats the server block headers it would drop', () => {
    const nginx = nginxSnippet(SUB, '/srv/www', {
      repeat: { 'Strict-Transport-Security': 'max-age=60' },
    });
    assert.match(nginx, /add_header Strict-Transport-Security "max-age=60" always;/);
    assert.doesNotMatch(nginxRootSnippet('/srv/www'), /^location \/ /m);
  });

  test('embed pages and content-hashed files are told apart from the others', () => {
    assert.equal(isEmbedPath(SUB, '/kurs/virtualisierung/en/embed/io-path/'), true);
    assert.equal(isEmbedPath(SUB, '/kurs/virtualisierung/en/architecture/'), false);
    assert.equal(isEmbedPath(SUB, '/en/embed/io-path/'), false);
    assert.equal(isEmbedPath('/', '/en/embed/io-path/'), true);
    assert.equal(cacheControl(SUB, `${SUB}_astro/a.1234.css`), CACHE.immutable);
    assert.equal(cacheControl(SUB, `${SUB}pagefind/pagefind-entry.json`), CACHE.revalidate);
    assert.equal(cacheControl(SUB, `${SUB}en/`), CACHE.revalidate);
  });
});

test('the README shows the nginx snippets the code makes', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(
    readme.includes(nginxRootSnippet('/srv/www/virtualisierung')),
    'README: the nginx root snippet is out of date; paste nginxRootSnippet() output',
  );
  assert.ok(
    readme.includes(
      nginxSnippet(SUB, '/srv/www/virtualisierung', {
        repeat: { 'Strict-Transport-Security': 'max-age=31536000' },
      }),
    ),
    'README: the nginx sub-path snippet is out of date; paste nginxSnippet() output',
  );
});
