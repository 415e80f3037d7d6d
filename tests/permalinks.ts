// Permanent links: every public URL of the built site and every heading anchor on its
// pages. tests/permalinks.json holds the list the site promises to keep; the browser test
// fails when a listed URL or anchor is gone, and `npm run permalinks:update` regenerates
// the list from dist/ after pages or headings were added on purpose.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Site-relative path (without base) → the anchors that page keeps. */
export type Permalinks = Record<string, string[]>;

/** Folders of build output whose names change with every build, or that only scripts
 * read (hashed assets, search indexes). */
const GENERATED = new Set(['_astro', 'pagefind', 'search-fallback']);
/** Server configuration files: read by the web server, never requested by a reader. */
const SERVER_FILES = new Set(['_headers', '.htaccess', 'web.config']);

/** The heading ids of a page, the ids of its diagrams (teachers link `#figure-io-path`),
 * and the ids of anchor aliases kept for moved headings. */
export function anchorsOf(html: string): string[] {
  const ids = new Set<string>();
  for (const [, tag = '', attrs = ''] of html.matchAll(/<([a-zA-Z][\w-]*)(\s[^>]*)?>/g)) {
    const id = /\sid="([^"]+)"/.exec(attrs)?.[1];
    const kept = /\s(data-anchor-alias|data-diagram)[\s=>]/.test(`${attrs}>`);
    if (id && (/^h[1-6]$/i.test(tag) || kept)) ids.add(id);
  }
  return [...ids].sort();
}

/** The URL path a file of dist/ is served at: `de/x/index.html` → `/de/x/`. */
export function urlPathOf(file: string): string {
  const path = `/${file.split(sep).join('/')}`;
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Every public URL in a build directory, with the anchors of its HTML pages. */
export function collect(dist: string): Permalinks {
  const found: Permalinks = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!(dir === dist && GENERATED.has(name))) walk(path);
      } else if (!(dir === dist && SERVER_FILES.has(name))) {
        const url = urlPathOf(relative(dist, path));
        found[url] = name.endsWith('.html') ? anchorsOf(readFileSync(path, 'utf8')) : [];
      }
    }
  };
  walk(dist);
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

/** What `expected` lists that `actual` lacks: `/path` for a gone page, `/path#id` for an anchor. */
export function missing(expected: Permalinks, actual: Permalinks): string[] {
  const gone: string[] = [];
  for (const [path, anchors] of Object.entries(expected)) {
    const have = actual[path];
    if (!have) {
      gone.push(path);
      continue;
    }
    for (const anchor of anchors) if (!have.includes(anchor)) gone.push(`${path}#${anchor}`);
  }
  return gone;
}

/** A readable diff of the promised list against the site: `-` gone, `+` new (unlisted). */
export function diff(expected: Permalinks, actual: Permalinks): string {
  const gone = missing(expected, actual).map((entry) => `- ${entry}`);
  const added = missing(actual, expected).map((entry) => `+ ${entry}`);
  return [...gone, ...added].join('\n');
}

/** Throws, with the diff, when a promised URL or anchor is gone. */
export function assertKept(expected: Permalinks, actual: Permalinks): void {
  if (missing(expected, actual).length > 0) {
    throw new Error(
      'Permanent links are gone (add a redirect or an anchor alias, see docs/teaching.md):\n' +
        diff(expected, actual),
    );
  }
}
