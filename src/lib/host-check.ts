// The hosting check (`npm run check:host -- <URL>`, scripts/check-host.ts): what an
// administrator's own deployment sends, seen from outside with plain HTTP requests. Given the
// site's root URL (any base), it finds a sample of pages and files from the pages themselves,
// fetches them with a missing URL, a slashless URL, folders and the configuration files, and
// judges each area: ok, a warning (slower or weaker, not broken) or a failure. The promises
// it checks are those of the server files (./server-config.ts); nothing is sent anywhere
// but the host under test.
import {
  CONFIG_FILES,
  COMMON_HEADERS,
  EMBED_FRAME_ANCESTORS,
  FRAME_HEADERS,
} from './server-config.ts';

type Verdict = 'ok' | 'warn' | 'fail';

/** One line of the table: an area, its verdict and what was seen. */
export interface Row {
  area: string;
  verdict: Verdict;
  detail: string;
}

export type Fetcher = (url: string, init?: RequestInit) => Promise<Response>;

/** One response as the check saw it (status 0: no answer, `error` says why). */
interface Seen {
  path: string;
  status: number;
  headers: Headers;
  body: string;
  error?: string;
}

/** A request's answer, without following redirects; the body as text (binary files shortened). */
async function see(fetcher: Fetcher, url: URL, timeoutMs: number): Promise<Seen> {
  const path = url.pathname;
  try {
    const res = await fetcher(url.href, {
      redirect: 'manual',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const body = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 400_000));
    return { path, status: res.status, headers: res.headers, body };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      path,
      status: 0,
      headers: new Headers(),
      body: '',
      error: cause ?? (error as Error).message,
    };
  }
}

/**
 * fetch, sent again once when the server closed a kept-alive connection just as the request
 * went out on it (undici's UND_ERR_SOCKET), as a browser does.
 */
export const retrying =
  (fetcher: Fetcher): Fetcher =>
  async (url, init) => {
    try {
      return await fetcher(url, init);
    } catch (error) {
      if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
      return fetcher(url, init);
    }
  };

/** The sample the check fetched, by role. Each list may be empty where the site had none. */
interface Sample {
  root: URL;
  /** Pages: the root page, a start page, a topic page. */
  pages: Seen[];
  embed?: Seen | undefined;
  /** Content-hashed files: stylesheets, scripts, fonts from `_astro/`. */
  hashed: Seen[];
  /** Search: entry file (JSON), its script, an index's metadata and WebAssembly. */
  searchEntry?: Seen | undefined;
  searchScript?: Seen | undefined;
  searchBinary: Seen[];
  missing: Seen;
  /** Slashless URLs (a topic page; the base, under a sub-path) and the path they should reach. */
  slashless: { seen: Seen; to: string }[];
  folders: Seen[];
  configFiles: Seen[];
  /** The same root over plain HTTP, for an https:// root. */
  plain?: Seen | undefined;
  /** The offline copy's service worker and the start page's web app manifest. */
  worker: Seen;
  manifest?: Seen | undefined;
}

/** Local addresses, where plain HTTP is fine for a test. */
const isLocal = (host: string) =>
  ['localhost', '127.0.0.1', '[::1]'].includes(host) || host.endsWith('.localhost');

const attrValues = (html: string, attr: string) =>
  [...html.matchAll(new RegExp(`\\s${attr}="([^"#?]+)`, 'g'))].map((m) => m[1] ?? '');

/** The site's own links under `root`, in order, without repeats. */
function linksUnder(html: string, root: URL, attr = 'href'): string[] {
  const seen = new Set<string>();
  for (const value of attrValues(html, attr)) {
    const url = new URL(value, root);
    if (url.origin === root.origin && url.pathname.startsWith(root.pathname))
      seen.add(url.pathname);
  }
  return [...seen];
}

