// Link check at two bases: crawls every page of the site built at its own base (`dist/`,
// from `npm run build`) and of a second build under another base (`/kurs/virtualisierung/`
// when the first is `/`), following every link recursively from the root page, the
// not-found page and the sitemap, with linkinator: zero broken links, zero broken
// #fragments, zero missing assets.
//
// The second build is the sub-path build that `npm run test:servers` leaves in dist-sub/
// when there is one (built without SITE_URL, as this check is run by `npm test`); otherwise
// this check runs the project's own `npm run build` (so every post-build step, such as the
// search index, is in it) with BASE_PATH set, keeping `dist/` aside meanwhile and putting
// it back afterwards. Each build is served from a folder whose path is its base, as a web
// server would.
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LinkChecker } from 'linkinator';
import { builtBase, topicPages } from '../tests/site-pages.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const SUB_PATH = '/kurs/virtualisierung/';
const normalise = (base: string): string =>
  `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const ownBase = normalise(process.env['BASE_PATH'] ?? '/');
const otherBase = ownBase === '/' ? SUB_PATH : '/';

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** Runs `npm run build` with BASE_PATH=`base` and moves its output to `<serverRoot><base>`. */
async function buildAt(base: string, serverRoot: string): Promise<void> {
  const aside = join(serverRoot, '..', 'dist-aside');
  const hadDist = await exists(dist);
  if (hadDist) await cp(dist, aside, { recursive: true });
  try {
    const run = spawnSync('npm', ['run', '--silent', 'build'], {
      cwd: root,
      env: { ...process.env, BASE_PATH: base },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (run.status !== 0) throw new Error(`the build at base ${base} failed`);
    const target = join(serverRoot, base);
    await mkdir(dirname(target.replace(/\/$/, '')), { recursive: true });
    await cp(dist, target, { recursive: true });
  } finally {
    await rm(dist, { recursive: true, force: true });
    // Copied, not renamed: the temporary folder may be on another file system.
    if (hadDist) await cp(aside, dist, { recursive: true });
  }
}

/** A free TCP port on this machine. */
const freePort = (): Promise<number> =>
  new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
    server.on('error', fail);
  });

// With SITE_URL, canonical links, language alternates and the sitemap name the site's public
// origin; the crawl points them at the local server, so they are checked too.
const siteOrigin = process.env['SITE_URL'] ? new URL(process.env['SITE_URL']).origin : undefined;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Folders of the topic pages (tests/site-pages.ts; the sitemap exists only with SITE_URL). */
const topicFolders = (): string[] => topicPages().map((p) => p.path.slice(1));

/** Folders of pages the sitemap leaves out on purpose: the embed pages (`noindex`). */
async function embedPages(folder: string): Promise<string[]> {
  const langs = ['de', 'en'];
  const found: string[] = [];
  for (const lang of langs) {
    const dir = join(folder, lang, 'embed');
    const names = await readdir(dir).catch((): string[] => []);
    for (const name of names) found.push(`${lang}/embed/${name}/`);
  }
  return found;
}

/** Crawls the site served from `serverRoot` under `base`; returns the broken links. */
async function crawl(base: string, serverRoot: string): Promise<string[]> {
  const folder = join(serverRoot, base);
  const port = await freePort();
  const local = `http://localhost:${port}`;
  const checker = new LinkChecker();
  let pages = 0;
  checker.on('pagestart', () => (pages += 1));
  const result = await checker.check({
    // Relative to serverRoot: the root page, the not-found page, every page of the sitemap
    // and every embed page.
    path: ['index.html', '404.html', ...topicFolders(), ...(await embedPages(folder))].map(
      (file) => `.${base}${file}`,
    ),
    serverRoot,
    recurse: true,
    checkFragments: true,
    checkCss: true,
    port,
    urlRewriteExpressions: siteOrigin
      ? [{ pattern: new RegExp(`^${escapeRegExp(siteOrigin)}`), replacement: local }]
      : [],
    concurrency: 20,
    timeout: 10_000,
  });
  const broken = result.links.filter((link) => link.state === 'BROKEN');
  const checked = result.links.filter((link) => link.state === 'OK').length;
  console.log(
    `base ${base}: ${pages} pages crawled, ${checked} links checked, ${broken.length} broken`,
  );
  return broken.map(
    (link) => `  ${link.status ?? '-'} ${link.url}\n      on ${link.parent ?? '?'}`,
  );
}

const work = await mkdtemp(join(tmpdir(), 'check-links-'));
try {
  if (!(await exists(join(dist, 'index.html')))) {
    throw new Error('dist/ has no index.html: run `npm run build` first');
  }
  const own = join(work, 'own');
  const other = join(work, 'other');
  await mkdir(join(own, ownBase), { recursive: true });
  await cp(dist, join(own, ownBase), { recursive: true });
  const made = join(root, 'dist-sub', otherBase);
  const reusable =
    !process.env['SITE_URL'] &&
    (await exists(join(made, 'index.html'))) &&
    builtBase(pathToFileURL(join(made, '/'))) === otherBase;
  if (reusable) {
    console.log(`base ${otherBase}: the build in dist-sub/ (from npm run test:servers)`);
    await mkdir(join(other, otherBase), { recursive: true });
    await cp(made, join(other, otherBase), { recursive: true });
  } else await buildAt(otherBase, other);
  const broken = [...(await crawl(ownBase, own)), ...(await crawl(otherBase, other))];
  if (broken.length > 0) {
    console.error(`Broken links:\n${broken.join('\n')}`);
    process.exitCode = 1;
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
