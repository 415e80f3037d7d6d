// The built site on real web servers: Debian's Apache 2.4 and nginx, each at the root of a
// server (dist/, from `npm run build`) and under a sub-path (a second build with
// BASE_PATH=/kurs/virtualisierung/ and no SITE_URL, written to dist-sub/ and kept for
// tests/e2e/origin.spec.ts). Each server runs as this script's own process with a
// configuration in a temporary folder, on a free port, set up the way docs/hosting.md tells a
// host to: Apache with `AllowOverride FileInfo` and Debian's default modules plus headers,
// and the server-wide hardening of Debian's security.conf switched on; nginx with Debian's
// default `location /` and a server-wide Strict-Transport-Security header. Then HTTP checks
// (status and type of every page, the not-found page, search files, every security header,
// framing, the slashless base, caching, compression, hidden config files) and one browser
// smoke test per server and base (search and a diagram, no console error). The hosting check
// (`npm run check:host`, src/lib/host-check.ts) runs on each of them, and on Apache setups a
// host gets wrong (`AllowOverride None`, Debian's stock folder) and on nginx without the
// snippet of docs/hosting.md (listings on), where it must name each
// failure, and `Options Indexes`, where the .htaccess must still keep listings off.
//
//   node scripts/test-servers.ts              (after `npm run build`)
//   node scripts/test-servers.ts --build-sub  only the sub-path build, then stop
//   node scripts/test-servers.ts --sub-built  the checks, on the sub-path build made before
//
// `npm test` makes the sub-path build early, beside Prettier, where no other Astro process
// writes Astro's generated types, and runs the checks later (tests/steps.ts).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { playwrightArgs, findChromium } from '../tests/chromium.ts';
import {
  CACHE,
  COMMON_HEADERS,
  CONFIG_FILES,
  EMBED_FRAME_ANCESTORS,
  FRAME_HEADERS,
  nginxRootSnippet,
  nginxSnippet,
} from '../src/lib/server-config.ts';
import { checkHost, formatTable, retrying } from '../src/lib/host-check.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const distSub = join(root, 'dist-sub');
const SUB = '/kurs/virtualisierung/';
const HSTS = { 'Strict-Transport-Security': 'max-age=31536000' };
const MODULES = '/usr/lib/apache2/modules';
const isRoot = process.getuid?.() === 0;

/** Stops with a message saying what is missing and how to get it. */
function fail(message: string): never {
  console.error(`test-servers: ${message}`);
  process.exit(1);
}