/** Fetches the sample: pages and files found from the root page down, and the fixed probes. */
async function collect(
  siteUrl: string,
  fetcher: Fetcher = retrying(fetch),
  timeoutMs = 15_000,
): Promise<Sample | Row> {
  let root: URL;
  try {
    const res = await fetcher(siteUrl, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    root = new URL(res.url || siteUrl);
    if (!res.ok) return { area: 'site root', verdict: 'fail', detail: `${siteUrl}: ${res.status}` };
  } catch (error) {
    return {
      area: 'site root',
      verdict: 'fail',
      detail: `${siteUrl}: ${(error as Error).message}`,
    };
  }
  root.search = '';
  root.hash = '';
  if (!root.pathname.endsWith('/')) root.pathname += '/';
  const get = (path: string) => see(fetcher, new URL(path, root), timeoutMs);

  const rootPage = await get(root.pathname);
  const langStarts = linksUnder(rootPage.body, root).filter((p) =>
    /^[a-z]{2}(?:-[a-z]+)?\/$/i.test(p.slice(root.pathname.length)),
  );
  if (!langStarts.length)
    return {
      area: 'site root',
      verdict: 'fail',
      detail: `${root.href} links to no language start page (<lang>/): is it the site's root URL?`,
    };
  const start = langStarts[0] ? await get(langStarts[0]) : undefined;
  const topics = start
    ? linksUnder(start.body, root).filter(
        (p) => p.startsWith(langStarts[0] ?? '') && p !== langStarts[0] && p.endsWith('/'),
      )
    : [];
  // A topic page with a figure names its embed page (data-embed); look at a few.
  let topic: Seen | undefined;
  let embedPath: string | undefined;
  for (const path of topics.slice(0, 4)) {
    const page = await get(path);
    topic ??= page;
    embedPath = linksUnder(page.body, root, 'data-embed')[0];
    if (embedPath) {
      topic = page;
      break;
    }
  }
  const pages = [rootPage, ...(start ? [start] : []), ...(topic ? [topic] : [])];
  const html = pages.map((p) => p.body).join('\n');
  const assets = [...linksUnder(html, root), ...linksUnder(html, root, 'src')].filter((p) =>
    p.startsWith(`${root.pathname}_astro/`),
  );
  // The shortest name of each kind keeps the table narrow.
  const first = (re: RegExp) =>
    assets.filter((p) => re.test(p)).sort((a, b) => a.length - b.length)[0];
  const hashedPaths = [first(/\.css$/), first(/\.js$/), first(/\.woff2$/)].filter(
    (p): p is string => !!p,
  );

  const entryPath = `${root.pathname}pagefind/pagefind-entry.json`;
  const [embed, hashed, searchEntry, searchScript] = await Promise.all([
    embedPath ? get(embedPath) : undefined,
    Promise.all(hashedPaths.map(get)),
    get(entryPath),
    get(`${root.pathname}pagefind/pagefind.js`),
  ]);
  let language: { hash?: string; wasm?: string } | undefined;
  try {
    const entry = JSON.parse(searchEntry.body) as { languages?: Record<string, typeof language> };
    language = Object.values(entry.languages ?? {})[0];
  } catch {
    // Not JSON: the search row says so.
  }
  const binaries = [
    ...(language?.hash ? [`pagefind/pagefind.${language.hash}.pf_meta`] : []),
    ...(language?.wasm ? [`pagefind/wasm.${language.wasm}.pagefind`] : []),
  ];
  const topicPath = topic?.path;
  const lang = langStarts[0]?.slice(root.pathname.length) ?? 'en/';
  const slashless = [
    ...(topicPath ? [{ path: topicPath.replace(/\/$/, ''), to: topicPath }] : []),
    ...(root.pathname !== '/'
      ? [{ path: root.pathname.replace(/\/$/, ''), to: root.pathname }]
      : []),
  ];
  const folders = ['_astro/', 'pagefind/', 'pagefind/index/', `${lang}embed/`, 'search-fallback/'];
  const manifestPath = start && /<link rel="manifest" href="([^"]+)"/.exec(start.body)?.[1];
  const plainRoot = new URL(root);
  plainRoot.protocol = 'http:';
  const [searchBinary, missing, slashSeen, folderSeen, configFiles, plain, worker, manifest] =
    await Promise.all([
      Promise.all(binaries.map((p) => get(root.pathname + p))),
      get(`${root.pathname}no-such-page-check-host/`),
      Promise.all(slashless.map(async ({ path, to }) => ({ seen: await get(path), to }))),
      Promise.all(folders.map((p) => get(root.pathname + p))),
      Promise.all(CONFIG_FILES.map((p) => get(root.pathname + p))),
      root.protocol === 'https:'
        ? see(fetcher, plainRoot, Math.min(timeoutMs, 5000))
        : Promise.resolve(undefined),
      get(`${root.pathname}sw.js`),
      manifestPath ? get(new URL(manifestPath, root).pathname) : Promise.resolve(undefined),
    ]);
  return {
    root,
    pages,
    embed,
    hashed,
    searchEntry,
    searchScript,
    searchBinary,
    missing,
    slashless: slashSeen,
    folders: folderSeen,
    configFiles,
    plain,
    worker,
    manifest,
  };
}

