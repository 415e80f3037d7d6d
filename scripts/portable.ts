// The portable build: turns the production build in `dist/` into a folder that works when
// its index.html is opened straight from disk (a USB stick, a zip from the LMS), and a zip
// of that folder. Run by `npm run build:portable` after the normal build; `dist/` itself is
// left as it is.
//
// What it rewrites, and why:
// - Every link and asset URL under the site's base (href, src, action, data-href-*) becomes
//   a relative path to a file, ending in index.html: a browser opening files has no server
//   to turn `/de/architecture/` into `de/architecture/index.html`. `data-base` (the root
//   for scripts that build URLs) becomes the relative path of the site's root folder.
// - Module scripts become classic, deferred scripts bundled by esbuild: browsers refuse to
//   load `type="module"` scripts from file:// pages.
// - Fonts travel inside the stylesheet as data: URLs (font-src allows data: here, and the
//   font preload goes): Chromium refuses a font file to a page opened from disk.
// - The Content Security Policy keeps every directive, with script-src listing the
//   rewritten scripts: 'self' plus the hashes of the inline scripts left in the page.
// - The fallback search data names page files (`de/x/index.html`), not folders.
// - The offline copy is left out (a copy on disk is offline already, and browsers run no
//   service worker for file:// pages; the SCORM packages, made from this copy, run inside a
//   course platform's origin): no sw.js, no offline/ folder (listings, manifests), no app
//   icons, and no manifest link, <offline-copy> control or its lazy code in any page.
// The search falls back by itself to its classic-script data when Pagefind cannot start,
// which is always the case from file://.
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { zipSync } from 'fflate';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import type { StartTag } from 'parse5-sax-parser';
import { filesBelow } from '../src/lib/files-below.ts';
import { ICONS, OFFLINE_DIR, WORKER_FILE } from '../src/lib/offline.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = join(root, 'dist');
const name = 'bare-metal-explainer';
const outRoot = join(root, 'dist-portable');
const out = join(outRoot, name);
const scriptDir = '_portable';
const base = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

if (!existsSync(join(source, 'index.html'))) {
  console.error('portable: dist/index.html is missing; run `npm run build` first.');
  process.exit(1);
}

rmSync(outRoot, { recursive: true, force: true });
mkdirSync(outRoot, { recursive: true });
// Server configuration files mean nothing on a disk, and Pagefind's folder is never read
// from one (search answers with its fallback there), nor is the offline copy (above);
// everything else is copied.
const serverFiles = new Set([
  ...['_headers', '.htaccess', 'web.config', 'pagefind'],
  ...[WORKER_FILE, OFFLINE_DIR, ...ICONS.map((icon) => icon.file)],
]);
cpSync(source, out, {
  recursive: true,
  // Font files travel inside the stylesheet (below), so they are not copied.
  // The offline control's code (its entry chunk) would be dead weight: no page names it.
  filter: (from) =>
    !serverFiles.has(relative(source, from)) &&
    !from.endsWith('.woff2') &&
    !/^_astro\/offline-copy\./.test(relative(source, from).split(sep).join('/')),
});
mkdirSync(join(out, scriptDir), { recursive: true });

