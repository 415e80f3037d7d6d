// Search indexes for the built site, made right after `astro build` (as an Astro
// integration, so any --outDir is honoured; also runnable alone: `node
// scripts/search-index.ts [dir]`).
//
// 1. Pagefind: one index per <html lang>, only `data-pagefind-body` content, minus the
//    noise listed in EXCLUDE. Headings with ids become sub-results (#anchor).
// 2. The fallback index: per language a classic script `search-fallback/<lang>.js` that
//    assigns the pages' titles, sections (heading, anchor, text) to a global. The small
//    engine in src/lib/fallback-search.ts searches it where Pagefind cannot start (no
//    WebAssembly, or the site opened from file://): no fetch, no modules needed.
import type { AstroIntegration } from 'astro';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import type { StartTag } from 'parse5-sax-parser';
import * as pagefind from 'pagefind';
import type { FallbackPage, FallbackSection } from '../lib/fallback-search.ts';

/** Parts of the indexed content that are navigation or repetition, not text to find. */
export const EXCLUDE = [
  '[data-pagefind-ignore]',
  'nav',
  'svg',
  '.toc',
  '.heading-anchor',
  '.cite',
  '.claim-list',
  '.claim-meta',
  '.term-index',
  '.article-data',
  'section[aria-labelledby^="passage-"]',
];

/** The global the fallback scripts fill: `globalThis[FALLBACK_GLOBAL][lang] = index`. */
export const FALLBACK_GLOBAL = '__siteSearchFallback';
export const FALLBACK_DIR = 'search-fallback';

/** A part of a page: the text before the first heading, or an h2/h3 with an id and its text. */
export interface Section {
  /** The heading's id ('' for the text before any heading). */
  a: string;
  /** The heading's text. */
  h: string;
  /** The section's text. */
  x: string;
  /** Offset just past the heading's start tag in the page's HTML (-1: none). */
  at: number;
  /** Compounds of words the section uses apart (see addCompoundKeywords). */
  k?: string[];
}

/** What the indexes hold of one built page. */
export interface IndexedPage {
  lang: string;
  title: string;
  sections: Section[];
}

/** A built page with indexed content: its site-relative URL, its HTML and what it holds. */
interface SitePage {
  url: string;
  html: string;
  page: IndexedPage;
}

