// The HTTP side of hosting: headers a <meta> Content Security Policy cannot carry, caching,
// the MIME types search needs, the not-found page and the files no reader should fetch,
// written out for each kind of web server. Pure functions of the build's `base`, so every
// file names the real paths of a site that lives under a sub-path. The build writes the
// files into the output (src/integrations/server-config.ts); docs/hosting.md shows the nginx
// snippets made by the same code, and scripts/test-servers.ts runs them on real servers.
import { languages } from '../i18n/ui.ts';
import { OFFLINE_DIR, WORKER_FILE } from './offline.ts';
import { joinBase } from './urls.ts';

/** Headers sent with every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  // The site links to its own pages only; no other site needs to know where a reader came from.
  'Referrer-Policy': 'no-referrer',
  // The site uses none of these browser features, and nor may anything that frames it.
  'Permissions-Policy':
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
};

/** Headers of every page except the embeds: only pages of the same origin may frame them. */
export const FRAME_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "frame-ancestors 'self'",
  'X-Frame-Options': 'SAMEORIGIN',
};

/** Embed pages (`/<lang>/embed/<id>/`) may be framed by any site (an LMS, slides). */
export const EMBED_FRAME_ANCESTORS = 'frame-ancestors *';

/**
 * Types servers may not know: the web app manifests (browsers expect this type), and
 * Pagefind's search index files (its WebAssembly is `wasm.<lang>.pagefind`).
 */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.webmanifest': 'application/manifest+json',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Types older IIS versions do not know; Pagefind's entry file is JSON, the site's fonts woff2. */
const IIS_TYPES: Readonly<Record<string, string>> = {
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/**
 * Cache-Control values: content-hashed files never change; everything else is revalidated,
 * the offline copy's worker (sw.js) above all: a worker kept in a cache would hold readers on
 * an old version of the site.
 */
export const CACHE = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
} as const;

/** Folders (under base) whose file names carry a hash of their content. */
export const HASHED_DIRS = ['_astro/', 'pagefind/fragment/', 'pagefind/index/', 'pagefind/filter/'];

/** Files in the output that configure a server and are not for readers. */
export const CONFIG_FILES = ['.htaccess', 'web.config', '_headers', '_redirects'];

/** Types nginx compresses besides text/html (which it always does). */
const COMPRESSED_TYPES =
  'text/css text/javascript application/json image/svg+xml application/xml text/plain';

/**
 * The folders of a build (site-relative, ending in `/`) that have no `index.html`, which a
 * server would list, from the list of its files (site-relative, `/`-separated).
 */
