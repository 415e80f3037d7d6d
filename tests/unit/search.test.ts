// Search at build time and in the browser, without a browser: German compounds split by the
// lexicon, keywords from compounds and synonyms put where their source is, the fallback
// engine over small hand-made data, typo correction and excerpts, and page extraction.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { extractPage } from '../../src/integrations/search-index.ts';
import {
  compoundKeywords,
  germanLexicon,
  splitCompound,
  splittable,
} from '../../src/lib/search/decompound.ts';
import {
  answer,
  excerptPieces,
  defines,
  glossarySecond,
  glossaryUp,
  type SearchData,
} from '../../src/lib/search/engine.ts';
import { enrich, runWords, unusedSynonyms, type IndexPage } from '../../src/lib/search/enrich.ts';
import { fallbackEngine } from '../../src/lib/search/fallback-engine.ts';
import { pagefindCopy } from '../../src/lib/search/pagefind-copy.ts';
import { closest, correct, vocabulary } from '../../src/lib/search/suggest.ts';
import { stem } from '../../src/lib/search/stem.ts';
import { synonymTableSchema } from '../../src/lib/search/synonyms.ts';

const lexicon = await germanLexicon();

describe('German compounds split into the parts a reader types', () => {
  // Words of the site (src/content/pages/de) and how they split.
  const cases: [string, string[]][] = [
    ['gastbetriebssystem', ['gast', 'betrieb', 'system']],
    ['echtzeitbetriebssysteme', ['echtzeit', 'betrieb', 'system']],
    ['plattformtreiber', ['plattform', 'treiber']],
    ['installationsaufwand', ['installation', 'aufwand']],
    ['hardwareplattformen', ['hardware', 'plattform']],
    ['diagrammzustand', ['diagramm', 'zustand']],
    ['betriebssystem', ['betrieb', 'system']],
    // Stay whole: too short to split without noise, not German, or no compound.
    ['bauart', []],
    ['hypervisor', []],
    ['virtuozzo', []],
    ['emulation', []],
    ['container', []],
  ];
  for (const [word, parts] of cases) {
    test(`${word} → ${parts.join(' + ') || 'whole'}`, () => {
      assert.deepEqual(splitCompound(word, lexicon), parts);
    });
  }

  test('a later part and the compound it ends are keywords; the word itself is not', () => {
    assert.deepEqual(compoundKeywords('gastbetriebssystem', lexicon).sort(), [
      'betrieb',
      'betriebssystem',
      'gast',
      'system',
    ]);
  });

  test('a split whose last part the site never uses is dropped (names, derivations)', () => {
    const site = new Set(['system', 'treiber']);
    assert.deepEqual(
      compoundKeywords('goldberg', lexicon, (p) => site.has(p)),
      [],
    );
    assert.deepEqual(
      compoundKeywords('leserinnen', lexicon, (p) => site.has(p)),
      [],
    );
    assert.ok(
      compoundKeywords('plattformtreiber', lexicon, (p) => site.has(p)).includes('treiber'),
    );
  });

  test('only nouns as written in running text are split; hyphenated words stay whole', () => {
    assert.ok(splittable('Gastbetriebssystem'));
    assert.ok(!splittable('dazwischengeschaltet'));
    assert.ok(!splittable('Bare-Metal'));
    assert.ok(!splittable('Host-Betriebssystem'));
  });
});

const pages: IndexPage[] = [
  {
    lang: 'de',
    title: 'Nachteile',
    sections: [
      { a: '', h: '', x: 'Einleitung.' },
      { a: 'aufwand', h: 'Mehr Aufwand bei der Installation', x: 'Es macht mehr Arbeit.' },
      {
        a: 'treiber',
        h: 'Treiber',
        x: 'Treiber für die Hardwareplattformen und Plattformtreiber.',
      },
    ],
  },
  {
    lang: 'de',
    title: 'Architektur',
    sections: [
      { a: '', h: '', x: 'Kein Host-Betriebssystem liegt dazwischen.' },
      { a: 'gast', h: 'Gastbetriebssystem', x: 'Ein Gastbetriebssystem läuft in der VM.' },
      { a: 'vergleich', h: 'Vergleich', x: 'Der Installationsaufwand ist höher.' },
    ],
  },
];
const synonyms = synonymTableSchema.parse({
  synonyms: [
    { site: 'Host-Betriebssystem', readers: ['Wirtsbetriebssystem', 'host OS'] },
    { site: 'Treiber', readers: ['driver'] },
  ],
}).synonyms;