/** The file a site URL path points at (folder URLs mean their index.html), or null. */
function fileFor(sitePath: string): string | null {
  let path = decodeURIComponent(sitePath.slice(base.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const full = join(out, path);
  if (existsSync(full) && statSync(full).isDirectory()) path += '/index.html';
  return existsSync(join(out, path)) ? path : null;
}

const unresolved = new Set<string>();

/** `url` rewritten relative to the page at `page` (a path below `out`). */
function rewriteUrl(url: string, page: string): string {
  if (!url.startsWith(base) || url.startsWith('//')) return url;
  const [, path = '', rest = ''] = /^([^?#]*)(.*)$/.exec(url) ?? [];
  const target = fileFor(path);
  if (!target) {
    unresolved.add(`${path} (in ${page})`);
    return url;
  }
  const rel = posix.relative(posix.dirname(page), target) || posix.basename(target);
  return rel + rest;
}

const bundles = new Map<string, string>();

/** A classic-script bundle of module code (a file of the site or inline code). */
async function classic(
  key: string,
  entry: Pick<BuildOptions, 'entryPoints' | 'stdin'>,
): Promise<string> {
  const known = bundles.get(key);
  if (known) return known;
  const result = await build({
    ...entry,
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    logLevel: 'silent',
    plugins: [
      {
        // Imports of site URLs (`/_astro/chunk.js`) resolve to the files in the build.
        name: 'site-paths',
        setup(b) {
          b.onResolve({ filter: /^\// }, (args) =>
            args.kind === 'entry-point'
              ? undefined
              : args.path.startsWith(base) && existsSync(join(out, args.path.slice(base.length)))
                ? { path: join(out, args.path.slice(base.length)) }
                : { path: args.path, external: true },
          );
        },
      },
    ],
  });
  const code = result.outputFiles[0]?.text ?? '';
  const file = `${scriptDir}/${createHash('sha256').update(code).digest('hex').slice(0, 12)}.js`;
  writeFileSync(join(out, file), code);
  bundles.set(key, file);
  return file;
}

const hash = (text: string): string =>
  `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** A script element being read: a module (to bundle) or a classic script (kept). */
type OpenScript =
  | { module: true; src: string | undefined; text: string; tag: StartTag }
  | { module: false; text: string };

/** True for an element of the offline copy, left out of every page with what it holds. */
const isOffline = (tag: StartTag): boolean => {
  const attr = (name: string) => tag.attrs.find((a) => a.name === name)?.value;
  return (
    tag.tagName === 'offline-copy' ||
    (tag.tagName === 'template' && attr('data-lazy') === 'offline-copy') ||
    (tag.tagName === 'link' && attr('rel') === 'manifest')
  );
};

/** Rewrites one HTML page in place. */
async function rewritePage(page: string): Promise<void> {
  const html = readFileSync(join(out, page), 'utf8');
  const rewriter = new RewritingStream();
  const chunks: string[] = [];
  const inlineScripts: string[] = [];
  const pending: Promise<void>[] = [];
  let inScript: OpenScript | null = null;
  /** The offline element being left out, and how deep in it the stream is. */
  let dropping: { name: string; depth: number } | null = null;
  rewriter.on('startTag', (tag, raw) => {
    if (dropping) {
      if (tag.tagName === dropping.name) dropping.depth += 1;
      return;
    }
    if (isOffline(tag)) {
      if (tag.tagName !== 'link') dropping = { name: tag.tagName, depth: 1 };
      return;
    }
    // A font preload would fetch a file the copy does not have: the font is in the stylesheet.
    const attr = (name: string) => tag.attrs.find((a) => a.name === name)?.value;
    if (tag.tagName === 'link' && attr('rel') === 'preload' && attr('as') === 'font') return;
    let changed = false;
    for (const attr of tag.attrs) {
      if (attr.name === 'data-base' && attr.value === base) {
        // The site's root, for scripts that build URLs (search): a relative folder path.
        [attr.value, changed] = [`${posix.relative(posix.dirname(page), '.') || '.'}/`, true];
      } else if (
        ['href', 'src', 'action'].includes(attr.name) ||
        attr.name.startsWith('data-href')
      ) {
        const next = rewriteUrl(attr.value, page);
        if (next !== attr.value) [attr.value, changed] = [next, true];
      }
    }
    if (tag.tagName === 'script') {
      const type = tag.attrs.find((a) => a.name === 'type');
      const src = tag.attrs.find((a) => a.name === 'src');
      if (type?.value === 'module') {
        tag.attrs = tag.attrs.filter((a) => a.name !== 'type' && a.name !== 'src');
        tag.attrs.push({ name: 'defer', value: '' });
        inScript = { module: true, src: src?.value, text: '', tag };
        return; // emitted when the script ends, once bundled
      }
      inScript = { module: false, text: '' };
    }
    chunks.push(changed ? tagText(tag) : raw);
  });
  rewriter.on('text', (_, raw) => {
    if (dropping) return;
    if (inScript) inScript.text += raw;
    else chunks.push(raw);
  });
  rewriter.on('endTag', (tag, raw) => {
    if (dropping) {
      if (tag.tagName === dropping.name && --dropping.depth === 0) dropping = null;
      return;
    }
    if (tag.tagName === 'script' && inScript) {
      const script = inScript;
      inScript = null;
      if (!script.module) {
        if (script.text.trim()) inlineScripts.push(script.text);
        chunks.push(script.text, raw);
        return;
      }
      const index = chunks.length;
      chunks.push('');
      pending.push(
        (async () => {
          const entry = script.src && join(out, posix.join(dirname(page), script.src));
          const file = entry
            ? await classic(`file:${entry}`, { entryPoints: [entry] })
            : await classic(`inline:${script.text}`, {
                stdin: { contents: script.text, resolveDir: out, loader: 'js' },
              });
          script.tag.attrs.push({ name: 'src', value: posix.relative(posix.dirname(page), file) });
          chunks[index] = `${tagText(script.tag)}</script>`;
        })(),
      );
      return;
    }
    chunks.push(raw);
  });
  rewriter.on('comment', (_, raw) => {
    if (!dropping) chunks.push(raw);
  });
  rewriter.on('doctype', (_, raw) => chunks.push(raw));

  await new Promise<void>((resolve, reject) => {
    rewriter.on('finish', resolve);
    rewriter.on('error', reject);
    rewriter.end(html);
  });
  await Promise.all(pending);
  const csp = (text: string): string =>
    text
      .replace(
        /script-src [^;"]*/,
        `script-src 'self' ${[...new Set(inlineScripts.map(hash))].join(' ')}`.trim(),
      )
      .replace("font-src 'self'", "font-src 'self' data:");
  const result = chunks
    .join('')
    .replace(
      /(<meta http-equiv="content-security-policy" content=")([^"]*)/,
      (_, a: string, b: string) => a + csp(b),
    );
  writeFileSync(join(out, page), result);
}

/** The HTML of a start tag (attribute values escaped). */
function tagText(tag: StartTag): string {
  const attrs = tag.attrs
    .map((a) =>
      a.value === ''
        ? ` ${a.name}`
        : ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
    )
    .join('');
  return `<${tag.tagName}${attrs}${tag.selfClosing ? ' /' : ''}>`;
}

// Module scripts may rewrite relative paths into pages; the module files themselves (now
// bundled into _portable/) stay in place for pages that still reference them.
const pages = filesBelow(out).filter((f) => f.endsWith('.html'));
for (const page of pages) await rewritePage(page);

// Stylesheets: `url(/<base>_astro/font.woff2)` → `url(data:font/woff2;base64,…)`.
for (const sheet of filesBelow(out).filter((f) => f.endsWith('.css'))) {
  const file = join(out, sheet);
  const css = readFileSync(file, 'utf8');
  const rewritten = css.replace(
    /url\((['"]?)([^)'"]+\.woff2)\1\)/g,
    (whole, _q: string, url: string) => {
      const font = url.startsWith(base) ? join(source, url.slice(base.length)) : '';
      if (!font || !existsSync(font)) return whole;
      return `url(data:font/woff2;base64,${readFileSync(font).toString('base64')})`;
    },
  );
  if (rewritten !== css) writeFileSync(file, rewritten);
}
// The fallback search data names each page by its folder (`de/advantages/`); here it names
// the file (`de/advantages/index.html`), so a result works from disk and under any server
// that serves no index.html for a folder URL (a course platform's file server).
for (const data of filesBelow(out).filter((f) => /^search-fallback\/[^/]+\.js$/.test(f))) {
  const file = join(out, data);
  const js = readFileSync(file, 'utf8');
  writeFileSync(
    file,
    js.replace(/"u":"([^"]*)"/g, (whole, url: string) => {
      const target = fileFor(base + url);
      if (!target) unresolved.add(`${url} (in ${data})`);
      return target ? `"u":${JSON.stringify(target)}` : whole;
    }),
  );
}
if (unresolved.size) {
  console.error(
    `portable: ${unresolved.size} link(s) point at no file:\n  ${[...unresolved].join('\n  ')}`,
  );
  process.exit(1);
}

const entries: Record<string, Uint8Array> = {};
for (const file of filesBelow(out)) entries[`${name}/${file}`] = readFileSync(join(out, file));
const zip = zipSync(entries, { level: 9 });
writeFileSync(join(outRoot, `${name}.zip`), zip);

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const folderBytes = Object.values(entries).reduce((sum, b) => sum + b.length, 0);
console.log(
  `portable: ${pages.length} pages, ${Object.keys(entries).length} files, ${kb(folderBytes)} in ${relative(root, out)}/`,
);
console.log(`portable: zip ${relative(root, join(outRoot, `${name}.zip`))} is ${kb(zip.length)}`);