export function foldersWithoutIndex(files: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`);
  }
  const indexed = new Set(
    files.filter((f) => /(?:^|\/)index\.html$/.test(f)).map((f) => f.slice(0, -10)),
  );
  return [...folders].filter((folder) => !indexed.has(folder)).sort();
}

/** The files only Netlify and Cloudflare Pages read; both look for them at the published root. */
const STATIC_HOST_FILES = ['_headers', '_redirects'];

/**
 * The publish folder for Netlify or Cloudflare Pages, which serve every file of the folder
 * they are given: the site under its base without the other servers' files (`.htaccess` and
 * `web.config` would be public there), `_headers` and `_redirects` at the root, where the
 * hosts read them (and serve neither), and under a sub-path a copy of the not-found page at
 * the root (without one, Cloudflare Pages answers every missing URL with the start page).
 * Cloudflare gets no `_redirects`: it refuses the 404 line (Wrangler stops the deploy on it)
 * and finds `<base>404.html` by itself. `files` are the build's files, site-relative;
 * returns [from, to] pairs, `to` publish-relative.
 */
export function publishPlan(
  base: string,
  files: readonly string[],
  host: 'netlify' | 'cloudflare' = 'netlify',
): [string, string][] {
  const root = joinBase(base, '').slice(1);
  const plan: [string, string][] = [];
  for (const file of files) {
    if (host === 'cloudflare' && file === '_redirects') continue;
    if (STATIC_HOST_FILES.includes(file)) plan.push([file, file]);
    else if (!CONFIG_FILES.includes(file)) plan.push([file, root + file]);
  }
  if (root && files.includes('404.html')) plan.push(['404.html', '404.html']);
  return plan;
}

/** The not-found page under `base`. */
export const notFoundPath = (base: string): string => joinBase(base, '404.html');

/** True for the path of an embed page (`<base><lang>/embed/…`). */
export function isEmbedPath(base: string, path: string): boolean {
  const root = joinBase(base, '');
  return path.startsWith(root) && /^[^/]+\/embed\//.test(path.slice(root.length));
}

/** The Cache-Control value every server sends for the URL path `path` of a site under `base`. */
export function cacheControl(base: string, path: string): string {
  const root = joinBase(base, '');
  const inside = path.startsWith(root) ? path.slice(root.length) : '';
  return HASHED_DIRS.some((dir) => inside.startsWith(dir)) ? CACHE.immutable : CACHE.revalidate;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Regular expressions (as text) over URL paths under `base`. */
const patterns = (base: string) => {
  const root = escapeRegExp(joinBase(base, ''));
  const group = (names: string[]) => `(?:${names.map(escapeRegExp).join('|')})`;
  return {
    embed: `^${root}[^/]+/embed/`,
    hashed: `^${root}${group(HASHED_DIRS)}`,
    config: `^${root}${group(CONFIG_FILES)}$`,
  };
};

/**
 * `_headers` for Netlify and Cloudflare Pages. Both add up the headers of every rule that
 * matches a path and cannot take one back, so the frame rules name the shapes of page paths
 * (`/de/:page/`), never a catch-all an embed rule would have to undo. A fixed, small number
 * of rules whatever the page count (Cloudflare Pages allows 100). Matched as Netlify does (each
 * rule also without its last slash) and as Cloudflare does (exactly): no rule may reach a file.
 */
export function headersFile(base: string): string {
  const at = (path: string) => joinBase(base, path);
  const block = (path: string, headers: Record<string, string>) =>
    [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const page = { ...FRAME_HEADERS, 'Cache-Control': CACHE.revalidate };
  return [
    [
      `# HTTP headers for Netlify and Cloudflare Pages, generated by the build for base ${base}.`,
      '# This file must sit at the root of the published folder (see docs/hosting.md).',
      '# Netlify also matches each rule without its last slash; every rule names its languages,',
      '# so none matches a file (/:lang/ would match /favicon.svg there).',
    ].join('\n'),
    block(at('*'), { ...COMMON_HEADERS }),
    '# Pages: the root, the not-found page, the start and topic pages of each language.',
    ...['', '404.html', ...languages.flatMap((lang) => [`${lang}/`, `${lang}/:page/`])].map(
      (path) => block(at(path), page),
    ),
    '# Embed pages: any site may frame them.',
    ...languages.map((lang) =>
      block(at(`${lang}/embed/:diagram/`), {
        'Content-Security-Policy': EMBED_FRAME_ANCESTORS,
        'Cache-Control': CACHE.revalidate,
      }),
    ),
    '# The offline copy: its worker and listings name the current version; the manifests.',
    block(at(WORKER_FILE), { 'Cache-Control': CACHE.revalidate }),
    block(at(`${OFFLINE_DIR}/*`), { 'Cache-Control': CACHE.revalidate }),
    ...languages.map((lang) =>
      block(at(`${OFFLINE_DIR}/${lang}.webmanifest`), {
        'Content-Type': MIME_TYPES['.webmanifest'] ?? '',
      }),
    ),
    '# Search: the entry file names the current index files; those never change.',
    block(at('pagefind/pagefind-entry.json'), { 'Cache-Control': CACHE.revalidate }),
    ...HASHED_DIRS.map((dir) =>
      block(at(`${dir}*`), {
        ...(dir.startsWith('pagefind/') ? { 'Content-Type': 'application/octet-stream' } : {}),
        'Cache-Control': CACHE.immutable,
      }),
    ),
    '',
  ].join('\n\n');
}

/**
 * `_redirects` for Netlify under a sub-path, where it looks for `404.html` only at the root
 * of the published folder. None is needed at `/`.
 */
export function redirectsFile(base: string): string | undefined {
  if (joinBase(base, '') === '/') return undefined;
  return [
    `# Netlify: the not-found page for every missing URL under ${joinBase(base, '')}.`,
    '# This file must sit at the root of the published folder (see docs/hosting.md).',
    `${joinBase(base, '*')} ${notFoundPath(base)} 404`,
    '',
  ].join('\n');
}

/**
 * `.htaccess` for Apache 2.4. Nothing sits in `<IfModule>`: without mod_headers (off in
 * Debian's default) every request fails with a 500 and the error log names the missing
 * module, rather than the site running without its security headers. Each header is set in
 * both of Apache's header tables, replacing any server-wide value (Debian's security.conf).
 * `folders`: the build's folders without an `index.html` (`foldersWithoutIndex`), which
 * answer 404 rather than a listing.
 */