/** Apache and nginx from Debian: installed when missing and this runs as root with apt-get. */
function ensureServers(): void {
  const missing = ['apache2', 'nginx'].filter((name) => !existsSync(`/usr/sbin/${name}`));
  if (!missing.length) return;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!isRoot || !apt)
    fail(
      `${missing.join(' and ')} not found: install Debian's packages (apt-get install -y ${missing.join(' ')})`,
    );
  console.log(`Installing ${missing.join(', ')} with apt-get …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
    stdio: 'inherit',
    env,
  });
  if (run.status !== 0) fail(`apt-get install ${missing.join(' ')} failed`);
}

/** The sub-path build in dist-sub/kurs/virtualisierung/, without SITE_URL. */
function buildSub(): string {
  const out = join(distSub, SUB);
  const env: Record<string, string | undefined> = { ...process.env, BASE_PATH: SUB };
  delete env['SITE_URL'];
  const run = spawnSync('npx', ['astro', 'build', '--silent', '--outDir', out], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) fail(`the build at ${SUB} failed`);
  return out;
}

const freePort = () =>
  new Promise<number>((done, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', reject);
  });

/** fetch, sent again once on a dropped kept-alive connection (Apache's event MPM closes
 * idle connections under load, and the checks send many requests side by side). */
const request = retrying(fetch);

/** Starts a server process and waits until `url` answers. */
async function start(
  name: string,
  command: string,
  args: string[],
  url: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) fail(`${name} did not start:\n${stderr}`);
    const ok = await fetch(url).then(
      async (res) => (await res.arrayBuffer(), true),
      () => false,
    );
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  return fail(`${name} did not answer at ${url}:\n${stderr}`);
}

/** One Apache virtual host: its folder, and its `Options` and `AllowOverride` when not those of docs/hosting.md. */
interface ApacheSite {
  port: number;
  docRoot: string;
  options?: string;
  allowOverride?: string;
}

/** Apache with the modules Debian enables by default, plus `extra` (e.g. headers). */
function apacheConfig(tmp: string, sites: ApacheSite[], extra: string[]): string {
  const modules = [
    'mpm_event',
    'authz_core',
    'authz_host',
    'mime',
    'dir',
    'alias',
    'setenvif',
    'filter',
    'deflate',
    'env',
    'autoindex',
    ...extra,
  ];
  return [
    `ServerRoot ${tmp}`,
    `DefaultRuntimeDir ${tmp}`,
    `PidFile ${tmp}/apache-${sites[0]?.port}.pid`,
    `ErrorLog ${tmp}/apache-${sites[0]?.port}-error.log`,
    'LogLevel warn',
    'ServerName 127.0.0.1',
    ...(isRoot ? ['User www-data', 'Group www-data'] : []),
    ...modules.map((m) => `LoadModule ${m}_module ${MODULES}/mod_${m}.so`),
    'TypesConfig /etc/mime.types',
    'DirectoryIndex index.html',
    // Debian's apache2.conf.
    '<Directory />\n  Options FollowSymLinks\n  AllowOverride None\n  Require all denied\n</Directory>',
    '<FilesMatch "^\\.ht">\n  Require all denied\n</FilesMatch>',
    ...(extra.includes('headers')
      ? [
          // Debian's security.conf hardening, switched on server-wide.
          'Header always set X-Frame-Options "DENY"',
          `Header always set Content-Security-Policy "frame-ancestors 'none'"`,
          'Header set X-Content-Type-Options "nosniff"',
        ]
      : []),
    ...sites.flatMap(({ port, docRoot, options, allowOverride }) => [
      `Listen 127.0.0.1:${port}`,
      `<VirtualHost 127.0.0.1:${port}>`,
      `  DocumentRoot ${docRoot}`,
      `  <Directory ${docRoot}>`,
      `    Options ${options ?? 'FollowSymLinks'}`,
      `    AllowOverride ${allowOverride ?? 'FileInfo'}`,
      '    Require all granted',
      '  </Directory>',
      '</VirtualHost>',
    ]),
    '',
  ].join('\n');
}

/**
 * nginx with one site: at the root beside Debian's default `location /`, or under the
 * sub-path; `bare`: the folder copied to the root without the snippet of docs/hosting.md, listings on.
 */
function nginxConfig(
  tmp: string,
  port: number,
  at: 'root' | 'sub' | 'bare',
  folder: string,
): string {
  const snippet =
    at === 'root'
      ? nginxRootSnippet(folder)
      : at === 'sub'
        ? nginxSnippet(SUB, folder, { repeat: HSTS })
        : `# In the server block\nroot ${folder};\nindex index.html;\nautoindex on;`;
  const [maps = '', rest = ''] = snippet.split('# In the server block');
  // Debian's default site: its own root and index (sub-path only) and `location /`.
  const own = [
    ...(at === 'sub'
      ? [`root ${tmp};`, 'index index.html index.htm index.nginx-debian.html;']
      : []),
    'location / {\n    try_files $uri $uri/ =404;\n}',
  ].join('\n');
  const indent = (s: string, by: string) => s.replace(/^(?=.)/gm, by);
  return [
    ...(isRoot ? ['user www-data;'] : []),
    'worker_processes 1;',
    `pid ${tmp}/nginx-${port}.pid;`,
    `error_log ${tmp}/nginx-${port}-error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '    access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (name) => `    ${name}_temp_path ${tmp}/nginx-${name};`,
    ),
    '    include /etc/nginx/mime.types;',
    '    default_type application/octet-stream;',
    indent(maps.replace(/^# In the http block:\n/m, ''), '    '),
    '    server {',
    `        listen 127.0.0.1:${port};`,
    '        server_name _;',
    ...Object.entries(HSTS).map(([name, value]) => `        add_header ${name} "${value}" always;`),
    indent(own, '        '),
    indent(`# In the server block${rest}`, '        '),
    '    }',
    '}',
    '',
  ].join('\n');
}