const header = (seen: Seen, name: string) => seen.headers.get(name);
const maxAge = (value: string) => Number(/(?:^|,)\s*max-age=(\d+)/i.exec(value)?.[1] ?? NaN);
const encoded = (seen: Seen) =>
  /\b(gzip|br|zstd|deflate)\b/.test(header(seen, 'content-encoding') ?? '');
const isSiteHtml = (seen: Seen) => /^\s*<!doctype html/i.test(seen.body);
const list = (paths: string[]) => paths.join(', ');
const row = (area: string, problems: string[], warnings: string[], fine: string): Row =>
  problems.length
    ? { area, verdict: 'fail', detail: problems.join('; ') }
    : warnings.length
      ? { area, verdict: 'warn', detail: warnings.join('; ') }
      : { area, verdict: 'ok', detail: fine };
const kind = (seen: Seen) =>
  /\.css$/.test(seen.path) ? 'CSS' : /\.m?js$/.test(seen.path) ? 'JavaScript' : 'a page';
const short = (seen: Seen, root: URL) => seen.path.slice(root.pathname.length) || '/';
const status = (seen: Seen) => (seen.status ? String(seen.status) : `no answer (${seen.error})`);

/** Judges the sample: one row per area, in the order of the table. */
function judge(s: Sample): Row[] {
  const rows: Row[] = [];
  const at = (seen: Seen) => short(seen, s.root);

  // HTTPS.
  {
    const problems: string[] = [];
    const warnings: string[] = [];
    let fine = 'https';
    if (s.root.protocol !== 'https:') {
      if (isLocal(s.root.hostname))
        warnings.push('plain HTTP: fine on this machine; readers need HTTPS (copy buttons)');
      else problems.push('plain HTTP: browsers give such pages no clipboard; serve HTTPS');
    } else {
      const hsts = s.pages[0] ? header(s.pages[0], 'strict-transport-security') : null;
      if (hsts) fine += `, ${hsts}`;
      else warnings.push('no Strict-Transport-Security header');
      const plain = s.plain;
      if (plain?.status === 200) warnings.push('http:// serves the site too, without a redirect');
      if (plain && [301, 302, 307, 308].includes(plain.status)) {
        const to = new URL(header(plain, 'location') ?? '', s.root);
        if (to.protocol !== 'https:') warnings.push(`http:// redirects to ${to.href}`);
        else fine += ', http:// redirects to https://';
      }
    }
    rows.push(row('HTTPS', problems, warnings, fine));
  }

  // Security headers: pages framed by this origin only, embeds by any, files not sniffed.
  {
    const problems: string[] = [];
    const warnings: string[] = [];
    // Pages missing the same headers are named together.
    const missingOn = new Map<string, string[]>();
    for (const page of s.pages) {
      const missing = Object.entries(COMMON_HEADERS)
        .filter(([name, value]) => {
          const got = header(page, name);
          if (got && got !== value && name !== 'X-Content-Type-Options')
            warnings.push(`${at(page)}: ${name} is "${got}"`);
          return !got || (name === 'X-Content-Type-Options' && got !== value);
        })
        .map(([name]) => name);
      const csp = header(page, 'content-security-policy') ?? '';
      if (!csp.includes(FRAME_HEADERS['Content-Security-Policy'] ?? ''))
        missing.push(`CSP ${FRAME_HEADERS['Content-Security-Policy']}`);
      const xfo = header(page, 'x-frame-options');
      if (xfo?.toUpperCase() !== FRAME_HEADERS['X-Frame-Options'])
        missing.push(
          `X-Frame-Options ${FRAME_HEADERS['X-Frame-Options']}${xfo ? ` (is ${xfo})` : ''}`,
        );
      const key = missing.join(', ');
      if (key) missingOn.set(key, [...(missingOn.get(key) ?? []), at(page)]);
    }
    for (const [missing, paths] of missingOn) problems.push(`${list(paths)}: no ${missing}`);
    if (s.embed) {
      const csp = header(s.embed, 'content-security-policy') ?? '';
      const xfo = header(s.embed, 'x-frame-options');
      if (!csp.includes(EMBED_FRAME_ANCESTORS) || xfo)
        problems.push(
          `${at(s.embed)}: not framable by other sites (CSP "${csp}", X-Frame-Options ${xfo ?? 'none'})`,
        );
    } else warnings.push('no embed page found to check');
    const sniffed = s.hashed.filter((f) => header(f, 'x-content-type-options') !== 'nosniff');
    if (sniffed.length) problems.push(`no nosniff on ${list(sniffed.map(at))}`);
    rows.push(
      row(
        'security headers',
        problems,
        warnings,
        'pages, embed page and files as docs/hosting.md says',
      ),
    );
  }

  // Caching: content-hashed files for long (they never change), pages and the search entry
  // file revalidated (they name the current files). Files with one value are named together.
  {
    const problems: string[] = [];
    const groups = new Map<string, string[]>();
    for (const f of s.hashed) {
      const cc = header(f, 'cache-control') ?? '';
      if (/no-cache|no-store/.test(cc) && /immutable/.test(cc))
        problems.push(`${at(f)}: "${cc}" contradicts itself`);
      else if (!(maxAge(cc) >= 2_592_000)) groups.set(cc, [...(groups.get(cc) ?? []), at(f)]);
    }
    if (!s.hashed.length) problems.push('no content-hashed file (_astro/) found in the pages');
    const warnings = [...groups].map(
      ([cc, paths]) => `${list(paths)}: ${cc ? `"${cc}"` : 'no Cache-Control'}, not kept for long`,
    );
    const cc = header(s.hashed[0] ?? s.missing, 'cache-control');
    rows.push(row('caching: hashed files', problems, warnings, `_astro/…: "${cc}"`));
  }
  {
    const problems: string[] = [];
    const unset: Seen[] = [];
    for (const file of [...s.pages, ...(s.searchEntry ? [s.searchEntry] : [])]) {
      const cc = header(file, 'cache-control') ?? '';
      if (/immutable/.test(cc) || maxAge(cc) >= 86_400)
        problems.push(`${at(file)}: "${cc}" keeps an old copy after an update`);
      else if (!cc) unset.push(file);
    }
    const warnings = unset.length
      ? [`${list(unset.map(at))}: no Cache-Control (browsers guess how long)`]
      : [];
    const cc = header(s.pages[0] ?? s.missing, 'cache-control');
    rows.push(
      row('caching: pages', problems, warnings, `"${cc}" (pages and the search entry file)`),
    );
  }

  // Compression of text.
  {
    const text = [s.pages[1] ?? s.pages[0], ...s.hashed.filter((f) => /\.(css|js)$/.test(f.path))];
    const plain = text.filter((f): f is Seen => !!f && f.status === 200 && !encoded(f));
    rows.push(
      row(
        'compression',
        [],
        plain.length ? [`not compressed: ${list(plain.map(kind))}`] : [],
        `${header(s.hashed[0] ?? s.missing, 'content-encoding') ?? 'yes'} for pages, CSS and JavaScript`,
      ),
    );
  }

  // MIME types: pages and assets (wrong script or style types are refused under nosniff).
  {
    const problems: string[] = [];
    const warnings: string[] = [];
    const want: [RegExp, RegExp][] = [
      [/\.css$/, /^text\/css/],
      [/\.m?js$/, /^(?:text|application)\/(?:x-)?javascript/],
    ];
    for (const page of s.pages)
      if (!/^text\/html/.test(header(page, 'content-type') ?? ''))
        problems.push(`${at(page)}: ${header(page, 'content-type')}`);
    for (const file of s.hashed) {
      const type = want.find(([ext]) => ext.test(file.path))?.[1];
      if (file.status !== 200) problems.push(`${at(file)}: status ${status(file)}`);
      else if (type && !type.test(header(file, 'content-type') ?? ''))
        problems.push(`${at(file)}: ${header(file, 'content-type') ?? 'no type'}`);
      // Browsers load a font whatever its type.
      else if (
        /\.woff2$/.test(file.path) &&
        !/^font\/woff2/.test(header(file, 'content-type') ?? '')
      )
        warnings.push(`${at(file)}: ${header(file, 'content-type') ?? 'no type'}`);
    }
    rows.push(
      row(
        'MIME types: pages, assets',
        problems,
        warnings,
        'text/html, text/css, JavaScript, font/woff2',
      ),
    );
  }

  // MIME types of the search files.
  {
    const problems: string[] = [];
    const warnings: string[] = [];
    const entry = s.searchEntry;
    if (!entry || entry.status !== 200)
      problems.push(`pagefind-entry.json: status ${entry ? status(entry) : 'none'}`);
    else if (!/^application\/json/.test(header(entry, 'content-type') ?? ''))
      warnings.push(`pagefind-entry.json: ${header(entry, 'content-type') ?? 'no type'}`);
    const script = s.searchScript;
    if (script && !/javascript/.test(header(script, 'content-type') ?? ''))
      problems.push(
        `${at(script)}: ${header(script, 'content-type') ?? 'no type'} (refused as a script)`,
      );
    if (!s.searchBinary.length && entry?.status === 200)
      problems.push('pagefind-entry.json names no index');
    for (const file of s.searchBinary) {
      const type = header(file, 'content-type');
      if (file.status !== 200) problems.push(`${at(file)}: status ${status(file)}`);
      else if (/^text\/html/.test(type ?? '')) problems.push(`${at(file)}: ${type}`);
      else if (type !== 'application/octet-stream')
        warnings.push(`${at(file)}: ${type ?? 'no type'}`);
    }
    rows.push(
      row('MIME types: search', problems, warnings, 'application/octet-stream, JSON, JavaScript'),
    );
  }

  // The offline copy: a worker the browser accepts and checks for updates, a manifest it reads.
  {
    const problems: string[] = [];
    const warnings: string[] = [];
    const { worker, manifest } = s;
    const cc = header(worker, 'cache-control') ?? '';
    if (worker.status !== 200) problems.push(`${at(worker)}: status ${status(worker)}`);
    else if (!/javascript/.test(header(worker, 'content-type') ?? ''))
      problems.push(`${at(worker)}: ${header(worker, 'content-type') ?? 'no type'} (refused)`);
    else if (/immutable/.test(cc) || maxAge(cc) >= 86_400)
      warnings.push(`${at(worker)}: "${cc}" delays updates for readers who kept a copy`);
    if (!manifest) problems.push('the start page links no web app manifest');
    else if (manifest.status !== 200) problems.push(`${at(manifest)}: status ${status(manifest)}`);
    else if (!/^application\/manifest\+json/.test(header(manifest, 'content-type') ?? ''))
      warnings.push(`${at(manifest)}: ${header(manifest, 'content-type') ?? 'no type'}`);
    rows.push(
      row(
        'offline copy',
        problems,
        warnings,
        `sw.js revalidated, manifest application/manifest+json`,
      ),
    );
  }

  // The not-found page.
  rows.push(
    row(
      '404 status',
      s.missing.status === 404 ? [] : [`${at(s.missing)}: status ${status(s.missing)}, not 404`],
      [],
      `${at(s.missing)}: 404`,
    ),
  );
  rows.push(
    row(
      '404 page',
      s.missing.body.includes('id="not-found-en"')
        ? []
        : [`${at(s.missing)}: not the site's 404 page`],
      [],
      "the site's own, with search and the page list",
    ),
  );

  // Slashless URLs reach the page, on this origin.
  {
    const problems: string[] = [];
    const fine: string[] = [];
    for (const { seen, to } of s.slashless) {
      const location = header(seen, 'location');
      if (seen.status === 200 && isSiteHtml(seen)) fine.push(`${seen.path}: 200`);
      else if ([301, 302, 303, 307, 308].includes(seen.status) && location) {
        const target = new URL(location, s.root);
        if (target.origin !== s.root.origin)
          problems.push(`${seen.path} → ${target.href}: another origin (scheme, host or port)`);
        else if (target.pathname !== to) problems.push(`${seen.path} → ${target.pathname}`);
        else fine.push(`${seen.path}: ${seen.status} → ${to}`);
      } else problems.push(`${seen.path}: status ${status(seen)}`);
    }
    rows.push(row('redirects', problems, [], fine.join(', ')));
  }

  // Folders without index.html: no listing.
  {
    const listed = s.folders.filter(
      (f) =>
        f.status === 200 &&
        /<title>\s*Index of|Directory listing for|Parent Directory/i.test(f.body),
    );
    rows.push(
      row(
        'directory listings',
        listed.length ? [`listed: ${list(listed.map(at))} (Options -Indexes, autoindex off)`] : [],
        [],
        `none (${s.folders.map((f) => `${at(f)} ${status(f)}`).join(', ')})`,
      ),
    );
  }

  // The canonical address (a build with SITE_URL): a wrong SITE_URL points search engines elsewhere.
  {
    const page = s.pages.at(-1);
    const href = page && /<link rel="canonical" href="([^"]+)"/.exec(page.body)?.[1];
    const here = page ? new URL(page.path, s.root).href : '';
    rows.push(
      row(
        'canonical address',
        [],
        href && href !== here
          ? [`${page ? at(page) : ''} names ${href}: built with another SITE_URL?`]
          : [],
        href ? 'the pages name this address' : 'none (built without SITE_URL)',
      ),
    );
  }

  // Configuration files: not served.
  {
    const exposed = s.configFiles.filter(
      (f) => f.status >= 200 && f.status < 300 && !isSiteHtml(f),
    );
    rows.push(
      row(
        'config files',
        exposed.length ? [`served: ${list(exposed.map(at))}`] : [],
        [],
        `hidden (${s.configFiles.map((f) => `${at(f)} ${status(f)}`).join(', ')})`,
      ),
    );
  }
  return rows;
}

/** Collects and judges: the rows of the table. */
export async function checkHost(siteUrl: string, fetcher?: Fetcher): Promise<Row[]> {
  const sample = await collect(siteUrl, fetcher);
  return 'verdict' in sample ? [sample] : judge(sample);
}

/** The table as text: area, verdict, what was seen, one row a line. */
export function formatTable(rows: Row[]): string {
  const mark = { ok: 'ok', warn: 'WARN', fail: 'FAIL' } as const;
  const width = Math.max(...rows.map((r) => r.area.length), 5);
  const lines = rows.map(
    (r) => `${r.area.padEnd(width)}  ${mark[r.verdict].padEnd(4)}  ${r.detail}`,
  );
  const fails = rows.filter((r) => r.verdict === 'fail').length;
  const warns = rows.filter((r) => r.verdict === 'warn').length;
  return [
    `${'area'.padEnd(width)}  ${'    '}  what was seen`,
    ...lines,
    '',
    `${fails} failed, ${warns} warning${warns === 1 ? '' : 's'}, ${rows.length - fails - warns} ok`,
  ].join('\n');
}