describe('keywords go where the site speaks of the thing', () => {
  const keywords = enrich('de', pages, { lexicon, synonyms });

  test('a compound said in other words joins the heading that says it', () => {
    assert.ok(keywords[0]?.[1]?.heading.includes('installationsaufwand'));
  });

  test('later parts of compounds are text keywords of their section', () => {
    assert.ok(keywords[1]?.[1]?.heading.includes('system'));
    assert.ok(keywords[0]?.[2]?.text.includes('plattform'));
  });

  test('a reader’s word lands where the site’s word is, weighted the same way', () => {
    assert.ok(keywords[1]?.[0]?.text.includes('wirtsbetriebssystem'));
    // "host OS": the section says "Host-" itself, so only the missing word is added.
    assert.ok(keywords[1]?.[0]?.text.includes('os'));
    assert.ok(!keywords[1]?.[0]?.text.includes('host'));
    assert.ok(keywords[0]?.[2]?.heading.includes('driver'));
    // Nowhere else: a synonym adds no place the site does not speak of the thing.
    assert.ok(
      !keywords[0]?.flatMap((k) => [...k.heading, ...k.text]).includes('wirtsbetriebssystem'),
    );
  });

  test('a keyword run holds each word once and none the place already says', () => {
    const said = new Set(['hypervisor']);
    assert.deepEqual(
      runWords(
        ['typ 1', 'typ-1-hypervisor', 'nativer hypervisor', 'type 1', 'native hypervisor'],
        said,
      ),
      ['typ', '1', 'typ-1-hypervisor', 'nativer', 'type', 'native'],
    );
    assert.deepEqual(runWords(['host-os', 'host os'], new Set(['host', 'os'])), []);
  });

  test('a synonym table row whose site word no page uses is reported', () => {
    const rows = synonymTableSchema.parse({
      synonyms: [{ site: 'Quantencomputer', readers: ['QC'] }],
    });
    assert.deepEqual(unusedSynonyms('de', pages, rows.synonyms), ['Quantencomputer']);
    assert.deepEqual(unusedSynonyms('de', pages, synonyms), []);
  });

  for (const lang of ['de', 'en']) {
    test(`the ${lang} synonym table is valid content`, () => {
      const file = new URL(`../../src/content/synonyms/${lang}.yaml`, import.meta.url);
      const table = synonymTableSchema.parse(parse(readFileSync(file, 'utf8')));
      assert.ok(table.synonyms.length > 0);
    });
  }
});

const data: SearchData = {
  v: 2,
  lang: 'de',
  pages: [
    {
      u: 'de/io-drivers/',
      t: 'Ein- und Ausgabe und Treiber',
      g: 0,
      s: [
        ['', '', 'Diese Seite zeigt die Geräte.', '', ''],
        [
          'geräte-teilen',
          'Geräte teilen',
          'Der Hypervisor braucht einen Low-Level-Treiber.',
          '',
          'driver',
        ],
      ],
    },
    {
      u: 'de/disadvantages/',
      t: 'Nachteile',
      g: 0,
      s: [
        ['', '', 'Ein Nachteil.', '', ''],
        [
          'aufwand',
          'Mehr Aufwand bei der Installation',
          'Die Installation macht <b>Arbeit</b>.',
          'installationsaufwand',
          '',
        ],
      ],
    },
    {
      u: 'de/glossary/',
      t: 'Glossar',
      g: 1,
      s: [
        ['', '', 'Begriffe.', '', ''],
        ['hypervisor', 'Hypervisor', 'Die Schicht, die virtuelle Maschinen verwaltet.', '', ''],
      ],
    },
  ],
};

