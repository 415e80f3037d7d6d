// Grounding: every statement cites a known claim, every claim is told in both languages,
// a topic's German and English pages cite the same claims, and the site's readings each
// join known claims and are told on a page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { languages } from '../../src/i18n/ui.ts';
import { citedIds, citationsIn, isReadingId } from '../../src/lib/claims.ts';
import { claims, contextFacts, glossary, pageFiles, readings } from './content.ts';

const claimIds = claims().map((c) => c.id);
const factIds = contextFacts().map((f) => f.id);
const known = new Set([...claimIds, ...factIds]);
const joins = new Map(readings().map((r) => [r.id, r.joins]));

/**
 * Ids a page tells: its own citations (a reading with the claims it joins), plus the
 * glossary's when it lists the glossary.
 */
function toldBy(page: { body: string }): string[] {
  const ids = new Set(citedIds(page.body));
  for (const id of [...ids]) for (const claim of joins.get(id) ?? []) ids.add(claim);
  if (page.body.includes('<GlossaryList')) {
    for (const term of glossary())
      [...(term.claims ?? []), ...(term.context ?? [])].forEach((id) => ids.add(id));
  }
  return [...ids].sort();
}

describe('claims data', () => {
  test('claim ids are unique, kebab-case, and every claim names a passage P1–P7', () => {
    assert.equal(new Set(claimIds).size, claimIds.length);
    for (const claim of claims()) {
      assert.match(claim.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, claim.id);
      assert.match(claim.passage, /^P[1-7]$/, claim.id);
      assert.ok(claim.de.trim() && claim.en.trim(), `${claim.id} needs both languages`);
    }
  });

  test('every passage of the article has at least one claim', () => {
    const passages = new Set(claims().map((c) => c.passage));
    for (const p of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']) assert.ok(passages.has(p), p);
  });

  test('context facts are those of the shared list, each with a reference', () => {
    assert.deepEqual([...factIds].sort(), [
      'ctx-article-age',
      'ctx-guest-os',
      'ctx-hosted-examples',
      'ctx-hosted-layers',
      'ctx-hosted-resources',
      'ctx-hosted-tradeoffs',
      'ctx-type1-type2',
      'ctx-vm-definition',
      'ctx-vmm-properties',
      'ctx-vmm-term',
    ]);
    for (const fact of contextFacts()) {
      assert.ok(fact.reference.de.length > 10 && fact.reference.en.length > 10, fact.id);
    }
  });
});

describe('citations', () => {
  for (const page of pageFiles()) {
    test(`${page.lang}/${page.slug} cites only known ids`, () => {
      const unknown = citedIds(page.body).filter((id) => !known.has(id) && !joins.has(id));
      assert.deepEqual(unknown, [], `unknown ids in ${page.lang}/${page.slug}.mdx`);
    });
  }

  test('glossary terms rest only on known claims and facts', () => {
    for (const term of glossary()) {
      for (const id of [...(term.claims ?? []), ...(term.context ?? [])])
        assert.ok(known.has(id), `${term.id}: ${id}`);
      assert.ok(
        (term.claims ?? []).length + (term.context ?? []).length > 0,
        `${term.id} rests on nothing`,
      );
    }
  });

  for (const lang of languages) {
    test(`every claim and context fact is told on some ${lang} page`, () => {
      const told = new Set(
        pageFiles()
          .filter((p) => p.lang === lang)
          .flatMap(toldBy),
      );
      assert.deepEqual(
        [...known].filter((id) => !told.has(id)),
        [],
      );
    });
  }

  test('the German and English page of each topic cite the same claims', () => {
    const byLang = (lang: string) =>
      new Map(
        pageFiles()
          .filter((p) => p.lang === lang)
          .map((p) => [p.slug, toldBy(p)]),
      );
    const de = byLang('de');
    const en = byLang('en');
    for (const [slug, ids] of de) assert.deepEqual(ids, en.get(slug), `topic "${slug}"`);
  });
});

describe("the site's readings", () => {
  test('ids are unique and start with reading- (so the sources page tells them apart)', () => {
    const ids = readings().map((r) => r.id);
    assert.ok(ids.length > 0, 'readings.yaml is empty');
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^reading(-[a-z0-9]+)+$/, id);
      assert.ok(isReadingId(id), id);
      assert.ok(!known.has(id), `${id} is also a claim or fact id`);
    }
  });

  test('every reading joins two or more known claims, each once, and has both languages', () => {
    const problems = readings().flatMap((r) => [
      ...(new Set(r.joins).size >= 2 ? [] : [`${r.id} joins fewer than two claims`]),
      ...(new Set(r.joins).size === r.joins.length ? [] : [`${r.id} names a claim twice`]),
      ...r.joins.filter((id) => !claimIds.includes(id)).map((id) => `${r.id}: no claim ${id}`),
      ...(r.de?.trim() && r.en?.trim() ? [] : [`${r.id} lacks a language`]),
    ]);
    assert.deepEqual(problems, []);
  });

  for (const lang of languages) {
    test(`every reading is told on some ${lang} page, and once at most on each`, () => {
      const told = pageFiles()
        .filter((p) => p.lang === lang)
        .flatMap((p) =>
          citationsIn(p.body)
            .filter((c) => isReadingId(c.id))
            .map((c) => c.id),
        );
      assert.deepEqual(
        readings()
          .map((r) => r.id)
          .filter((id) => !told.includes(id)),
        [],
        'readings told on no page',
      );
      const perPage = pageFiles()
        .filter((p) => p.lang === lang)
        .flatMap((p) => {
          const ids = citationsIn(p.body)
            .filter((c) => isReadingId(c.id))
            .map((c) => c.id);
          return ids.filter((id, i) => ids.indexOf(id) !== i).map((id) => `${p.slug}: ${id}`);
        });
      assert.deepEqual(perPage, [], 'a reading told twice on one page (its id would repeat)');
    });
  }
});

describe('citationsIn', () => {
  const cases: [string, string, { id: string; heading: number }[]][] = [
    ['no citations', 'Plain text.', []],
    ['one before any heading', 'A.<Cite id="a" />', [{ id: 'a', heading: -1 }]],
    [
      'section index',
      'x\n## One\nB.<Cite id="b" />\n### Two\n<Context id="ctx-c" />',
      [
        { id: 'b', heading: 0 },
        { id: 'ctx-c', heading: 1 },
      ],
    ],
    ['single quotes and other props', "<Cite foo='1' id='q' />", [{ id: 'q', heading: -1 }]],
    [
      'several ids in one mark',
      '<Cite id="a  b" />',
      [
        { id: 'a', heading: -1 },
        { id: 'b', heading: -1 },
      ],
    ],
    [
      'a reading counts as its own id, in its section',
      'x\n## One\n<Reading id="reading-x" />',
      [{ id: 'reading-x', heading: 0 }],
    ],
    [
      'ignores code fences',
      '```\n<Cite id="no" />\n## not a heading\n```\n<Cite id="yes" />',
      [{ id: 'yes', heading: -1 }],
    ],
  ];
  for (const [name, body, expected] of cases) {
    test(name, () => assert.deepEqual(citationsIn(body), expected));
  }
});
