// Grounding: every statement cites a known claim, every claim is told in both languages,
// and a topic's German and English pages cite the same claims.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { languages } from '../../src/i18n/ui.ts';
import { citedIds, citationsIn } from '../../src/lib/claims.ts';
import { claims, contextFacts, glossary, pageFiles } from './content.ts';

const claimIds = claims().map((c) => c.id);
const factIds = contextFacts().map((f) => f.id);
const known = new Set([...claimIds, ...factIds]);

/** Ids a page tells: its own citations, plus the glossary's when it lists the glossary. */
function toldBy(page: { body: string }): string[] {
  const ids = new Set(citedIds(page.body));
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
      const unknown = citedIds(page.body).filter((id) => !known.has(id));
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
      'ignores code fences',
      '```\n<Cite id="no" />\n## not a heading\n```\n<Cite id="yes" />',
      [{ id: 'yes', heading: -1 }],
    ],
  ];
  for (const [name, body, expected] of cases) {
    test(name, () => assert.deepEqual(citationsIn(body), expected));
  }
});