interface Target {
  name: string;
  origin: string;
  base: string;
  folder: string;
  /** nginx: the server-wide header nginx drops in the site's location, repeated there. */
  hsts: boolean;
}

/** Runs every HTTP check against one server and base; returns the failures. */
async function httpChecks(t: Target): Promise<string[]> {
  const problems: string[] = [];
  const url = (path: string) => `${t.origin}${t.base}${path}`;
  const get = (path: string, init: RequestInit = {}) =>
    request(url(path), { redirect: 'manual', ...init });
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${t.name}: ${what}`);
  };
  const header = (res: Response, name: string) => res.headers.get(name);
  const files = readdirSync(t.folder, { recursive: true, encoding: 'utf8' }).map((f) =>
    f.split(sep).join('/'),
  );
  const pages = files
    .filter((f) => f.endsWith('index.html'))
    .map((f) => f.replace(/index\.html$/, ''));
  const first = (re: RegExp) => files.find((f) => re.test(f)) ?? '';

  /** The security headers every response carries; `embed` pages may be framed by any site. */
  const securityHeaders = (res: Response, path: string, embed: boolean) => {
    for (const [name, value] of Object.entries(COMMON_HEADERS))
      expect(header(res, name) === value, `${path}: ${name} is ${header(res, name)}`);
    const csp = embed ? EMBED_FRAME_ANCESTORS : FRAME_HEADERS['Content-Security-Policy'];
    expect(
      header(res, 'content-security-policy') === csp,
      `${path}: CSP is ${header(res, 'content-security-policy')}, not ${csp}`,
    );
    const xfo = embed ? null : FRAME_HEADERS['X-Frame-Options'];
    expect(
      header(res, 'x-frame-options') === xfo,
      `${path}: X-Frame-Options is ${header(res, 'x-frame-options')}, not ${xfo}`,
    );
    if (t.hsts)
      expect(
        header(res, 'strict-transport-security') === HSTS['Strict-Transport-Security'],
        `${path}: the server's HSTS header was dropped`,
      );
  };

  // Every page: 200, HTML, headers, revalidated.
  await Promise.all(
    pages.map(async (path) => {
      const res = await get(path);
      expect(res.status === 200, `${path}: status ${res.status}`);
      expect(
        /^text\/html/.test(header(res, 'content-type') ?? ''),
        `${path}: type ${header(res, 'content-type')}`,
      );
      expect(
        header(res, 'cache-control') === CACHE.revalidate,
        `${path}: Cache-Control ${header(res, 'cache-control')}`,
      );
      securityHeaders(res, path, /^[^/]+\/embed\//.test(path));
      await res.arrayBuffer();
    }),
  );

  // The not-found page, with its headers, for a missing page and a missing hashed file.
  for (const path of ['no-such-page/', 'en/no-such-page', '_astro/no-such-file.js']) {
    const res = await get(path);
    const body = await res.text();
    expect(res.status === 404, `${path}: status ${res.status}, not 404`);
    expect(body.includes('id="not-found-en"'), `${path}: the body is not the site's 404 page`);
    securityHeaders(res, path, false);
  }

  // Files: their types, caching and compression.
  const typed: [string, RegExp, string][] = [
    [first(/^_astro\/.+\.css$/), /^text\/css/, CACHE.immutable],
    [first(/^_astro\/.+\.js$/), /^(text|application)\/javascript/, CACHE.immutable],
    [first(/^_astro\/.+\.woff2$/), /^font\/woff2/, CACHE.immutable],
    ['pagefind/pagefind-entry.json', /^application\/json/, CACHE.revalidate],
    ['pagefind/pagefind.js', /^(text|application)\/javascript/, CACHE.revalidate],
    ['pagefind/wasm.en.pagefind', /^application\/octet-stream/, CACHE.revalidate],
    [first(/^pagefind\/pagefind\.en_.+\.pf_meta$/), /^application\/octet-stream/, CACHE.revalidate],
    [first(/^pagefind\/index\/en_.+\.pf_index$/), /^application\/octet-stream/, CACHE.immutable],
    [
      first(/^pagefind\/fragment\/en_.+\.pf_fragment$/),
      /^application\/octet-stream/,
      CACHE.immutable,
    ],
    ['favicon.svg', /^image\/svg\+xml/, CACHE.revalidate],
  ];
  await Promise.all(
    typed.map(async ([path, type, cache]) => {
      expect(path !== '', `a file of type ${type} is missing from the build`);
      const res = await get(path, { headers: { 'accept-encoding': 'gzip' } });
      expect(res.status === 200, `${path}: status ${res.status}`);
      expect(
        type.test(header(res, 'content-type') ?? ''),
        `${path}: type ${header(res, 'content-type')}`,
      );
      expect(
        header(res, 'cache-control') === cache,
        `${path}: Cache-Control ${header(res, 'cache-control')}, not ${cache}`,
      );
      expect(header(res, 'x-content-type-options') === 'nosniff', `${path}: no nosniff`);
      if (/\.(css|js|json|svg)$/.test(path) && !path.includes('pagefind.js'))
        expect(header(res, 'content-encoding') === 'gzip', `${path}: not compressed`);
      await res.arrayBuffer();
    }),
  );

  // The base without its slash, and a page without its slash.
  if (t.base !== '/') {
    const res = await request(`${t.origin}${t.base.replace(/\/$/, '')}`, { redirect: 'manual' });
    const to = new URL(header(res, 'location') ?? '', t.origin).pathname;
    expect(
      [301, 308].includes(res.status) && to === t.base,
      `${t.base} without slash: ${res.status} → ${to}`,
    );
  }
  const slashless = await request(url('en/architecture'));
  expect(
    slashless.status === 200 && (await slashless.text()).includes('<html lang="en"'),
    `en/architecture: ${slashless.status}`,
  );

  // Configuration files are not served.
  for (const path of CONFIG_FILES) {
    const res = await get(path);
    expect([403, 404].includes(res.status), `${path}: served with status ${res.status}`);
    await res.arrayBuffer();
  }
  return problems;
}

