// Reads the built site in dist/ the way a browser does on a first visit: each page's HTML,
// the stylesheets it links, the scripts it runs on load (inline ones, files, and the modules
// those import statically) and the diagrams it shows. Sizes are gzip as a host sends them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import { builtBase } from '../site-pages.ts';

export const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

export const gzipSize = (data: string | Buffer): number => gzipSync(data).length;

export interface BuiltPage {
  /** Path as served, e.g. `/de/architecture/`. */
  path: string;
  /** Gzip size of the HTML document. */
  html: number;
  /** Stylesheet files linked (dist-relative paths). */
  styles: string[];
  /** Script files loaded on open: `<script src>`, module preloads and their static imports. */
  scripts: string[];
  /** Text of the inline scripts (classic or module; not JSON data blocks). */
  /** Gzip size of the HTML without its diagram figures. */
  htmlWithoutFigures: number;
  inlineScripts: string[];
  /** Ids of the diagrams on the page (`figure[data-diagram]`). */
  diagrams: string[];
}

/** The site's base path (`/` or e.g. `/kurs/virtualisierung/`). */
const basePath = (): string => builtBase(pathToFileURL(dist));

/** Every page in dist (every index.html, plus 404.html), as its served path. */
export function htmlFiles(): { path: string; file: string }[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html') && !f.split(sep).includes('pagefind'))
    .map((f) => ({
      path:
        '/' +
        f
          .split(sep)
          .join('/')
          .replace(/index\.html$/, ''),
      file: join(dist, f),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Files a module imports statically (`import … from "./x.js"`, `import "./x.js"`, re-exports). */
function staticImports(file: string): string[] {
  const code = readFileSync(join(dist, file), 'utf8');
  const specifiers = [
    ...code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+)["']/g),
  ].map((m) => m[1] ?? '');
  return specifiers
    .filter((s) => s.startsWith('.') || s.startsWith('/'))
    .map((s) =>
      relative(dist, join(dist, file, '..', s))
        .split(sep)
        .join('/'),
    );
}

/** A script file with everything it imports statically, each file once. */
export function withImports(files: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(join(dist, file))) return;
    seen.add(file);
    staticImports(file).forEach(visit);
  };
  files.forEach(visit);
  return [...seen];
}

/** Reads one built page. */
export async function readPage(path: string, file: string): Promise<BuiltPage> {
  const base = basePath();
  const html = readFileSync(file, 'utf8');
  const local = (url: string | undefined): string | undefined => {
    if (!url || /^[a-z]+:/i.test(url) || url.startsWith('//')) return undefined;
    const pathname = new URL(url, `http://site${path}`).pathname;
    if (!pathname.startsWith(base)) return undefined;
    return decodeURIComponent(pathname.slice(base.length));
  };
  const styles = new Set<string>();
  const entries = new Set<string>();
  const inlineScripts: string[] = [];
  const diagrams: string[] = [];
  let inScript: string[] | undefined;
  // Inside a <template> nothing runs: code there loads on first use (LazyScripts.astro).
  let inTemplate = 0;

  const parser = new RewritingStream();
  parser.on('startTag', (tag) => {
    const attr = (name: string) => tag.attrs.find((a) => a.name === name)?.value;
    const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
    if (tag.tagName === 'template') inTemplate++;
    if (inTemplate) return;
    // A print-only stylesheet blocks no screen rendering and has no place in the first
    // round trip's budget (the browser fetches it at low priority).
    const screen = (attr('media') ?? 'all') !== 'print';
    if (tag.tagName === 'link' && rel.includes('stylesheet') && screen) {
      const css = local(attr('href'));
      if (css) styles.add(css);
    }
    if (tag.tagName === 'link' && rel.includes('modulepreload')) {
      const js = local(attr('href'));
      if (js) entries.add(js);
    }
    if (tag.tagName === 'script') {
      const type = (attr('type') ?? '').toLowerCase();
      const runs = ['', 'module', 'text/javascript', 'application/javascript'].includes(type);
      const src = attr('src');
      if (runs && src) {
        const js = local(src);
        if (js) entries.add(js);
      } else if (runs) {
        inScript = [];
      }
    }
    if (tag.tagName === 'figure') {
      const id = attr('data-diagram');
      if (id) diagrams.push(id);
    }
  });
  parser.on('text', (text) => inScript?.push(text.text));
  parser.on('endTag', (tag) => {
    if (tag.tagName === 'template') inTemplate--;
    if (tag.tagName === 'script' && inScript) {
      inlineScripts.push(inScript.join(''));
      inScript = undefined;
    }
  });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline([html], parser, sink);

  return {
    path,
    html: gzipSize(html),
    htmlWithoutFigures: gzipSize(html.replace(/<figure[^>]*data-diagram[\s\S]*?<\/figure>/g, '')),
    styles: [...styles],
    scripts: withImports([...entries]),
    inlineScripts,
    diagrams,
  };
}

/** Gzip size of a dist file (cached: the same stylesheet is on every page). */
const sizes = new Map<string, number>();
export function fileSize(file: string): number {
  let size = sizes.get(file);
  if (size === undefined) {
    size = gzipSize(readFileSync(join(dist, file)));
    sizes.set(file, size);
  }
  return size;
}

/** Gzip size of the inline scripts of a page, taken together as they travel in its HTML. */
export const inlineSize = (page: BuiltPage): number =>
  page.inlineScripts.length ? gzipSize(page.inlineScripts.join('\n')) : 0;
