// The server configuration shipped with the build (run after `npm run build`): every file
// is in dist/, names the search index's types, carries the headers a <meta> CSP cannot,
// keeps embed pages frameable, caches content-hashed files only, and points at a not-found
// page that exists. scripts/test-servers.ts runs the Apache and nginx files on real servers.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import {
  CACHE,
  CONFIG_FILES,
  COMMON_HEADERS,
  EMBED_FRAME_ANCESTORS,
  FRAME_HEADERS,
  MIME_TYPES,
  cacheControl,
  foldersWithoutIndex,
  headersFile,
  htaccess,
  isEmbedPath,
  nginxRootSnippet,
  nginxSnippet,
  publishPlan,
  redirectsFile,
  webConfig,
} from '../../src/lib/server-config.ts';
import { filesBelow } from '../../src/lib/files-below.ts';
import { joinBase } from '../../src/lib/urls.ts';
import { builtBase, topicPages } from '../site-pages.ts';

const dist = new URL('../../dist/', import.meta.url);
const read = (name: string) => {
  const file = new URL(name, dist);
  assert.ok(existsSync(file), `dist/${name} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
};
const SUB = '/kurs/virtualisierung/';
const PAGEFIND = ['.pagefind', '.pf_meta', '.pf_index', '.pf_fragment'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * How each host turns a `_headers` rule into a regular expression over the URL path.
 * Netlify (its CLI's dev server, which follows its production matching): every segment may
 * be followed by a slash, so a rule matches with or without its last slash (`^/pattern/?$`);
 * a `:placeholder` matches one segment, a standalone `*` the rest. Cloudflare Pages
 * (workers-sdk, pages-shared): the rule exactly, `*` any characters, `:placeholder` one segment.
 */
const HOSTS = {
  netlify(rule: string): RegExp {
    const parts = rule.split('/').filter(Boolean);
    if (!parts.length) return /^\/$/;
    let re = '^';
    for (const part of parts) {
      if (part.startsWith(':')) re += '/([^/]+)/?';
      else if (part === '*')
        re = re === '^' ? '^/?(.*)/?' : `${re.replace(/[/?]+$/, '')}(?:|/|/(.*)/?)`;
      else if (part.includes('*')) re += `/${part.replace(/\*/g, '(.*)')}`;
      else re += `/${escapeRegExp(part)}/?`;
    }
    return new RegExp(`${re}$`);
  },
  cloudflare(rule: string): RegExp {
    const re = rule
      .split('*')
      .map(escapeRegExp)
      .join('(.*)')
      .replace(/:[A-Za-z]\w*/g, '[^/]+');
    return new RegExp(`^${re}$`);
  },
};
type Host = keyof typeof HOSTS;

/** The headers a host sends for `path` under a `_headers` file: every matching rule's, added up. */
function headersFor(file: string, path: string, host: Host = 'netlify'): Record<string, string[]> {
  const rules = file
    .split(/\n\n+/)
    .map((block) => block.split('\n').filter((line) => line && !line.startsWith('#')))
    .filter((lines) => lines.length > 0);
  const sent: Record<string, string[]> = {};
  for (const [pattern = '', ...lines] of rules) {
    if (!HOSTS[host](pattern).test(path)) continue;
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

  test('.htaccess: no folder of the build is listed, no page is hidden', () => {
    const text = read('.htaccess');
    const files = filesBelow(fileURLToPath(dist));
    const folders = foldersWithoutIndex(files);
    for (const folder of ['_astro/', 'pagefind/', 'de/embed/']) assert.ok(folders.includes(folder));
    const hidden = [...text.matchAll(/^RedirectMatch 404 "([^"]+)"$/gm)].map(
      (m) => new RegExp(m[1] ?? '^$'),
    );
    for (const folder of folders)
      for (const path of [base + folder, base + folder.slice(0, -1)])
        assert.ok(
          hidden.some((re) => re.test(path)),
          `${path} would be listed`,
        );
    for (const file of files.filter(
      (f) => f.endsWith('.html') || /\.(css|js|json|pagefind)$/.test(f),
    ))
      for (const path of [base + file, base + file.replace(/index\.html$/, '')])
        assert.ok(!hidden.some((re) => re.test(path)), `${path} is hidden`);
  });

  test('the not-found page carries no canonical link (it answers for every missing address)', () => {
    const html = read('404.html');
    assert.doesNotMatch(html, /rel="canonical"/);
    assert.match(html, /<meta name="robots" content="noindex"/);
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

describe('_headers under the matching of Netlify and Cloudflare Pages', () => {
  test('the hosts match as they document it', () => {
    assert.match('/de/architecture', HOSTS.netlify('/de/:page/'));
    assert.match('/favicon.svg', HOSTS.netlify('/:lang/'), 'the trap of issue 27');
    assert.doesNotMatch('/favicon.svg', HOSTS.cloudflare('/:lang/'));
    assert.match('/_astro/a.css', HOSTS.netlify('/_astro/*'));
    assert.match('/kurs/virtualisierung', HOSTS.netlify('/kurs/virtualisierung/'));
    assert.doesNotMatch('/kurs/virtualisierung', HOSTS.cloudflare('/kurs/virtualisierung/'));
  });

  // Every path a reader can ask for: each file of the build, each page as its folder.
  const files = existsSync(dist)
    ? filesBelow(fileURLToPath(dist)).filter((f) => !CONFIG_FILES.includes(f))
    : [];
  for (const base of ['/', SUB])
    for (const host of ['netlify', 'cloudflare'] as const)
      test(`${host}, base ${base}: each header once, frame rules on pages only, caching by kind`, () => {
        assert.ok(files.length, 'dist/ is empty: run `npm run build` first');
        const text = headersFile(base);
        const pages = files.filter((f) => f.endsWith('index.html')).map((f) => f.slice(0, -10));
        const paths = [
          ...files.filter((f) => !f.endsWith('index.html')).map((f) => joinBase(base, f)),
          ...pages.map((p) => joinBase(base, p)),
          // Netlify also serves a page without its slash.
          ...(host === 'netlify'
            ? pages.filter(Boolean).map((p) => joinBase(base, p.slice(0, -1)))
            : []),
        ];
        for (const path of paths) {
          const sent = headersFor(text, path, host);
          for (const [name, values] of Object.entries(sent))
            assert.equal(values.length, 1, `${path}: ${name} twice: ${values.join(', ')}`);
          assert.deepEqual(sent['X-Content-Type-Options'], ['nosniff'], path);
          const inside = path.slice(joinBase(base, '').length);
          const isPage = /^(?:[^.]*|404\.html)$/.test(inside);
          const cache = sent['Cache-Control']?.[0];
          if (isPage && isEmbedPath(base, path)) {
            assert.deepEqual(sent['Content-Security-Policy'], [EMBED_FRAME_ANCESTORS], path);
            assert.equal(sent['X-Frame-Options'], undefined, path);
          } else if (isPage) {
            assert.deepEqual(
              sent['Content-Security-Policy'],
              [FRAME_HEADERS['Content-Security-Policy']],
              path,
            );
            assert.deepEqual(sent['X-Frame-Options'], ['SAMEORIGIN'], path);
          } else {
            assert.equal(
              sent['Content-Security-Policy'],
              undefined,
              `${path}: a file with page rules`,
            );
            assert.equal(sent['X-Frame-Options'], undefined, `${path}: a file with page rules`);
          }
          if (cacheControl(base, path) === CACHE.immutable)
            assert.equal(cache, CACHE.immutable, path);
          else assert.ok(cache === undefined || cache === CACHE.revalidate, `${path}: ${cache}`);
          if (isPage) assert.equal(cache, CACHE.revalidate, path);
        }
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
    assert.match(htaccess(SUB, []), /^ErrorDocument 404 \/kurs\/virtualisierung\/404\.html$/m);
    assert.match(webConfig(SUB), /path="\/kurs\/virtualisierung\/404\.html"/);
    const nginx = nginxSnippet(SUB, '/srv/www');
    assert.match(nginx, /error_page 404 \/kurs\/virtualisierung\/404\.html;/);
    assert.match(nginx, /^location \/kurs\/virtualisierung\/ \{$/m);
    assert.match(
      nginx,
      /^location = \/kurs\/virtualisierung \{\n {4}return 301 \/kurs\/virtualisierung\/;/m,
    );
    assert.match(headersFile(SUB), /^\/kurs\/virtualisierung\/de\/:page\/$/m);
    assert.equal(redirectsFile('/'), undefined);
    assert.match(
      redirectsFile(SUB) ?? '',
      /^\/kurs\/virtualisierung\/\* \/kurs\/virtualisierung\/404\.html 404$/m,
    );
  });

  test('the publish folder for Netlify and Cloudflare holds no other server files', () => {
    const files = ['index.html', 'de/index.html', '404.html', '_astro/a.css', ...CONFIG_FILES];
    for (const base of ['/', SUB]) {
      const plan = new Map(publishPlan(base, files).map(([from, to]) => [to, from]));
      const root = base.slice(1);
      assert.equal(plan.get('_headers'), '_headers', base);
      assert.equal(plan.get('_redirects'), '_redirects', base);
      for (const hidden of ['.htaccess', 'web.config'])
        assert.ok(
          ![...plan.keys()].some((to) => to.endsWith(hidden)),
          `${base}: ${hidden} published`,
        );
      assert.equal(plan.get(`${root}de/index.html`), 'de/index.html', base);
      assert.equal(plan.get(`${root}_astro/a.css`), '_astro/a.css', base);
      // Cloudflare Pages needs a 404.html at the root, or it answers every miss with the start page.
      assert.equal(plan.get('404.html'), '404.html', base);
      const cloudflare = publishPlan(base, files, 'cloudflare').map(([, to]) => to);
      assert.ok(!cloudflare.includes('_redirects'), 'Cloudflare refuses its 404 line');
      assert.ok(cloudflare.includes('_headers'));
    }
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

test('docs/hosting.md shows the nginx snippets the code makes', () => {
  const hosting = readFileSync(new URL('../../docs/hosting.md', import.meta.url), 'utf8');
  assert.ok(
    hosting.includes(nginxRootSnippet('/srv/www/virtualisierung')),
    'docs/hosting.md: the nginx root snippet is out of date; paste nginxRootSnippet() output',
  );
  assert.ok(
    hosting.includes(
      nginxSnippet(SUB, '/srv/www/virtualisierung', {
        repeat: { 'Strict-Transport-Security': 'max-age=31536000' },
      }),
    ),
    'docs/hosting.md: the nginx sub-path snippet is out of date; paste nginxSnippet() output',
  );
});

test('the publish folder, as npm test makes it, holds the site without the Apache and IIS files', (t) => {
  const out = new URL('../../dist-publish/', import.meta.url);
  if (!existsSync(out)) return t.skip('run node scripts/publish.ts after a build first');
  const files = filesBelow(fileURLToPath(out));
  assert.deepEqual(
    files.filter((f) => /(^|\/)(\.htaccess|web\.config)$/.test(f)),
    [],
    'no .htaccess or web.config: Netlify and Cloudflare would serve them',
  );
  assert.ok(files.includes('_headers'), '_headers at the root');
  const base = builtBase(new URL('../../dist/', import.meta.url)).replace(/^\//, '');
  for (const page of ['de/index.html', 'en/architecture/index.html', '404.html'])
    assert.ok(files.includes(`${base}${page}`), `${base}${page}`);
});