/** Search and a diagram in Chromium, nothing from another origin, no console error. */
async function browserSmoke(t: Target, browser: Browser): Promise<string[]> {
  const problems: string[] = [];
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    page.on(
      'console',
      (msg) => msg.type() === 'error' && problems.push(`${t.name}: console: ${msg.text()}`),
    );
    page.on('pageerror', (error) => problems.push(`${t.name}: ${error.message}`));
    await page.route(
      (u) => u.origin !== t.origin,
      (route) => {
        problems.push(`${t.name}: request to another origin ${route.request().url()}`);
        return route.abort();
      },
    );
    await page.goto(`${t.origin}${t.base}en/`);
    await page.locator('[data-search-trigger]').first().click();
    await page.getByRole('dialog').getByRole('combobox').fill('hypervisor');
    await page.getByRole('dialog').locator('[role="option"]').first().waitFor({ timeout: 10_000 });
    await page.goto(`${t.origin}${t.base}en/io-drivers/`);
    const radio = page.locator('#figure-io-path [role="radio"][data-value="hosted"]').first();
    await radio.click();
    await page.waitForFunction(() => location.hash.includes('io-path=hosted'));
  } catch (error) {
    problems.push(`${t.name}: browser: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await context.close();
  }
  return problems;
}

const started = Date.now();
const lap = (what: string) =>
  console.log(`  ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (process.argv.includes('--build-sub')) {
  buildSub();
  lap(`sub-path build in dist-sub${SUB}`);
  process.exit(0);
}
ensureServers();
const executablePath = findChromium();
if (!executablePath) fail('no Chromium found: run `node scripts/chromium.ts`');
if (!existsSync(join(dist, 'index.html')))
  fail('dist/ has no index.html: run `npm run build` first');
const built = join(distSub, SUB);
const reuse = process.argv.includes('--sub-built');
if (reuse && !existsSync(join(built, 'index.html')))
  fail(`dist-sub${SUB} has no index.html: run \`node scripts/test-servers.ts --build-sub\` first`);
const sub = reuse ? built : buildSub();
lap(reuse ? 'sub-path build made before' : 'sub-path build');
const tmp = await mkdtemp(join(tmpdir(), 'test-servers-'));
// The servers read as www-data: serve copies from a folder it may enter, wherever the
// project itself lies (a checkout in a private folder answers 403 otherwise).
await chmod(tmp, 0o755);
const www = { root: join(tmp, 'www-root'), sub: join(tmp, 'www-sub') };
await cp(dist, www.root, { recursive: true });
await cp(distSub, www.sub, { recursive: true });
const children: ChildProcess[] = [];
const problems: string[] = [];
try {
  const [apacheRoot, apacheSub, bare, nginxRoot, nginxSub, noOverride, indexes, stock, plain] =
    await Promise.all(Array.from({ length: 9 }, freePort));
  const conf = async (name: string, text: string) => {
    const file = join(tmp, name);
    await writeFile(file, text);
    return file;
  };
  const apache = await conf(
    'apache.conf',
    apacheConfig(
      tmp,
      [
        { port: apacheRoot ?? 0, docRoot: www.root },
        { port: apacheSub ?? 0, docRoot: www.sub },
        // Setups the hosting check must judge (see `hostSetups` below).
        { port: noOverride ?? 0, docRoot: www.root, allowOverride: 'None' },
        { port: indexes ?? 0, docRoot: www.root, options: 'Indexes FollowSymLinks' },
        {
          port: stock ?? 0,
          docRoot: www.root,
          options: 'Indexes FollowSymLinks',
          allowOverride: 'None',
        },
      ],
      ['headers'],
    ),
  );
  // Debian's default: no mod_headers. The site must then fail loudly, not lose its headers.
  const apacheBare = await conf(
    'apache-bare.conf',
    apacheConfig(tmp, [{ port: bare ?? 0, docRoot: www.root }], []),
  );
  const nginxA = await conf('nginx-root.conf', nginxConfig(tmp, nginxRoot ?? 0, 'root', www.root));
  const nginxB = await conf(
    'nginx-sub.conf',
    nginxConfig(tmp, nginxSub ?? 0, 'sub', join(www.sub, SUB)),
  );
  const nginxC = await conf('nginx-bare.conf', nginxConfig(tmp, plain ?? 0, 'bare', www.root));
  const at = (port: number | undefined) => `http://127.0.0.1:${port}`;
  children.push(
    ...(await Promise.all([
      start('apache2', '/usr/sbin/apache2', ['-f', apache, '-DFOREGROUND'], `${at(apacheRoot)}/`),
      start(
        'apache2 without mod_headers',
        '/usr/sbin/apache2',
        ['-f', apacheBare, '-DFOREGROUND'],
        `${at(bare)}/`,
      ),
      start(
        'nginx (root)',
        '/usr/sbin/nginx',
        ['-c', nginxA, '-p', tmp, '-e', `${tmp}/nginx-a.log`, '-g', 'daemon off;'],
        `${at(nginxRoot)}/`,
      ),
      start(
        'nginx (sub-path)',
        '/usr/sbin/nginx',
        ['-c', nginxB, '-p', tmp, '-e', `${tmp}/nginx-b.log`, '-g', 'daemon off;'],
        `${at(nginxSub)}/`,
      ),
      start(
        'nginx (no snippet)',
        '/usr/sbin/nginx',
        ['-c', nginxC, '-p', tmp, '-e', `${tmp}/nginx-c.log`, '-g', 'daemon off;'],
        `${at(plain)}/`,
      ),
    ])),
  );
  const targets: Target[] = [
    { name: `Apache ${'/'}`, origin: at(apacheRoot), base: '/', folder: dist, hsts: false },
    { name: `Apache ${SUB}`, origin: at(apacheSub), base: SUB, folder: sub, hsts: false },
    { name: `nginx ${'/'}`, origin: at(nginxRoot), base: '/', folder: dist, hsts: true },
    { name: `nginx ${SUB}`, origin: at(nginxSub), base: SUB, folder: sub, hsts: true },
  ];
  // `npm run check:host` on every setup: those of docs/hosting.md pass; each other fails in exactly the
  // areas named (a hardened .htaccess keeps listings off even under `Options Indexes`).
  const hostSetups: { name: string; url: string; fails: string[] }[] = [
    ...targets.map((t) => ({ name: t.name, url: `${t.origin}${t.base}`, fails: [] })),
    { name: 'Apache, Options Indexes', url: `${at(indexes)}/`, fails: [] },
    {
      name: 'Apache, AllowOverride None',
      url: `${at(noOverride)}/`,
      fails: ['security headers', '404 page', 'config files'],
    },
    {
      name: "Apache, Debian's stock folder (Indexes, AllowOverride None)",
      url: `${at(stock)}/`,
      fails: ['security headers', '404 page', 'directory listings', 'config files'],
    },
    {
      name: 'nginx without the snippet, autoindex on',
      url: `${at(plain)}/`,
      fails: ['security headers', '404 page', 'directory listings', 'config files'],
    },
  ];
  const hostChecked = Promise.all(
    hostSetups.map(async (setup) => {
      const rows = await checkHost(setup.url, request);
      const failed = rows.filter((r) => r.verdict === 'fail').map((r) => r.area);
      const ok = failed.join() === setup.fails.join();
      console.log(
        `${ok ? '✔' : '✖'} check:host, ${setup.name}: ${failed.length ? `fails ${failed.join(', ')}` : 'passes'}`,
      );
      if (!ok) {
        problems.push(`check:host, ${setup.name}: expected to fail [${setup.fails.join(', ')}]`);
        console.log(formatTable(rows));
      }
      if (process.argv.includes('--tables')) console.log(`${formatTable(rows)}\n`);
    }),
  );
  const loud = await request(`${at(bare)}/en/`);
  if (loud.status !== 500)
    problems.push(`Apache without mod_headers: ${loud.status}, not a loud 500`);
  lap('servers started');
  const browser = await chromium.launch({ executablePath, args: playwrightArgs });
  try {
    // The four servers are independent: check them side by side, report in order.
    const results = await Promise.all(
      targets.map(async (target) => [
        ...(await httpChecks(target)),
        ...(await browserSmoke(target, browser)),
      ]),
    );
    targets.forEach((target, i) => {
      const found = results[i] ?? [];
      console.log(`${found.length ? '✖' : '✔'} ${target.name}: HTTP checks and browser smoke test`);
      problems.push(...found);
    });
    lap('all four checked');
    await hostChecked;
    lap('hosting check on eight setups');
  } finally {
    await browser.close();
  }
  console.log(`${loud.status === 500 ? '✔' : '✖'} Apache without mod_headers fails loudly (500)`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await rm(tmp, { recursive: true, force: true });
}
console.log(`test-servers: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
