// Search indexes for the built site, made right after `astro build` (as an Astro
// integration, so any --outDir is honoured; also runnable alone: `node
// scripts/search-index.mjs [dir]`).
//
// 1. Pagefind: one index per <html lang>, only `data-pagefind-body` content, minus the
//    noise listed in EXCLUDE. Headings with ids become sub-results (#anchor).
// 2. The fallback index: per language a classic script `search-fallback/<lang>.js` that
//    assigns the pages' titles, sections (heading, anchor, text) to a global. The small
//    engine in src/lib/fallback-search.ts searches it where Pagefind cannot start (no
//    WebAssembly, or the site opened from file://): no fetch, no modules needed.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { germanLexicon } from '../src/lib/search/decompound.ts';
import { enrich, unusedSynonyms } from '../src/lib/search/enrich.ts';
import { DATA_GLOBAL } from '../src/lib/search/engine.ts';
import { pagefindCopy } from '../src/lib/search/pagefind-copy.ts';
import { synonymTableSchema } from '../src/lib/search/synonyms.ts';

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
export const FALLBACK_GLOBAL = DATA_GLOBAL;
export const FALLBACK_DIR = 'search-fallback';

const BLOCK = /^(p|li|dt|dd|td|th|tr|br|div|section|figcaption|blockquote|h[1-6]|ul|ol|dl|table)$/;
const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);

/** Does a start tag match one of EXCLUDE's simple selectors: tag, .class, [attr], tag[attr^="v"]? */
function excluded(tag) {
  const attr = (name) => tag.attrs.find((a) => a.name === name)?.value;
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
 * @param {string} html
 */
export function extractPage(html) {
  const rw = new RewritingStream();
  /** @type {{ lang: string, title: string, sections: { a: string, h: string, x: string, at: number }[] }} */
  const page = { lang: '', title: '', sections: [] };
  let bodyDepth = -1;
  let skipDepth = -1;
  let depth = 0;
  /** Where text goes: 'title', 'heading' or 'text'. */
  let into = 'text';
  let headingDepth = -1;
  let current = { a: '', h: '', x: '', at: -1 };
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
  const squash = (s) => s.replace(/\s+/g, ' ').trim();
  page.title = squash(page.title);
  page.sections = page.sections
    .map((s) => ({ a: s.a, h: squash(s.h), x: squash(s.x), at: s.at }))
    .filter((s, i) => i === 0 || s.h || s.x);
  return page;
}

async function htmlFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html'))
      out.push(join(entry.parentPath, entry.name));
  }
  return out.sort();
}

/** Site-relative URL of a built file: `de/io-drivers/index.html` → `de/io-drivers/`. */
function urlOf(dir, file) {
  return relative(dir, file)
    .split(sep)
    .join('/')
    .replace(/index\.html$/, '');
}

/** Every built page with indexed content, read and split into sections. */
async function readSite(dir) {
  const site = [];
  for (const file of await htmlFiles(dir)) {
    if (relative(dir, file).startsWith(`pagefind${sep}`)) continue;
    const html = await readFile(file, 'utf8');
    const page = extractPage(html);
    if (page?.lang) site.push({ url: urlOf(dir, file), html, page });
  }
  const lexicon = await germanLexicon();
  for (const lang of new Set(site.map((p) => p.page.lang))) {
    const pages = site.filter((p) => p.page.lang === lang);
    const synonyms = await synonymTable(lang);
    const index = pages.map((p) => ({
      lang,
      title: p.page.title,
      sections: p.page.sections,
    }));
    const unused = unusedSynonyms(lang, index, synonyms);
    if (unused.length)
      throw new Error(`search-index: synonyms for words the ${lang} pages never use: ${unused}`);
    const keywords = enrich(lang, index, { ...(lang === 'de' && { lexicon }), synonyms });
    pages.forEach((p, i) => {
      p.page.sections.forEach((s, j) => (s.k = keywords[i]?.[j] ?? { heading: [], text: [] }));
    });
  }
  return site;
}

/** The page as Pagefind should see it: each section's keywords after its heading. */
function withKeywords({ html, page }) {
  return pagefindCopy(html, new Map(page.sections.map((s) => [s.a, s.k])));
}

/** The language's synonym table (src/content/synonyms/<lang>.yaml), checked against its schema. */
async function synonymTable(lang) {
  const file = new URL(`../src/content/synonyms/${lang}.yaml`, import.meta.url);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  return text === undefined ? [] : synonymTableSchema.parse(parse(text)).synonyms;
}

/**
 * Writes the fallback scripts for every language and returns their sizes.
 * @param {string} dir
 */
async function writeFallback(dir, site) {
  /** @type {Map<string, object[]>} */
  const byLang = new Map();
  for (const { url, page } of site) {
    const list = byLang.get(page.lang) ?? [];
    // See SearchData in src/lib/search/engine.ts.
    list.push({
      u: url,
      t: page.title,
      g: url.endsWith('/glossary/') ? 1 : 0,
      s: page.sections.map((s) => [s.a, s.h, s.x, s.k.heading.join(', '), s.k.text.join(', ')]),
    });
    byLang.set(page.lang, list);
  }
  const out = join(dir, FALLBACK_DIR);
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const sizes = {};
  for (const [lang, pages] of byLang) {
    // JSON inside a classic script: escape `<` so no `</script>` can ever end it early.
    const json = JSON.stringify({ v: 2, lang, pages }).replace(/</g, '\\u003c');
    const js = `(globalThis.${FALLBACK_GLOBAL}=globalThis.${FALLBACK_GLOBAL}||{})[${JSON.stringify(lang)}]=${json};\n`;
    await writeFile(join(out, `${lang}.js`), js);
    sizes[lang] = { pages: pages.length, bytes: Buffer.byteLength(js) };
  }
  return sizes;
}

/**
 * Builds the Pagefind bundle into `<dir>/pagefind/`.
 * @param {string} dir
 */
async function writePagefind(dir, site) {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: EXCLUDE });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  for (const entry of site) {
    const added = await index.addHTMLFile({ url: `/${entry.url}`, content: await withKeywords(entry) });
    if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  }
  const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
}

/** Both indexes for the built site in `dir`. */
export async function buildSearch(dir, log = console.log) {
  const site = await readSite(dir);
  await writePagefind(dir, site);
  const sizes = await writeFallback(dir, site);
  const extra = site.flatMap((p) => p.page.sections.flatMap((s) => [...s.k.heading, ...s.k.text]));
  const summary = Object.entries(sizes)
    .map(([lang, s]) => `${lang}: ${s.pages} pages, ${(s.bytes / 1024).toFixed(1)} KB`)
    .join('; ');
  log(`search: Pagefind and fallback indexes (${summary}); ${extra.length} keywords from compounds and synonyms`);
}

/** The Astro integration: indexes whatever directory the build wrote. */
export default function searchIndex() {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await buildSearch(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildSearch(process.argv[2] ?? 'dist');
}