const BLOCK = /^(p|li|dt|dd|td|th|tr|br|div|section|figcaption|blockquote|h[1-6]|ul|ol|dl|table)$/;
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/** Does a start tag match one of EXCLUDE's simple selectors: tag, .class, [attr], tag[attr^="v"]? */
function excluded(tag: StartTag): boolean {
  const attr = (name: string): string | undefined => tag.attrs.find((a) => a.name === name)?.value;
  return EXCLUDE.some((sel) => {
    if (sel.startsWith('.')) return (attr('class') ?? '').split(/\s+/).includes(sel.slice(1));
    const m = /^([a-z]*)(?:\[([a-z-]+)(?:\^="([^"]*)")?\])?$/.exec(sel);
    if (!m) throw new Error(`search-index: unsupported selector ${sel}`);
    const [, name, attrName, prefix] = m;
    if (name && tag.tagName !== name) return false;
    if (!attrName) return true;
    const value = attr(attrName);
    return value !== undefined && (prefix === undefined || value.startsWith(prefix));
  });
}

/**
 * Reads one built page: its language, title (h1) and sections (h2/h3 with id) with their
 * text, from the `data-pagefind-body` element only. Undefined for pages without one.
 */
export function extractPage(html: string): IndexedPage | undefined {
  const rw = new RewritingStream();
  const page: IndexedPage = { lang: '', title: '', sections: [] };
  let bodyDepth = -1;
  let skipDepth = -1;
  let depth = 0;
  /** Where text goes. */
  let into: 'title' | 'heading' | 'text' = 'text';
  let headingDepth = -1;
  let current: Section = { a: '', h: '', x: '', at: -1 };
  page.sections.push(current);
  rw.on('startTag', (tag) => {
    const isVoid = VOID.has(tag.tagName) || tag.selfClosing;
    if (tag.tagName === 'html') page.lang = tag.attrs.find((a) => a.name === 'lang')?.value ?? '';
    if (!isVoid) depth++;
    if (bodyDepth < 0) {
      if (tag.attrs.some((a) => a.name === 'data-pagefind-body')) bodyDepth = depth;
      return;
    }
    if (skipDepth >= 0) return;
    // Block boundaries and line breaks separate words.
    if (BLOCK.test(tag.tagName)) current.x += ' ';
    if (isVoid) return;
    if (excluded(tag)) {
      skipDepth = depth;
      return;
    }
    const id = tag.attrs.find((a) => a.name === 'id')?.value;
    if (tag.tagName === 'h1') {
      into = 'title';
      headingDepth = depth;
    } else if ((tag.tagName === 'h2' || tag.tagName === 'h3') && id) {
      current = { a: id, h: '', x: '', at: tag.sourceCodeLocation?.endOffset ?? -1 };
      page.sections.push(current);
      into = 'heading';
      headingDepth = depth;
    }
  });
  rw.on('endTag', (tag) => {
    if (bodyDepth >= 0 && skipDepth < 0 && BLOCK.test(tag.tagName)) current.x += ' ';
    if (bodyDepth >= 0 && depth === headingDepth) {
      into = 'text';
      headingDepth = -1;
    }
    if (depth === skipDepth) skipDepth = -1;
    if (depth === bodyDepth) bodyDepth = -2; // done: ignore whatever follows
    if (!VOID.has(tag.tagName)) depth--;
  });
  rw.on('text', (text) => {
    if (bodyDepth < 0 || skipDepth >= 0) return;
    if (into === 'title') page.title += text.text;
    else if (into === 'heading') current.h += text.text;
    else current.x += text.text;
  });
  rw.end(html);
  if (bodyDepth === -1) return undefined;
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
  page.title = squash(page.title);
  page.sections = page.sections
    .map((s) => ({ a: s.a, h: squash(s.h), x: squash(s.x), at: s.at }))
    .filter((s, i) => i === 0 || s.h || s.x);
  return page;
}

/** Languages whose words are glued into compounds that the index should help with. */
const COMPOUND_LANGS = new Set(['de']);

/** The words of a text: lower case, letters and digits, at least four long. */
export const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 4);

/**
 * Compounds the site uses that split into two words it also uses, with an optional
 * linking s: installationsaufwand → [installation, aufwand].
 */
export function compounds(vocabulary: Set<string>): Map<string, [string, string]> {
  const found = new Map<string, [string, string]>();
  for (const word of vocabulary) {
    for (let i = 4; word.length >= 10 && i <= word.length - 4; i++) {
      const tail = word.slice(i);
      const head = [word.slice(0, i), word.slice(0, i - 1)].find(
        (h, n) => h.length >= 4 && (n === 0 || word[i - 1] === 's') && vocabulary.has(h),
      );
      if (head && vocabulary.has(tail)) {
        found.set(word, [head, tail]);
        break;
      }
    }
  }
  return found;
}

/**
 * Adds to each section the site's compounds whose two parts it uses apart but not the
 * compound itself ("Aufwand bei der Installation" gains "installationsaufwand"), so a
 * search for the compound finds the section that says it in other words.
 */
function addCompoundKeywords(pages: SitePage[]): void {
  const vocabulary = new Set(
    pages.flatMap((p) => p.page.sections.flatMap((s) => wordsOf(`${s.h} ${s.x}`))),
  );
  const known = compounds(vocabulary);
  for (const { page } of pages) {
    for (const section of page.sections) {
      const words = new Set(wordsOf(`${section.h} ${section.x}`));
      section.k = [...known]
        .filter(([word, [head, tail]]) => !words.has(word) && words.has(head) && words.has(tail))
        .map(([word]) => word);
    }
  }
}

async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html'))
      out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** Site-relative URL of a built file: `de/io-drivers/index.html` → `de/io-drivers/`. */