export function htaccess(base: string, folders: readonly string[]): string {
  const { embed, hashed, config } = patterns(base);
  const root = escapeRegExp(joinBase(base, ''));
  const unlisted = folders.map((folder) => escapeRegExp(folder.replace(/\/$/, '')));
  const replace = (name: string, value: string, condition = '') => [
    `Header unset ${name}`,
    `Header always set ${name} "${value}"${condition}`,
  ];
  return [
    `# Apache 2.4 configuration, generated by the build for base ${base}.`,
    '# Needs `AllowOverride FileInfo` for this folder and the modules headers, setenvif, mime',
    '# and alias (Debian: `a2enmod headers`; the others are on by default). Without',
    "# mod_headers every request answers 500 and the error log says: Invalid command 'Header'.",
    '',
    `ErrorDocument 404 ${notFoundPath(base)}`,
    '# Configuration files are not for readers (Apache itself denies .htaccess).',
    `RedirectMatch 404 "${config}"`,
    '# Folders without an index.html are not listed, even under `Options Indexes` (turning',
    '# Options off here would need `AllowOverride Options`, and fail every request without it).',
    ...(unlisted.length ? [`RedirectMatch 404 "^${root}(?:${unlisted.join('|')})/?$"`] : []),
    '',
    ...Object.entries(MIME_TYPES).map(([ext, type]) => `AddType ${type} ${ext}`),
    '',
    `SetEnvIf Request_URI "${embed}" EMBED_PAGE`,
    `SetEnvIf Request_URI "${hashed}" HASHED_FILE`,
    '',
    ...Object.entries(COMMON_HEADERS).flatMap(([name, value]) => replace(name, value)),
    '# Every page may be framed by this site only; embed pages by any site.',
    ...replace(
      'Content-Security-Policy',
      FRAME_HEADERS['Content-Security-Policy'] ?? '',
      ' env=!EMBED_PAGE',
    ),
    `Header always set Content-Security-Policy "${EMBED_FRAME_ANCESTORS}" env=EMBED_PAGE`,
    'Header unset X-Frame-Options',
    'Header always unset X-Frame-Options',
    `Header always set X-Frame-Options "${FRAME_HEADERS['X-Frame-Options'] ?? ''}" env=!EMBED_PAGE`,
    '# Content-hashed files for a year; pages and everything else revalidated.',
    `Header set Cache-Control "${CACHE.immutable}" env=HASHED_FILE`,
    `Header set Cache-Control "${CACHE.revalidate}" env=!HASHED_FILE`,
    '',
    '<IfModule mod_deflate.c>',
    `  AddOutputFilterByType DEFLATE text/html ${COMPRESSED_TYPES} application/javascript`,
    '</IfModule>',
    '',
  ].join('\n');
}

const xmlAttr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * `web.config` for IIS 7 and later, valid XML. Every entry is removed before it is added, so
 * a value the server already sets is replaced instead of failing as a duplicate. The
 * not-found page needs `<httpErrors>`, which IIS locks by default (error 500.19 on every URL
 * if a web.config names it), so that block is a comment with the command that unlocks it.
 */
