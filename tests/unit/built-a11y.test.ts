// The built pages in dist/ (run after `npm run build`), for what a checker of the markup
// finds: words in the other language carry their `lang` (WCAG 3.1.2), no hidden element
// repeats itself with aria-hidden (the Nu checker's warning), and no language mark of the
// content (`[words]{lang=en}`) is left unrendered.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, test } from 'node:test';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import { dist, htmlFiles } from './built-site.ts';

/** Elements whose text no reader hears as prose: code, and what never shows. */
const SKIPPED = new Set(['script', 'style', 'pre', 'code', 'template', 'title']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

interface Markup {
  /** The page's text, cut where its language changes: [language, text] runs. */
  runs: [string, string][];
  /** Start tags that have both `hidden` and `aria-hidden`. */
  hiddenTwice: string[];
}

/** Reads a built page's text runs by language and its doubly hidden elements. */
async function markup(html: string): Promise<Markup> {
  const langs: string[] = [];
  const runs: [string, string][] = [];
  const hiddenTwice: string[] = [];
  let skipped = 0;
  const parser = new RewritingStream();
  parser.on('startTag', (tag) => {
    const names = tag.attrs.map((a) => a.name);
    if (names.includes('hidden') && names.includes('aria-hidden'))
      hiddenTwice.push(
        `<${tag.tagName} ${tag.attrs.map((a) => `${a.name}="${a.value}"`).join(' ')}>`,
      );
    if (VOID.has(tag.tagName) || tag.selfClosing) return;
    langs.push(tag.attrs.find((a) => a.name === 'lang')?.value ?? langs.at(-1) ?? '');
    if (SKIPPED.has(tag.tagName)) skipped += 1;
  });
  parser.on('endTag', (tag) => {
    if (VOID.has(tag.tagName)) return;
    langs.pop();
    if (SKIPPED.has(tag.tagName)) skipped -= 1;
  });
  parser.on('text', ({ text }) => {
    if (skipped) return;
    const lang = langs.at(-1) ?? '';
    const last = runs.at(-1);
    if (last && last[0] === lang) last[1] += text;
    else runs.push([lang, text]);
  });
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline([html], parser, sink);
  return { runs, hiddenTwice };
}

const count = (text: string, words: string) => text.split(words).length - 1;

/** Words in the other language that pages quote, per page language, with the language they are in. */
const FOREIGN: Record<'de' | 'en', { lang: string; words: string[] }> = {
  de: {
    lang: 'en',
    words: [
      'Virtual Machine Monitor',
      'Architectural Principles for Virtual Computer Systems',
      'Formal Requirements for Virtualizable Third Generation Architectures',
      'Communications of the ACM',
      'Classification',
    ],
  },
  en: { lang: 'de', words: ['Was ist Bare Metal Virtualisierung?', 'Cloud Artikel'] },
};

const built = existsSync(join(dist, 'en', 'sources', 'index.html'));

describe(
  'built pages, as a markup checker reads them',
  { skip: !built && 'run npm run build first' },
  async () => {
    const pages = await Promise.all(
      htmlFiles().map(async ({ path, file }) => {
        const html = readFileSync(file, 'utf8');
        return { path, html, ...(await markup(html)) };
      }),
    );

    for (const [lang, { lang: other, words }] of Object.entries(FOREIGN))
      test(`${lang}: every quoted ${other} title or term sits in an element with lang="${other}"`, () => {
        const found = new Map(words.map((w) => [w, 0]));
        const unmarked: string[] = [];
        for (const page of pages.filter((p) => p.path.startsWith(`/${lang}/`))) {
          for (const [runLang, text] of page.runs)
            for (const w of words) {
              const n = count(text, w);
              found.set(w, (found.get(w) ?? 0) + n);
              if (n && runLang !== other)
                unmarked.push(`${page.path}: "${w}" in lang="${runLang}"`);
            }
        }
        assert.deepEqual(unmarked, []);
        // Each is quoted somewhere, so the check above looked at something.
        for (const [w, n] of found) assert.ok(n > 0, `"${w}" is on no ${lang} page`);
      });

    test('no language mark of the content is left in a page', () => {
      assert.deepEqual(
        pages.filter((p) => /\]\{lang=/.test(p.html)).map((p) => p.path),
        [],
      );
    });

    test('no element is both hidden and aria-hidden (redundant, says the Nu checker)', () => {
      assert.deepEqual(
        pages.flatMap((p) => p.hiddenTwice.map((tag) => `${p.path}: ${tag}`)).slice(0, 5),
        [],
      );
    });
  },
);
