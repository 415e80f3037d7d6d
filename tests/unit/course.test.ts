// Course features: citations and glossary matching behave. (Self-checks: quiz.test.ts.)
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { articleCitation, bibEscape, bibtex, pageCitation } from '../../src/lib/citation.ts';
import { langParts } from '../../src/lib/lang-parts.ts';
import { firstUse, formsOf, patternOf } from '../../src/lib/glossary-links.ts';
import { adaptSection } from '../../src/lib/handout.ts';

describe('citations', () => {
  test('BibTeX values are escaped and fields aligned', () => {
    assert.equal(bibEscape('I/O & drivers_{x}'), 'I/O \\& drivers\\_x');
    assert.equal(
      bibtex('misc', 'k', [
        ['a', '1'],
        ['bbb', '2'],
      ]),
      '@misc{k,\n  a   = {1},\n  bbb = {2}\n}',
    );
  });

  test('a page citation carries site, title, year and URL in all three forms', () => {
    const c = pageCitation({
      lang: 'en',
      siteName: 'Site',
      title: 'Page',
      url: 'https://example.org/kurs/en/page/',
      date: new Date('2026-03-01T00:00:00Z'),
      labels: { online: 'Online:', blogPost: 'Blog post', category: 'Category' },
    });
    for (const form of [c.apa, c.plain, c.bibtex]) {
      assert.match(form, /2026/);
      assert.match(form, /https:\/\/example\.org\/kurs\/en\/page\//);
      assert.match(form, /Page/);
    }
  });

  test("the article's German title and category are marked German in an English citation only", () => {
    const labels = { online: 'Online:', blogPost: 'Blog post', category: 'Category' };
    const en = articleCitation({ lang: 'en', labels });
    for (const form of [en.apa, en.plain]) {
      assert.match(form, /\[Was ist Bare Metal Virtualisierung\?\]\{lang=de\}/);
      assert.match(form, /\[Cloud Artikel\]\{lang=de\}/);
    }
    // The APA kind in brackets is no language mark.
    assert.deepEqual(
      langParts(en.apa).filter((p) => p.lang),
      [
        { text: 'Was ist Bare Metal Virtualisierung?', lang: 'de' },
        { text: 'Cloud Artikel', lang: 'de' },
      ],
    );
    const de = articleCitation({ lang: 'de', labels: { ...labels, blogPost: 'Blogbeitrag' } });
    assert.doesNotMatch(de.apa + de.plain, /\{lang=/);
  });

  test('a title that ends in a question mark gets no second full stop', () => {
    const labels = { online: 'Online:', blogPost: 'Blogbeitrag', category: 'Kategorie' };
    const de = articleCitation({ lang: 'de', labels });
    assert.match(de.plain, /Virtualisierung\? Blogbeitrag/);
    for (const form of [de.apa, de.plain]) assert.doesNotMatch(form, /[?!.]\./);
    const page = pageCitation({
      lang: 'en',
      siteName: 'Site',
      title: 'What is it?',
      url: 'https://example.org/en/',
      date: new Date('2026-01-01'),
      labels,
    });
    assert.match(page.apa, /What is it\? https/);
  });

  test('the BibTeX key transliterates German umlauts and ß', () => {
    const c = pageCitation({
      lang: 'de',
      siteName: 'Bare Metal erklärt',
      title: 'Größe & Übersicht',
      url: 'https://example.org/de/',
      date: new Date('2026-03-01T00:00:00Z'),
      labels: { online: 'Online:', blogPost: 'Blogbeitrag', category: 'Kategorie' },
    });
    assert.match(c.bibtex, /^@online\{bare-metal-erklaert-de-groesse-uebersicht,/);
  });
});

describe('language marks in content text', () => {
  test('a marked run becomes a part with its language, the rest stays plain', () => {
    assert.deepEqual(langParts('Abkürzung für [Virtual Machine Monitor]{lang=en}. Weiter'), [
      { text: 'Abkürzung für ' },
      { text: 'Virtual Machine Monitor', lang: 'en' },
      { text: '. Weiter' },
    ]);
    assert.deepEqual(langParts('[Was ist?]{lang=de}'), [{ text: 'Was ist?', lang: 'de' }]);
    assert.deepEqual(langParts('no marks [Blog post].'), [{ text: 'no marks [Blog post].' }]);
  });

  test('a mark with a language the site does not have stops the build', () => {
    assert.throws(() => langParts('[Bonjour]{lang=fr}'), /lang must be one of/);
  });
});

describe('glossary matching', () => {
  const terms = [
    formsOf('driver', { de: 'Treiber (Low-Level-Treiber)', en: 'Driver (low-level driver)' }),
    formsOf('bare-metal', { de: 'Bare Metal', en: 'Bare metal' }),
  ].map((t) => ({ id: t.id, patterns: t.forms.en.map(patternOf) }));

  const cases: [string, string, string | undefined][] = [
    ['plain word', 'a driver here', 'driver'],
    ['plural', 'the drivers', 'drivers'],
    ['longer form wins', 'its low-level driver', 'low-level driver'],
    ['hyphenated compound counts', 'a bare-metal system', 'bare-metal'],
    ['not inside a word', 'screwdrivers', undefined],
  ];
  for (const [name, text, expected] of cases) {
    test(name, () => {
      const hit = firstUse(text, terms);
      assert.equal(hit ? text.slice(hit.index, hit.index + hit.length) : undefined, expected);
    });
  }
});

describe('handout sections', () => {
  test('ids get the page prefix, references follow, headings go one level down', () => {
    const html =
      '<div class="heading" data-url="https://x/en/handout/#a"><h2 id="a">A</h2><a href="#a">#</a></div>' +
      '<p aria-describedby="a other"><a href="/en/handout/glossary/">g</a></p>';
    const out = adaptSection(html, {
      slug: 'start',
      handoutUrl: 'https://x/en/handout/',
      pageUrl: 'https://x/en/',
      pagePath: '/en/',
      handoutPath: '/en/handout/',
      langPath: '/en/',
    });
    assert.match(out, /<h3 id="start--a">A<\/h3>/);
    assert.match(out, /href="#start--a"/);
    assert.match(out, /data-url="https:\/\/x\/en\/#a"/);
    assert.match(out, /aria-describedby="start--a other"/);
    assert.match(out, /href="\/en\/glossary\/"/);
  });
  test('section addresses written as paths (a build without SITE_URL) point to the page', () => {
    const html =
      '<div class="heading" data-url="/en/handout/#a" data-address="/en/handout/#a"><h2 id="a">A</h2></div>';
    const out = adaptSection(html, {
      slug: 'start',
      handoutUrl: '/en/handout/',
      pageUrl: '/en/',
      pagePath: '/en/',
      handoutPath: '/en/handout/',
      langPath: '/en/',
    });
    assert.match(out, /data-url="\/en\/#a" data-address="\/en\/#a"/);
  });
});
