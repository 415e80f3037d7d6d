// The built pages in dist/ (run after `npm run build`): citation marks merged, each of their
// links naming its own claim, the sources page in the article's order, numbered as the marks
// are, listing diagrams, self-checks and the site's readings, and each language's
// terminology sheet kept on every page.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { languages, t, type Lang } from '../../src/i18n/ui.ts';
import { citationsIn, isReadingId, sourceNumbers, splitIds } from '../../src/lib/claims.ts';
import { dist } from './built-site.ts';
import {
  claims,
  contextFacts,
  diagramStatements,
  pageFiles,
  quizzes,
  readings,
  terminologyHits,
  terminologyRules,
} from './content.ts';

const numbers = sourceNumbers(claims(), contextFacts());

/** One citation mark of a built page: its links' target ids, names and texts. */
interface Mark {
  html: string;
  links: { id: string; name: string; text: string }[];
}
function marksIn(html: string): Mark[] {
  return [...html.matchAll(/<sup class="cite">([\s\S]*?)<\/sup>/g)].map((m) => ({
    html: m[1] ?? '',
    links: [
      ...(m[1] ?? '').matchAll(/<a href="[^"]*#([a-z0-9-]+)" aria-label="([^"]*)">([^<]*)<\/a>/g),
    ].map((a) => ({ id: a[1] ?? '', name: a[2] ?? '', text: a[3] ?? '' })),
  }));
}

/** What a mark's link to `id` must show and be named in `lang`. */
function expectedLink(lang: Lang, id: string) {
  const source = numbers.get(id);
  if (!source) return undefined;
  const mark = t(lang, 'cite.contextMark');
  return source.passage
    ? {
        text: `${source.passage}.${source.n}`,
        name: t(lang, 'cite.name', { text: `${source.passage}.${source.n}` }),
      }
    : {
        text: `${mark}${source.n}`,
        name: t(lang, 'cite.contextName', { text: `${mark}${source.n}` }),
      };
}

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

    test(`${lang}: every mark has a link per id, showing and naming its claim`, () => {
      const problems: string[] = [];
      for (const [path, html] of pagesOf(lang)) {
        for (const mark of marksIn(html)) {
          const ids = mark.links.map((l) => l.id);
          if (
            !ids.length ||
            mark.html !== mark.html.match(/<a [^>]*>[^<]*<\/a>(, <a [^>]*>[^<]*<\/a>)*/)?.[0]
          )
            problems.push(`${path}: mark is not links separated by ", ": ${mark.html}`);
          if (new Set(ids).size !== ids.length) problems.push(`${path}: an id twice: ${ids}`);
          for (const link of mark.links) {
            const want = expectedLink(lang, link.id);
            if (!want) problems.push(`${path}: link to unknown id ${link.id}`);
            else if (want.text !== link.text || want.name !== link.name)
              problems.push(`${path}: ${link.id} shows "${link.text}", named "${link.name}"`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });

    test(`${lang}: every merged mark in the prose links to each id it stands for`, () => {
      const missing: string[] = [];
      let merged = 0;
      for (const page of pageFiles().filter((p) => p.lang === lang)) {
        const file = join(dist, lang, page.slug === 'start' ? '' : page.slug, 'index.html');
        const marks = marksIn(readFileSync(file, 'utf8')).map((m) =>
          m.links.map((l) => l.id).join(' '),
        );
        const tags = [...page.body.matchAll(/<Cite\b[^>]*?\bid="([^"]+)"/g)].map((m) => [
          ...new Set(splitIds(m[1] ?? '')),
        ]);
        const told = citationsIn(page.body).filter((c) => isReadingId(c.id));
        for (const { id } of told)
          tags.push(readings().find((r) => r.id === id)?.joins ?? [`(no reading ${id})`]);
        for (const ids of tags.filter((ids) => ids.length > 1)) {
          merged++;
          if (!marks.includes(ids.join(' '))) missing.push(`${page.slug}: ${ids.join(' ')}`);
        }
      }
      assert.ok(merged > 0, 'no merged mark found in the prose');
      assert.deepEqual(missing, []);
    });

    test(`${lang}: the sources page lists claims, readings and context facts in order`, () => {
      assert.deepEqual(
        [...items.keys()],
        [
          ...claims().map((c) => c.id),
          ...readings().map((r) => r.id),
          ...contextFacts().map((f) => f.id),
        ],
      );
    });

    test(`${lang}: the sources page numbers each claim and fact as the marks show it`, () => {
      const mark = t(lang, 'cite.contextMark');
      const wrong = [...claims(), ...contextFacts()].filter((entry) => {
        const source = numbers.get(entry.id);
        const label = source?.passage ? `${source.passage}.${source.n}` : `${mark}${source?.n}`;
        return !items.get(entry.id)?.trimStart().startsWith(`<p><b>${label}</b> `);
      });
      assert.deepEqual(
        wrong.map((e) => e.id),
        [],
      );
    });

    test(`${lang}: the sources page lists each reading, the claims it joins and where it is told`, () => {
      const problems: string[] = [];
      for (const reading of readings()) {
        const item = items.get(reading.id);
        if (!item) {
          problems.push(`${reading.id} not listed`);
          continue;
        }
        for (const id of reading.joins) {
          const source = numbers.get(id);
          if (!item.includes(`<a href="#${id}">${source?.passage}.${source?.n}</a>`))
            problems.push(`${reading.id} does not link to ${id}`);
        }
        for (const page of pageFiles().filter((p) => p.lang === lang)) {
          if (!citationsIn(page.body).some((c) => c.id === reading.id)) continue;
          const path = `/${lang}/${page.slug === 'start' ? '' : `${page.slug}/`}`;
          if (!item.includes(`href="${path}#${reading.id}"`))
            problems.push(`${reading.id} not told on ${path}`);
          // The claims it joins are told there too.
          for (const id of reading.joins)
            if (!items.get(id)?.includes(`href="${path}`))
              problems.push(`${id}: told on ${page.slug} by ${reading.id}, not listed there`);
        }
      }
      assert.deepEqual(problems, []);
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
      const rules = terminologyRules(lang);
      const found = pagesOf(lang).flatMap(([path, html]) =>
        terminologyHits(rules, path, visibleText(html)),
      );
      assert.deepEqual(found, []);
    });
  }
});