describe('the fallback engine', () => {
  const engine = fallbackEngine(data, { root: '/kurs/x/', stem });

  test('finds the page and links its section under the base', async () => {
    const { hits } = await engine.search('Treiber');
    assert.equal(hits[0]?.url, '/kurs/x/de/io-drivers/');
    assert.equal(hits[0]?.sections[0]?.url, '/kurs/x/de/io-drivers/#ger%C3%A4te-teilen');
  });

  test('inflections, keywords and case find the same place', async () => {
    assert.equal((await engine.search('TREIBERN')).hits[0]?.url, '/kurs/x/de/io-drivers/');
    assert.equal((await engine.search('driver')).hits[0]?.url, '/kurs/x/de/io-drivers/');
    const { hits } = await engine.search('Installationsaufwand');
    assert.equal(hits[0]?.sections[0]?.url, '/kurs/x/de/disadvantages/#aufwand');
  });

  test('every word must occur on the page; unknown words are reported', async () => {
    assert.deepEqual((await engine.search('Treiber Nachteil')).hits, []);
    assert.deepEqual((await engine.search('Hypervisr')).unknown, ['Hypervisr']);
    assert.deepEqual((await engine.search('')).hits, []);
  });

  test('excerpts are text pieces, with matching words marked', async () => {
    const { hits } = await engine.search('Arbeit');
    const pieces = hits[0]?.sections[0]?.excerpt ?? [];
    assert.ok(pieces.some((p) => typeof p === 'object' && p.mark === '<b>Arbeit</b>.'));
  });

  test('highlight links carry the typed words', async () => {
    const marked = fallbackEngine(data, { root: '/', highlightParam: 'pagefind-highlight', stem });
    const { hits } = await marked.search('Low Treiber');
    assert.equal(hits[0]?.url, '/de/io-drivers/?pagefind-highlight=low&pagefind-highlight=treiber');
  });

  test('a 10,000-character query is cut, not choked on', async () => {
    await assert.doesNotReject(engine.search('Treiber '.repeat(1250)));
  });

  test('ranks as Pagefind: weighted words over the page, a word as typed before one it begins', async () => {
    const page = (u: string, s: SearchData['pages'][number]['s']) => ({
      u,
      t: u,
      g: 0 as const,
      s,
    });
    const ranking = fallbackEngine(
      {
        v: 2,
        lang: 'de',
        pages: [
          // A page whose one heading names the word once, among other things.
          page('de/vendors/', [
            ['esxi', 'VMware Hypervisor', 'Ein Produkt von VMware, früher ESXi genannt.', '', ''],
            ['pvz', 'Parallels', 'Ein Produkt von Parallels, für Root-Server gedacht.', '', ''],
          ]),
          // The page that introduces it: a heading and several sentences.
          page('de/', [
            [
              'vm',
              'Virtuelle Maschine und Hypervisor',
              'Der Hypervisor verwaltet VMs. Jeder Hypervisor teilt die Hardware.',
              '',
              '',
            ],
            [
              'bm',
              'Bare Metal',
              'Der Hypervisor läuft auf der Hardware, ein Hypervisor für alle VMs.',
              '',
              '',
            ],
          ]),
          // Longer words that only begin with it.
          page('de/more/', [['x', 'Hypervisorprodukte', 'Hypervisorprodukte gibt es.', '', '']]),
        ],
      },
      { root: '/', stem },
    );
    const { hits } = await ranking.search('Hypervisor');
    assert.equal(hits[0]?.url, '/de/');
    assert.equal(hits[0]?.sections[0]?.url, '/de/#vm');
    assert.equal(hits.at(-1)?.url, '/de/more/');
  });
});

