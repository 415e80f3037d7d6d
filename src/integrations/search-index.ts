// Search indexes for the built site, made right after `astro build` (as an Astro
// integration, so any --outDir is honoured; also runnable alone: `node
// scripts/search-index.ts [dir]`).
//
// Each section first gains keywords (src/lib/search/enrich.ts): the parts of its German
// compounds, compounds it says in other words, and the readers' words of the synonym tables
// (src/content/synonyms/<lang>.yaml). Then:
// 1. Pagefind: one index per <html lang>, only `data-pagefind-body` content, minus the
//    noise listed in EXCLUDE. Headings with ids become sub-results (#anchor). Pagefind reads
//    a copy of each page with the keywords after each heading (pagefind-copy.ts).
// 2. The search data: per language a classic script `search-fallback/<lang>.js` that
//    assigns the pages' titles and sections (anchor, heading, text, keywords) to a global.
//    The fallback engine (src/lib/search/fallback-engine.ts) searches it where Pagefind
//    cannot start (no WebAssembly, or the site opened from file://): no fetch, no modules
//    needed. Pagefind's side reads it for "did you mean" and the no-results help.
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import type { StartTag } from 'parse5-sax-parser';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { germanLexicon } from '../lib/search/decompound.ts';
import { DATA_GLOBAL, type SearchData } from '../lib/search/engine.ts';
import { enrich, unusedSynonyms, type SectionKeywords } from '../lib/search/enrich.ts';
import { pagefindCopy } from '../lib/search/pagefind-copy.ts';
import { synonymTableSchema, type Synonym } from '../lib/search/synonyms.ts';

/** Parts of the indexed content that are navigation or repetition, not text to find. */
export const EXCLUDE = [
  '[data-pagefind-ignore]',
  'nav',
  'svg',
  '.toc',
  '.heading-anchor',
  '.cite',
  // The glossary's "rests on" label before its citation marks.
  '.rests-on',
  '.claim-list',
  '.claim-meta',
  '.term-index',
  '.article-data',
  'section[aria-labelledby^="passage-"]',
  // A figure's controls and step-by-step status line, its copy-link and embed-code buttons,
  // and the source line of a context box: labels and references, not text to find.
  '.diagram-controls',
  'p[data-controls]',
  '.diagram-share',
  '.context-ref',
  // Copy and QR buttons: their names only repeat a heading (no attribute on each, for bytes).
  'copy-link',
];

/** The global the fallback scripts fill: `globalThis[FALLBACK_GLOBAL][lang] = data`. */
export const FALLBACK_GLOBAL = DATA_GLOBAL;
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
  /** Keywords from compounds and synonyms (see src/lib/search/enrich.ts). */
  k?: SectionKeywords;
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
    const m = /^([a-z-]*)(?:\[([a-z-]+)(?:\^="([^"]*)")?\])?$/.exec(sel);
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

/** The glossary, by its site-relative URL: indexed by its terms, told apart in the fallback. */
const isGlossary = (url: string) => url.endsWith('/glossary/');

/** Every built page with indexed content, read and split into sections. */
async function readSite(dir: string): Promise<SitePage[]> {
  const site: SitePage[] = [];
  for (const file of await htmlFiles(dir)) {
    if (relative(dir, file).startsWith(`pagefind${sep}`)) continue;
    const html = await readFile(file, 'utf8');
    const page = extractPage(html);
    if (page?.lang) site.push({ url: urlOf(dir, file), html, page });
  }
  const lexicon = await germanLexicon();
  for (const lang of new Set(site.map((p) => p.page.lang))) {
    const inLang = site.filter((p) => p.page.lang === lang);
    const pages = inLang.map((p) => p.page);
    const synonyms = await synonymTable(lang);
    const unused = unusedSynonyms(lang, pages, synonyms);
    if (unused.length)
      throw new Error(`search-index: synonyms for words the ${lang} pages never use: ${unused}`);
    // Only German glues words into compounds worth splitting.
    const keywords = enrich(lang, pages, { ...(lang === 'de' && { lexicon }), synonyms });
    pages.forEach((page, i) => {
      // The glossary is found by its terms: a definition's keywords (it names most of the
      // site's topics) would only make it match everything.
      const glossary = isGlossary(inLang[i]?.url ?? '');
      page.sections.forEach((s, j) => {
        const k = keywords[i]?.[j] ?? { heading: [], text: [] };
        s.k = glossary ? { heading: k.heading, text: [] } : k;
      });
    });
  }
  return site;
}

/** The language's synonym table (src/content/synonyms/<lang>.yaml), checked against its schema. */
async function synonymTable(lang: string): Promise<Synonym[]> {
  const file = new URL(`../content/synonyms/${lang}.yaml`, import.meta.url);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? [] : synonymTableSchema.parse(parse(text)).synonyms;
}

/** The page as Pagefind should see it: each section's keywords after its heading. */
function withKeywords({ html, page }: SitePage): Promise<string> {
  const none: SectionKeywords = { heading: [], text: [] };
  return pagefindCopy(html, new Map(page.sections.map((s) => [s.a, s.k ?? none])));
}

/** Writes the fallback scripts for every language and returns their sizes. */
async function writeFallback(
  dir: string,
  site: SitePage[],
): Promise<Record<string, { pages: number; bytes: number }>> {
  const byLang = new Map<string, SearchData['pages']>();
  for (const { url, page } of site) {
    const list = byLang.get(page.lang) ?? [];
    // See SearchData in src/lib/search/engine.ts.
    list.push({
      u: url,
      t: page.title,
      g: isGlossary(url) ? 1 : 0,
      s: page.sections.map((s) => [
        s.a,
        s.h,
        s.x,
        s.k?.heading.join(' ') ?? '',
        s.k?.text.join(' ') ?? '',
      ]),
    });
    byLang.set(page.lang, list);
  }
  const out = join(dir, FALLBACK_DIR);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const sizes: Record<string, { pages: number; bytes: number }> = {};
  for (const [lang, pages] of byLang) {
    // JSON inside a classic script: escape `<` so no `</script>` can ever end it early.
    const data: SearchData = { v: 2, lang, pages };
    const json = JSON.stringify(data).replace(/</g, '\\u003c');
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
    const added = await index.addHTMLFile({
      url: `/${entry.url}`,
      content: await withKeywords(entry),
    });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  await minifyPagefindScript(join(dir, 'pagefind', 'pagefind.js'));
}

/**
 * Pagefind's search script with its local names shortened (esbuild's minifier): 13 KB gzip
 * become 11 KB on the first open of search. Its exports, and how it finds its folder
 * (`import.meta.url`), stay as they are.
 */
async function minifyPagefindScript(file: string): Promise<void> {
  const { code } = await transform(await readFile(file, 'utf8'), {
    minify: true,
    format: 'esm',
    legalComments: 'none',
  });
  await writeFile(file, code);
}

/** Both indexes for the built site in `dir`. */
export async function buildSearch(
  dir: string,
  log: (message: string) => void = console.log,
): Promise<void> {
  const site = await readSite(dir);
  await writePagefind(dir, site);
  const sizes = await writeFallback(dir, site);
  const extra = site.flatMap((p) =>
    p.page.sections.flatMap((s) => [...(s.k?.heading ?? []), ...(s.k?.text ?? [])]),
  );
  const summary = Object.entries(sizes)
    .map(([lang, s]) => `${lang}: ${s.pages} pages, ${(s.bytes / 1024).toFixed(1)} KB`)
    .join('; ');
  log(
    `search: Pagefind and fallback indexes (${summary}); ${extra.length} keywords from compounds and synonyms`,
  );
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
