// The server configuration shipped with the build (run after `npm run build`): every file
// is in dist/, names every search-index extension with its MIME type, carries the headers a
// <meta> CSP cannot, keeps embed pages frameable, and points at a not-found page that exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  COMMON_HEADERS,
  FRAME_HEADERS,
  MIME_TYPES,
  headersFile,
  htaccess,
  isEmbedPath,
  nginxSnippet,
  webConfig,
} from '../../src/lib/server-config.ts';

const dist = new URL('../../dist/', import.meta.url);
const read = (name: string) => {
  const file = new URL(name, dist);
  assert.ok(existsSync(file), `dist/${name} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
};
const base = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
/** The file in dist/ that a URL path under this build's base names. */
const fileOf = (urlPath: string) => {
  assert.ok(urlPath.startsWith(base), `${urlPath} is not under the base ${base}`);
  return new URL(urlPath.slice(base.length), dist);
};

const PAGEFIND = ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment'];
const files = ['_headers', '.htaccess', 'web.config'] as const;

describe('server configuration in dist/', () => {
  test('the search index extensions have their MIME types', () => {
    for (const ext of [...PAGEFIND, '.wasm'])
      assert.ok(ext in MIME_TYPES, `no MIME type for ${ext}`);
    for (const ext of PAGEFIND) assert.equal(MIME_TYPES[ext], 'application/octet-stream');
    assert.equal(MIME_TYPES['.wasm'], 'application/wasm');
  });

  for (const name of files) {
    test(`${name} names every search index extension`, () => {
      const text = read(name);
      for (const ext of [...PAGEFIND, '.wasm']) assert.match(text, new RegExp(`\\${ext}\\b`));
    });
    test(`${name} sends the headers a <meta> policy cannot carry`, () => {
      const text = read(name);
      for (const [header, value] of Object.entries({ ...COMMON_HEADERS, ...FRAME_HEADERS })) {
        assert.ok(text.includes(header), `${name}: no ${header}`);
        assert.ok(text.includes(value), `${name}: ${header} is not "${value}"`);
      }
      assert.match(text, /frame-ancestors 'self'/);
      assert.match(text, /X-Frame-Options/);
    });
  }

  test('.htaccess maps the MIME types, the 404 page and the embed exception', () => {
    const text = read('.htaccess');
    for (const [ext, type] of Object.entries(MIME_TYPES))
      assert.ok(text.includes(`AddType ${type} ${ext}`), `.htaccess: no AddType for ${ext}`);
    const notFound = /^ErrorDocument 404 (\S+)$/m.exec(text)?.[1] ?? '';
    assert.ok(existsSync(fileOf(notFound)), `.htaccess: ErrorDocument ${notFound} is not in dist`);
    // Sections open and close in pairs, and every line is a comment or a known directive.
    const opened = text.match(/^\s*<IfModule [\w.]+>$/gm)?.length ?? 0;
    const closed = text.match(/^\s*<\/IfModule>$/gm)?.length ?? 0;
    assert.ok(opened > 0);
    assert.equal(opened, closed);
    for (const line of text.split('\n').filter((l) => l.trim() && !/^\s*(#|<\/?IfModule)/.test(l)))
      assert.match(line.trim(), /^(ErrorDocument|AddType|SetEnvIf|Header always set) /, line);
    const embed = new RegExp(/SetEnvIf Request_URI "([^"]+)" EMBED_PAGE/.exec(text)?.[1] ?? '^$');
    assert.match(`${base}de/embed/io-path/`, embed);
    assert.doesNotMatch(`${base}de/architecture/`, embed);
    assert.match(text, /X-Frame-Options "SAMEORIGIN" env=!EMBED_PAGE/);
  });

  test('web.config maps the MIME types, the 404 page and the embed exception', () => {
    const text = read('web.config');
    for (const [ext, type] of Object.entries(MIME_TYPES))
      assert.ok(
        text.includes(`<mimeMap fileExtension="${ext}" mimeType="${type}" />`),
        `web.config: no mimeMap for ${ext}`,
      );
    const notFound = /<error statusCode="404" path="([^"]+)"/.exec(text)?.[1] ?? '';
    assert.ok(existsSync(fileOf(notFound)), `web.config: 404 path ${notFound} is not in dist`);
    for (const lang of ['de', 'en'])
      assert.match(
        text,
        new RegExp(`<location path="${lang}/embed">[^]*?<remove name="X-Frame-Options" />`),
      );
  });

  test('_headers frames every page but the embeds to this origin', () => {
    const text = read('_headers');
    const sitemap = read('sitemap.xml');
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
      (m) => new URL(m[1] ?? '').pathname,
    );
    assert.ok(pages.length >= 18);
    for (const path of pages)
      assert.match(
        text,
        new RegExp(`^${path}\\n  Content-Security-Policy: frame-ancestors 'self'`, 'm'),
      );
    assert.doesNotMatch(text, /\/embed\//);
  });
});

describe('server configuration under a sub-path', () => {
  const sub = '/kurs/virtualisierung/';
  test('the 404 page and the embed pattern carry the base', () => {
    assert.match(htaccess(sub), /^ErrorDocument 404 \/kurs\/virtualisierung\/404\.html$/m);
    assert.match(webConfig(sub), /path="\/kurs\/virtualisierung\/404\.html"/);
    assert.match(
      nginxSnippet(sub, '/srv/www'),
      /error_page 404 \/kurs\/virtualisierung\/404\.html;/,
    );
    assert.match(nginxSnippet(sub, '/srv/www'), /^location \/kurs\/virtualisierung\/ \{$/m);
    const headers = headersFile(sub, ['', 'de/', 'de/architecture/', 'en/embed/io-path/']);
    assert.match(headers, /^\/kurs\/virtualisierung\/de\/architecture\/$/m);
    assert.match(headers, /^\/kurs\/virtualisierung\/\*$/m);
    assert.doesNotMatch(headers, /embed\/io-path/);
  });
  test('embed pages are told apart from the others', () => {
    assert.equal(isEmbedPath(sub, '/kurs/virtualisierung/en/embed/io-path/'), true);
    assert.equal(isEmbedPath(sub, '/kurs/virtualisierung/en/architecture/'), false);
    assert.equal(isEmbedPath(sub, '/en/embed/io-path/'), false);
    assert.equal(isEmbedPath('/', '/en/embed/io-path/'), true);
  });
});

test('the README shows the nginx snippet the code makes', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(
    readme.includes(nginxSnippet('/kurs/virtualisierung/', '/srv/www/virtualisierung')),
    'README: the nginx snippet is out of date; paste nginxSnippet() output',
  );
});