describe('did you mean, and help when nothing is found', () => {
  const vocab = vocabulary(data);

  test('a one-letter typo becomes the index word', () => {
    assert.equal(correct('de', 'Hypervisr', vocab, stem), 'Hypervisor');
    assert.equal(correct('de', 'Hypervisor', vocab, stem), undefined);
    assert.equal(correct('de', 'Treibern', vocab, stem), undefined);
  });

  test('answer searches the corrected query and says so', async () => {
    const found = await answer(fallbackEngine(data, { root: '/', stem }), 'Hypervisr');
    assert.equal(found.corrected, 'Hypervisor');
    assert.ok(found.hits.length > 0);
  });

  test('no match at all offers the closest index words', async () => {
    const found = await answer(fallbackEngine(data, { root: '/', stem }), 'Hypervisorxyz');
    assert.deepEqual(found.hits, []);
    assert.deepEqual(found.similar, ['Hypervisor']);
    assert.deepEqual(closest('zzzz', vocab), []);
  });
});

test('Pagefind excerpts lose the index keywords, also where the excerpt cuts them', () => {
  assert.deepEqual(excerptPieces('Titel. <mark>⟦wirtssystem</mark> host⟧ Der Text &amp; mehr'), [
    'Titel. Der Text & mehr',
  ]);
  assert.deepEqual(excerptPieces('os⟧ Kein <mark>Host</mark> hier ⟦gast'), [
    'Kein ',
    { mark: 'Host' },
    ' hier ',
  ]);
});

test('Pagefind’s copy carries each section’s keywords after its heading, weighted like it', async () => {
  const html = await pagefindCopy(
    '<html lang="de"><body><article data-pagefind-body><h1>T</h1><p>x</p><h2 id="a">A</h2><p>y</p></article></body></html>',
    new Map([
      ['', { heading: ['titelwort'], text: [] }],
      ['a', { heading: ['kopf'], text: ['text & <b>'] }],
    ]),
  );
  assert.match(html, /<h1>T<\/h1><span data-pagefind-weight="7">⟦titelwort⟧<\/span><p>x/);
  assert.match(
    html,
    /<h2 id="a">A<\/h2><span data-pagefind-weight="6">⟦kopf⟧<\/span><span data-pagefind-weight="1">⟦text &amp; &lt;b&gt;⟧<\/span>/,
  );
});

test('keywords under a lighter heading (a glossary term) weigh as little as its words', async () => {
  const html = await pagefindCopy(
    '<html lang="de"><body><article data-pagefind-body><h1>T</h1><h2 id="t"><span data-pagefind-weight="3">Term</span></h2><p>y</p></article></body></html>',
    new Map([['t', { heading: ['kopf'], text: ['wort'] }]]),
  );
  assert.match(
    html,
    /<\/h2><span data-pagefind-weight="3">⟦kopf⟧<\/span><span data-pagefind-weight="0.5">⟦wort⟧<\/span>/,
  );
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

test('the glossary comes up to second when one of its terms is what was searched', () => {
  const page = (name: string, glossary = false) => ({ name, glossary });
  const names = (list: { name: string }[]) => list.map((x) => x.name);
  const ranked = [page('a'), page('b'), page('c'), page('g', true)];
  assert.deepEqual(names(glossaryUp(ranked, true)), ['a', 'g', 'b', 'c']);
  assert.deepEqual(names(glossaryUp(ranked, false)), ['a', 'b', 'c', 'g']);
  assert.ok(defines('Hypervisor', 'Hypervisoren'));
  assert.ok(defines('Hardware platform', 'hardware platform'));
  assert.ok(!defines('Hardware platform', 'hardware driver'));
});

test('the glossary comes second when a topic page scores at least half of it', () => {
  const page = (name: string, score: number, glossary = false) => ({ name, score, glossary });
  const names = (list: { name: string }[]) => list.map((x) => x.name);
  assert.deepEqual(names(glossarySecond([page('g', 1, true), page('a', 0.95), page('b', 0.5)])), [
    'a',
    'g',
    'b',
  ]);
  // Far ahead, it stays first; behind a page, it stays where it is.
  assert.deepEqual(names(glossarySecond([page('g', 1, true), page('a', 0.4)])), ['g', 'a']);
  assert.deepEqual(names(glossarySecond([page('a', 1), page('g', 0.99, true)])), ['a', 'g']);
});