export function webConfig(base: string): string {
  const headers = (values: Record<string, string>, removed: string[], indent: string) => [
    `${indent}<httpProtocol>`,
    `${indent}  <customHeaders>`,
    ...[...Object.keys(values), ...removed].map(
      (name) => `${indent}    <remove name="${xmlAttr(name)}" />`,
    ),
    ...Object.entries(values).map(
      ([name, value]) => `${indent}    <add name="${xmlAttr(name)}" value="${xmlAttr(value)}" />`,
    ),
    `${indent}  </customHeaders>`,
    `${indent}</httpProtocol>`,
  ];
  const location = (path: string, body: string[]) => [
    `  <location path="${xmlAttr(path)}">`,
    '    <system.webServer>',
    ...body.map((line) => `      ${line}`),
    '    </system.webServer>',
    '  </location>',
  ];
  const yearly = `<clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public, immutable" />`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<!-- IIS configuration, generated by the build for base ${xmlAttr(base)}. -->`,
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    ...Object.entries({ ...IIS_TYPES, ...MIME_TYPES }).flatMap(([ext, type]) => [
      `      <remove fileExtension="${ext}" />`,
      `      <mimeMap fileExtension="${ext}" mimeType="${type}" />`,
    ]),
    '      <clientCache cacheControlMode="DisableCache" />',
    '    </staticContent>',
    "    <!-- The site's not-found page. IIS locks this section by default; unlock it once, as",
    '         administrator, then move the block out of this comment:',
    '         %windir%\\system32\\inetsrv\\appcmd.exe unlock config -section:system.webServer/httpErrors',
    '    <httpErrors errorMode="Custom" existingResponse="Replace">',
    '      <remove statusCode="404" subStatusCode="-1" />',
    `      <error statusCode="404" path="${xmlAttr(notFoundPath(base))}" responseMode="ExecuteURL" />`,
    '    </httpErrors>',
    '    -->',
    '    <security>',
    '      <requestFiltering>',
    '        <hiddenSegments>',
    ...CONFIG_FILES.filter((name) => name !== 'web.config').flatMap((name) => [
      `          <remove segment="${name}" />`,
      `          <add segment="${name}" />`,
    ]),
    '        </hiddenSegments>',
    '      </requestFiltering>',
    '    </security>',
    ...headers({ ...COMMON_HEADERS, ...FRAME_HEADERS }, [], '    '),
    '  </system.webServer>',
    ...languages.flatMap((lang) =>
      location(
        `${lang}/embed`,
        headers({ 'Content-Security-Policy': EMBED_FRAME_ANCESTORS }, ['X-Frame-Options'], ''),
      ),
    ),
    ...HASHED_DIRS.flatMap((dir) =>
      location(dir.replace(/\/$/, ''), ['<staticContent>', `  ${yearly}`, '</staticContent>']),
    ),
    '</configuration>',
    '',
  ].join('\n');
}

/** Options of the nginx snippets. */
export interface NginxOptions {
  /**
   * `add_header` lines of the server block, repeated in the site's location: nginx drops a
   * server block's headers in a location that has `add_header` lines of its own.
   */
  repeat?: Readonly<Record<string, string>>;
}

/** The `http` block part of the nginx configuration: the values that differ per URL. */
function nginxMaps(base: string): string[] {
  const { embed, hashed } = patterns(base);
  return [
    '# In the http block:',
    'map $uri $site_frame_ancestors {',
    `    ~${embed} "${EMBED_FRAME_ANCESTORS}";`,
    `    default "${FRAME_HEADERS['Content-Security-Policy']}";`,
    '}',
    'map $uri $site_x_frame_options {',
    `    ~${embed} "";`,
    `    default "${FRAME_HEADERS['X-Frame-Options']}";`,
    '}',
    'map $uri $site_cache_control {',
    `    ~${hashed} "${CACHE.immutable}";`,
    `    default "${CACHE.revalidate}";`,
    '}',
  ];
}

/** The directives that serve the site, for a `server` block (root) or a `location` (sub-path). */
function nginxSite(base: string, indent: string, repeat: Record<string, string>): string[] {
  const { config } = patterns(base);
  const headers = {
    ...COMMON_HEADERS,
    'Content-Security-Policy': '$site_frame_ancestors',
    'X-Frame-Options': '$site_x_frame_options',
    'Cache-Control': '$site_cache_control',
  };
  const header = ([name, value]: [string, string]) =>
    `add_header ${name} ${value.startsWith('$') ? value : `"${value}"`} always;`;
  return [
    'index index.html;',
    'charset utf-8;',
    `error_page 404 ${notFoundPath(base)};`,
    'gzip on;',
    `gzip_types ${COMPRESSED_TYPES};`,
    '# The types the site uses, and search (this replaces the MIME types here).',
    'types {',
    ...[
      'text/html html',
      'text/css css',
      'text/javascript js mjs',
      'application/json json',
      'application/xml xml',
      'text/plain txt',
      'image/svg+xml svg',
      'image/png png',
      'image/webp webp',
      'font/woff2 woff2',
      'application/zip zip',
      ...Object.entries(MIME_TYPES).map(([ext, type]) => `${type} ${ext.slice(1)}`),
    ].map((line) => `    ${line};`),
    '}',
    '# Configuration files for other servers are not for readers.',
    `location ~ ${config} {`,
    '    return 404;',
    '}',
    '# An empty value (X-Frame-Options of an embed page) sends no header.',
    ...Object.entries(headers).map(header),
    ...(Object.keys(repeat).length
      ? [
          "# Repeated from the server block: nginx drops the server's add_header lines here.",
          ...Object.entries(repeat).map(header),
        ]
      : []),
  ].map((line) => (line ? indent + line.replace(/\n/g, `\n${indent}`) : line));
}

/**
 * nginx configuration serving the built folder `root` under a sub-path `base`: the maps for
 * the `http` block, and for the `server` block a redirect of the base without its slash and
 * a `location` that repeats whatever nginx drops there (`repeat`).
 */
export function nginxSnippet(base: string, root: string, options: NginxOptions = {}): string {
  const location = joinBase(base, '');
  return [
    ...nginxMaps(base),
    '',
    '# In the server block:',
    `location = ${location.replace(/\/$/, '')} {`,
    `    return 301 ${location};`,
    '}',
    `location ${location} {`,
    `    alias ${root.replace(/\/?$/, '/')};`,
    ...nginxSite(base, '    ', { ...options.repeat }),
    '}',
  ].join('\n');
}

/**
 * nginx configuration serving the built folder `root` at the root of a server: the maps for
 * the `http` block, and directives for the `server` block in place of its `root` and `index`
 * lines. They sit beside the server's own `location /` (Debian's default site), which
 * inherits the headers as long as it has no `add_header` of its own.
 */
export function nginxRootSnippet(root: string): string {
  return [
    ...nginxMaps('/'),
    '',
    '# In the server block, in place of its root and index lines:',
    `root ${root.replace(/\/?$/, '/')};`,
    ...nginxSite('/', '', {}),
  ].join('\n');
}
