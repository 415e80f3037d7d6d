// The built pages in dist/ (run after `npm run build`), for what a checker of the markup
// finds: no hidden element repeats itself with aria-hidden (the Nu checker's warning).
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

    test('no element is both hidden and aria-hidden (redundant, says the Nu checker)', () => {
      assert.deepEqual(
        pages.flatMap((p) => p.hiddenTwice.map((tag) => `${p.path}: ${tag}`)).slice(0, 5),
        [],
      );
    });
  },
);
