// The built pages in dist/ (run after `npm run build`): citation marks merged, the sources
// page in the article's order and listing diagrams and self-checks, and each language's
// terminology sheet kept on every page.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { languages } from '../../src/i18n/ui.ts';
import { dist } from './built-site.ts';
import { claims, contextFacts, diagramStatements, quizzes } from './content.ts';

/** Every built HTML page of a language folder, as [path, html]. */
function pagesOf(lang: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html'))
        out.push([path.slice(dist.length - 1), readFileSync(path, 'utf8')]);
    }
  };
  walk(join(dist, lang));
  return out;
}

/** What a reader sees: the text without scripts, styles, code and tags. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|pre|code|template)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ');
}

const built = existsSync(join(dist, 'en', 'sources', 'index.html'));

describe('built pages', { skip: !built && 'run npm run build first' }, () => {
  for (const lang of languages) {
    test(`${lang}: adjacent citation marks are merged into one`, () => {
      const bad = pagesOf(lang).filter(([, html]) => /<\/sup>\s*<sup class="cite"/.test(html));
      assert.deepEqual(
        bad.map(([path]) => path),
        [],
      );
    });

    const sources = readFileSync(join(dist, lang, 'sources', 'index.html'), 'utf8');
    const items = new Map(
      [...sources.matchAll(/<li id="([a-z0-9-]+)" class="claim">([\s\S]*?)<\/li>/g)].map((m) => [
        m[1] ?? '',
        m[2] ?? '',
      ]),
    );

    test(`${lang}: the sources page lists claims and context facts in the article's order`, () => {
      assert.deepEqual(
        [...items.keys()],
        [...claims().map((c) => c.id), ...contextFacts().map((f) => f.id)],
      );
    });

    test(`${lang}: the sources page names every diagram and self-check that tells an id`, () => {
      const missing: string[] = [];
      for (const s of diagramStatements()) {
        const figure = `#figure-${s.id.split('.')[0]}"`;
        for (const id of s.cites)
          if (!items.get(id)?.includes(figure)) missing.push(`${id} ${figure}`);
      }
      const quizAnchor = lang === 'de' ? '#selbstkontrolle"' : '#check-yourself"';
      for (const quiz of quizzes())
        for (const q of quiz.questions)
          for (const id of [...q.claims, ...(q.context ?? [])])
            if (
              !items
                .get(id)
                ?.includes(`/${lang}/${quiz.id === 'start' ? '' : `${quiz.id}/`}${quizAnchor}`)
            )
              missing.push(`${id} ${quiz.id}${quizAnchor}`);
      assert.deepEqual(missing, []);
    });

    test(`${lang}: every page keeps the terminology sheet`, () => {
      const sheet = parse(
        readFileSync(
          new URL(`../../src/content/terminology/${lang}.yaml`, import.meta.url),
          'utf8',
        ),
      ) as { prefer: string; avoid: string[] }[];
      const found: string[] = [];
      for (const [path, html] of pagesOf(lang)) {
        const text = visibleText(html);
        for (const { prefer, avoid } of sheet)
          for (const pattern of avoid) {
            const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u');
            const hit = re.exec(text);
            if (hit)
              found.push(
                `${path}: "${text.slice(Math.max(0, hit.index - 30), hit.index + 40)}" (use ${prefer})`,
              );
          }
      }
      assert.deepEqual(found, []);
    });
  }
});