function urlOf(dir: string, file: string): string {
  return relative(dir, file)
    .split(sep)
    .join('/')
    .replace(/index\.html$/, '');
}

/** Every built page with indexed content, read and split into sections. */
async function readSite(dir: string): Promise<SitePage[]> {
  const site: SitePage[] = [];
  for (const file of await htmlFiles(dir)) {
    if (relative(dir, file).startsWith(`pagefind${sep}`)) continue;
    const html = await readFile(file, 'utf8');
    const page = extractPage(html);
    if (page?.lang) site.push({ url: urlOf(dir, file), html, page });
  }
  for (const lang of new Set(site.map((p) => p.page.lang))) {
    if (COMPOUND_LANGS.has(lang)) addCompoundKeywords(site.filter((p) => p.page.lang === lang));
  }
  return site;
}

/** The page as Pagefind should see it: headings carry their extra keywords as an attribute. */
function withKeywords({ html, page }: SitePage): string {
  const inserts = page.sections
    .flatMap((s) => (s.k?.length && s.at > 0 ? [{ at: s.at, k: s.k }] : []))
    .sort((a, b) => b.at - a.at);
  let out = html;
  for (const s of inserts) {
    const attrs = ` data-pagefind-index-attrs="data-search-also" data-search-also="${s.k.join(' ')}"`;
    out = out.slice(0, s.at - 1) + attrs + out.slice(s.at - 1);
  }
  return out;
}

/** Writes the fallback scripts for every language and returns their sizes. */
async function writeFallback(
  dir: string,
  site: SitePage[],
): Promise<Record<string, { pages: number; bytes: number }>> {
  const byLang = new Map<string, FallbackPage[]>();
  for (const { url, page } of site) {
    const list = byLang.get(page.lang) ?? [];
    // u: site-relative URL, t: title, k: 1 when the page's headings are glossary terms,
    // s: sections [anchor, heading, text, extra keywords] (the first: text before any heading).
    list.push({
      u: url,
      t: page.title,
      k: url.endsWith('/glossary/') ? 1 : 0,
      s: page.sections.map((s): FallbackSection =>
        s.k?.length ? [s.a, s.h, s.x, s.k.join(' ')] : [s.a, s.h, s.x],
      ),
    });
    byLang.set(page.lang, list);
  }
  const out = join(dir, FALLBACK_DIR);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const sizes: Record<string, { pages: number; bytes: number }> = {};
  for (const [lang, pages] of byLang) {
    // JSON inside a classic script: escape `<` so no `</script>` can ever end it early.
    const json = JSON.stringify({ v: 1, lang, pages }).replace(/</g, '\\u003c');
    const js = `(globalThis.${FALLBACK_GLOBAL}=globalThis.${FALLBACK_GLOBAL}||{})[${JSON.stringify(lang)}]=${json};\n`;
    await writeFile(join(out, `${lang}.js`), js);
    sizes[lang] = { pages: pages.length, bytes: Buffer.byteLength(js) };
  }
  return sizes;
}

/** Builds the Pagefind bundle into `<dir>/pagefind/`. */
async function writePagefind(dir: string, site: SitePage[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const entry of site) {
    const added = await index.addHTMLFile({ url: `/${entry.url}`, content: withKeywords(entry) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}

/** Both indexes for the built site in `dir`. */
export async function buildSearch(
  dir: string,
  log: (message: string) => void = console.log,
): Promise<void> {
  const site = await readSite(dir);
  await writePagefind(dir, site);
  const sizes = await writeFallback(dir, site);
  const extra = site.flatMap((p) => p.page.sections.flatMap((s) => s.k ?? []));
  const summary = Object.entries(sizes)
    .map(([lang, s]) => `${lang}: ${s.pages} pages, ${(s.bytes / 1024).toFixed(1)} KB`)
    .join('; ');
  log(`search: Pagefind and fallback indexes (${summary}); ${extra.length} compound keywords`);
}

/** The Astro integration: indexes whatever directory the build wrote. */
export default function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearch(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}
