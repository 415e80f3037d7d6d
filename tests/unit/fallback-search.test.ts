// The fallback search engine (src/lib/fallback-search.ts) and the compound splitting of
// the index build (src/integrations/search-index.ts), on small hand-made indexes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  excerpt,
  normalise,
  search,
  stem,
  terms,
  type FallbackIndex,
} from '../../src/lib/fallback-search.ts';
import { compounds, extractPage } from '../../src/integrations/search-index.ts';

const index: FallbackIndex = {
  v: 1,
  lang: 'de',
  pages: [
    {
      u: 'de/io-drivers/',
      t: 'Ein- und Ausgabe und Treiber',
      k: 0,
      s: [
        ['', '', 'Diese Seite zeigt die Geräte.'],
        ['geräte-teilen', 'Geräte teilen', 'Der Hypervisor braucht einen Low-Level-Treiber.'],
      ],
    },
    {
      u: 'de/disadvantages/',
      t: 'Nachteile',
      k: 0,
      s: [
        ['', '', 'Ein Nachteil.'],
        [
          'mehr-aufwand',
          'Mehr Aufwand bei der Installation',
          'Die Installation macht mehr Arbeit.',
          'installationsaufwand',
        ],
      ],
    },
    {
      u: 'de/glossary/',
      t: 'Glossar',
      k: 1,
      s: [
        ['', '', 'Begriffe.'],
        ['hypervisor', 'Hypervisor', 'Die Schicht, die VMs verwaltet.'],
        ['rtos', 'Echtzeitbetriebssystem', 'Ein Betriebssystem mit Zeitgarantien.'],
      ],
    },
  ],
};

test('normalise folds case, diacritics and ß', () => {
  assert.equal(normalise('Gerätetreiber'), 'geratetreiber');
  assert.equal(normalise('Straße ÉCOLE'), 'strasse ecole');
});

test('terms splits on anything but letters and digits, drops repeats, caps the count', () => {
  assert.deepEqual(terms('Real-Time  real time'), ['real', 'time']);
  assert.deepEqual(terms('<script>alert(1)</script>'), ['script', 'alert', '1']);
  assert.deepEqual(terms('   '), []);
  assert.equal(terms('a b c d e f g h i j k').length, 8);
});

test('stem strips one common ending, keeping at least four letters', () => {
  assert.equal(stem('installation'), 'install');
  assert.equal(stem('treibern'), 'treiber');
  assert.equal(stem('esxi'), 'esxi');
});

test('finds the page and links the section with its anchor under the base', () => {
  const [first] = search(index, 'Treiber', { root: '/kurs/virtualisierung/' });
  assert.ok(first);
  assert.equal(first.url, '/kurs/virtualisierung/de/io-drivers/');
  assert.equal(first.sections[0]?.url, '/kurs/virtualisierung/de/io-drivers/#ger%C3%A4te-teilen');
  assert.match(first.sections[0]?.excerpt ?? '', /<mark>Low-Level-Treiber\.<\/mark>/);
});

test('a word inside a compound is found; diacritics and case do not matter', () => {
  assert.equal(search(index, 'zeitgarantie')[0]?.url, '/de/glossary/');
  assert.equal(search(index, 'GERATE')[0]?.url, '/de/io-drivers/');
});

test('compound keywords lead to the section that says it in other words', () => {
  const [first] = search(index, 'Installationsaufwand');
  assert.equal(first?.sections[0]?.url, '/de/disadvantages/#mehr-aufwand');
});

test('glossary terms and titles rank above passing mentions', () => {
  assert.equal(search(index, 'Hypervisor')[0]?.url, '/de/glossary/');
});

test('every term must occur on the page', () => {
  assert.deepEqual(search(index, 'Treiber Zeitgarantien'), []);
  assert.deepEqual(search(index, ''), []);
});

test('result URLs carry the typed words for highlighting when asked', () => {
  const [first] = search(index, 'Low Treiber', { highlightParam: 'pagefind-highlight' });
  assert.equal(first?.url, '/de/io-drivers/?pagefind-highlight=Low&pagefind-highlight=Treiber');
});

test('excerpts escape HTML and mark whole words', () => {
  const html = excerpt('Ein <b>Treiber</b> & "mehr"', ['treiber']);
  assert.equal(html, 'Ein <mark>&lt;b&gt;Treiber&lt;/b&gt;</mark> &amp; &quot;mehr&quot;');
  assert.ok(!excerpt('<img src=x onerror=alert(1)>', ['img']).includes('<img'));
});

test('a 10,000-character query is cut, not choked on', () => {
  assert.doesNotThrow(() => search(index, 'Treiber '.repeat(1250)));
});

test('compounds splits words the site uses into two it also uses', () => {
  const found = compounds(new Set(['installationsaufwand', 'installation', 'aufwand', 'gleich']));
  assert.deepEqual(found.get('installationsaufwand'), ['installation', 'aufwand']);
  assert.equal(found.size, 1);
});

test('extractPage reads title and sections from the indexed body only, minus noise', () => {
  const page = extractPage(`<!doctype html><html lang="de"><body><header>Kopf</header>
    <article data-pagefind-body><h1>Titel</h1><nav class="toc">Inhalt</nav><p>Vorwort<sup class="cite">P1</sup></p>
    <div class="heading"><h2 id="a">Abschnitt</h2><a class="heading-anchor">Link</a></div>
    <p>Text<br>hier</p><svg><text>Bild</text></svg></article><footer>Fuß</footer></body></html>`);
  assert.ok(page);
  assert.equal(page.lang, 'de');
  assert.equal(page.title, 'Titel');
  assert.deepEqual(
    page.sections.map((s) => [s.a, s.h, s.x]),
    [
      ['', '', 'Vorwort'],
      ['a', 'Abschnitt', 'Text hier'],
    ],
  );
  assert.equal(extractPage('<html lang="de"><body><p>x</p></body></html>'), undefined);
});
