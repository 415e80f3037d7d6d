// The terminology sheets (src/content/terminology/<lang>.yaml) held against the content
// data itself: every German and English string of every content file (claims, context,
// readings, glossary, diagram statements, self-checks, synonyms' comments aside), the MDX
// prose and the interface words. built-grounding.test.ts holds the same sheets against the
// built pages; this test also reaches text a page only shows after a reader acts (a
// self-check's explanations, a figure's other states).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { languages, type Lang } from '../../src/i18n/ui.ts';
import { pageFiles, terminologyHits, terminologyRules } from './content.ts';

const root = new URL('../../src/content/', import.meta.url);

/** Every string under a `de` or `en` key, at any depth of a parsed YAML value. */
function stringsOf(value: unknown, lang: Lang, where: string, out: [string, string][]): void {
  if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, lang, `${where}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const at = `${where}.${key}`;
      if (key === lang && typeof v === 'string') out.push([at, v]);
      else stringsOf(v, lang, at, out);
    }
  }
}

/** Markup and marks out, as a reader reads it. */
const plain = (text: string) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\[([^\]]*)\]\{lang=\w+\}/g, '$1')
    .replace(/\s+/g, ' ');

const dataFiles = readdirSync(root).filter((f) => f.endsWith('.yaml'));
/** Each content data file, parsed once: [file name, value]. */
const data = dataFiles.map(
  (file) => [file, parse(readFileSync(new URL(file, root), 'utf8'))] as const,
);
/** Every `lang` string of the data files, as [where, text]; `skip` leaves a file out. */
const dataStrings = (lang: Lang, skip = ''): [string, string][] => {
  const texts: [string, string][] = [];
  for (const [file, value] of data) if (file !== skip) stringsOf(value, lang, file, texts);
  return texts;
};

const pages = pageFiles();

describe('terminology in the content data', () => {
  test('the data files are found', () => {
    for (const f of ['claims.yaml', 'context.yaml', 'readings.yaml', 'glossary.yaml'])
      assert.ok(dataFiles.includes(f), f);
    assert.ok(dataFiles.includes('diagrams.yaml') && dataFiles.includes('quiz.yaml'));
  });

  for (const lang of languages) {
    test(`${lang}: every content string, page and interface word keeps the sheet`, () => {
      const texts = dataStrings(lang);
      for (const page of pages.filter((p) => p.lang === lang))
        texts.push([`pages/${lang}/${page.slug}.mdx`, page.source]);
      const ui = JSON.parse(
        readFileSync(new URL(`../../src/i18n/${lang}.json`, import.meta.url), 'utf8'),
      ) as Record<string, string>;
      for (const [key, text] of Object.entries(ui)) texts.push([`i18n ${key}`, text]);
      assert.ok(texts.length > 200, `only ${texts.length} texts found`);

      const rules = terminologyRules(lang);
      const found = texts.flatMap(([where, raw]) => terminologyHits(rules, where, plain(raw)));
      assert.deepEqual(found, []);
    });
  }

  test('nothing that rests on dis-device-drivers says "always" or "immer"', () => {
    const word = { de: /(?<!\p{L})immer(?!\p{L})/iu, en: /(?<!\p{L})always(?!\p{L})/iu };
    const found: string[] = [];
    /** Every object that cites the claim (cites, claims or joins), with its strings. */
    const walk = (value: unknown, where: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${where}[${i}]`));
      if (!value || typeof value !== 'object') return;
      const cited = ['cites', 'claims', 'joins'].some((key) => {
        const ids = (value as Record<string, unknown>)[key];
        return Array.isArray(ids) && ids.includes('dis-device-drivers');
      });
      if (cited)
        for (const lang of languages) {
          const texts: [string, string][] = [];
          stringsOf(value, lang, where, texts);
          for (const [at, text] of texts) if (word[lang].test(text)) found.push(`${at}: ${text}`);
        }
      for (const [key, v] of Object.entries(value)) walk(v, `${where}.${key}`);
    };
    for (const [file, value] of data) walk(value, file);
    // In the prose: the sentence a mark citing the claim closes.
    for (const page of pages)
      for (const m of page.body.matchAll(
        /([^.!?:\n]*[.!?:]?)<Cite id="[^"]*\bdis-device-drivers\b/g,
      ))
        if (word[page.lang].test(m[1] ?? '')) found.push(`${page.lang}/${page.slug}: ${m[1]}`);
    assert.deepEqual(found, []);
  });

  test('the ranking of the two architectures is told on the start page only', () => {
    // The article ranks them without a basis, in 2012: the start page tells it with that
    // caveat; the claims file keeps it; nothing else repeats it or asks about it.
    const ranking =
      /more common|second place|most widespread|häufigere|an zweiter Stelle|zweiten Platz|Platz zwei|verbreitetsten|weitesten verbreitet/iu;
    const found: string[] = [];
    for (const lang of languages)
      for (const [at, text] of dataStrings(lang, 'claims.yaml'))
        if (ranking.test(text)) found.push(`${at}: ${text}`);
    for (const page of pages.filter((p) => p.slug !== 'start'))
      if (ranking.test(page.body)) found.push(`${page.lang}/${page.slug}`);
    assert.deepEqual(found, []);
    for (const lang of languages) {
      const start = pages.find((p) => p.lang === lang && p.slug === 'start')!;
      assert.match(start.body, ranking, `${lang}/start tells the ranking`);
      assert.match(start.body, /ctx-article-age/, `${lang}/start gives its date`);
    }
  });

  test('the sheets catch what they are meant to catch', () => {
    const rules = { de: terminologyRules('de'), en: terminologyRules('en') };
    const caught = (lang: Lang, text: string) => rules[lang].some(({ re }) => re.test(text));
    // Per language: what a sheet must catch, and what it must let pass.
    const cases: Record<Lang, { catch: string[]; pass: string[] }> = {
      en: {
        catch: [
          'The hypervisor always has to bring the drivers.',
          'a guest OS and an app',
          'It must imitate the device.',
          'a hardware-near driver',
          'without being routed round',
          'they should also be able to be divided',
          'it puts beside it that',
          'the well-proven containers',
          'the low-level driver at the hypervisor',
          'VMM as a process',
          'Host OS',
        ],
        pass: ['As a rule, the hypervisor has to bring its own device drivers.'],
      },
      de: {
        catch: [
          'Der Hypervisor muss grundsätzlich, also immer, die Treiber mitbringen.',
          'die Treiber für die Geräte',
          'Setzen Sie die Adresse vor den Pfad.',
          'wenn Sie möchten',
          'VMM als Prozess',
          'die hosted Lösung',
        ],
        pass: [
          'Sie betrifft die Installation.',
          'Definition „Type 2 hypervisor (hosted hypervisor)“',
          'Die Gerätetreiber muss der Hypervisor grundsätzlich selbst mitbringen.',
        ],
      },
    };
    for (const lang of languages) {
      for (const text of cases[lang].catch) assert.ok(caught(lang, text), text);
      for (const text of cases[lang].pass) assert.ok(!caught(lang, text), text);
    }
  });
});
