// Every statement a reader can see or hear is data with the ids it rests on: page prose
// (checked in grounding.test.ts), diagram texts, self-checks and glossary entries. One
// `cites` list per statement serves both languages, so German and English cannot differ.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import de from '../../src/i18n/de.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import {
  inFileOrder,
  markTexts,
  sourceNumbers,
  splitIds,
  type MarkSource,
} from '../../src/lib/claims.ts';
import { claims, contextFacts, diagramStatements, glossary, quizzes } from './content.ts';

const known = new Set([...claims().map((c) => c.id), ...contextFacts().map((f) => f.id)]);
const diagrams = ['layer-stack', 'io-path', 'device-sharing', 'architecture-fit'];

/** Problems with one statement's citations: none, unknown ids. */
function citationProblems(name: string, cites: string[] | undefined): string[] {
  if (!cites?.length) return [`${name} cites no id`];
  return cites.filter((id) => !known.has(id)).map((id) => `${name} cites unknown id ${id}`);
}

describe('diagram statements', () => {
  const statements = diagramStatements();

  test('ids are unique and name a diagram', () => {
    const ids = statements.map((s) => s.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.ok(diagrams.includes(id.split('.')[0] ?? ''), id);
  });

  test('every statement has both languages and cites only known ids', () => {
    const problems = statements.flatMap((s) => [
      ...citationProblems(s.id, s.cites),
      ...(s.de?.trim() && s.en?.trim() ? [] : [`${s.id} lacks a language`]),
    ]);
    assert.deepEqual(problems, []);
  });

  test('the check catches a statement without ids or with an unknown one', () => {
    assert.deepEqual(citationProblems('x', []), ['x cites no id']);
    assert.deepEqual(citationProblems('x', ['no-such-claim']), [
      'x cites unknown id no-such-claim',
    ]);
  });

  for (const diagram of diagrams) {
    test(`${diagram}: the component shows every statement of its own, and only those`, () => {
      const source = readFileSync(
        new URL(`../../src/components/diagrams/${diagram}/Diagram.astro`, import.meta.url),
        'utf8',
      );
      const keys = statements
        .filter((s) => s.id.startsWith(`${diagram}.`))
        .map((s) => s.id.slice(diagram.length + 1));
      // Keys are written literally (say('note-one')) or built from a question key.
      const built = [...source.matchAll(/asked\('([a-z]+)'/g)].flatMap((m) => [
        `${m[1]}-ask`,
        `${m[1]}-why`,
      ]);
      const used = new Set([...[...source.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]), ...built]);
      assert.deepEqual(
        keys.filter((k) => !used.has(k)),
        [],
        'statements in diagrams.yaml that the diagram never shows',
      );
      const asked = [...source.matchAll(/(?:say|lines)\('([a-z0-9-]+)'/g)].map((m) => m[1]);
      assert.deepEqual(
        asked.filter((k) => !keys.includes(k ?? '')),
        [],
        'keys the diagram asks for that diagrams.yaml lacks',
      );
    });
  }
});

describe('interface strings hold no statement about virtualization', () => {
  // Names and labels of the frame that may name a thing without saying anything about it.
  const labels = new Set([
    'site.tagline',
    'figure.stack.bareTitle',
    'figure.stack.hostedTitle',
    'figure.devices.hypervisor',
    'diagram.stack.layerVmm',
    'diagram.stack.layerHostOs',
    'diagram.devices.altCount',
    'diagram.title.deviceSharing',
    'diagram.fit.svgTitle',
  ]);
  const topical =
    /hypervisor|treiber|driver|host-betriebssystem|host operating|emul|echtzeit|real-time|installation|gast|guest/i;
  for (const [lang, dict] of [
    ['de', de],
    ['en', en],
  ] as const) {
    test(`${lang}.json: only labels name the subject`, () => {
      const found = Object.entries(dict as Record<string, string>)
        .filter(
          ([key, value]) => topical.test(value) && !labels.has(key) && !key.startsWith('passage.'),
        )
        .map(([key]) => key);
      assert.deepEqual(found, [], 'move these sentences into src/content with their ids');
    });
  }
});

describe('self-checks', () => {
  const all = quizzes().flatMap((q) => q.questions.map((question) => ({ page: q.id, question })));

  test('every question cites known ids', () => {
    const problems = all.flatMap(({ page, question }, i) =>
      citationProblems(`${page} #${i + 1}`, [...question.claims, ...(question.context ?? [])]),
    );
    assert.deepEqual(problems, []);
  });

  test('no question is asked twice, on one page or across pages', () => {
    for (const lang of ['de', 'en'] as const) {
      const asked = all.map(({ question }) => question.question[lang].toLowerCase());
      assert.equal(new Set(asked).size, asked.length, lang);
    }
  });

  test('every question offers at least three options, none repeated', () => {
    for (const { page, question } of all) {
      assert.ok(question.options.length >= 3, `${page}: ${question.question.en}`);
      for (const lang of ['de', 'en'] as const) {
        const texts = question.options.map((o) => o.text[lang]);
        assert.equal(new Set(texts).size, texts.length, `${page}: ${question.question[lang]}`);
      }
    }
  });

  test('no option gives itself away by claiming the article says nothing', () => {
    for (const { question } of all)
      for (const { text } of question.options)
        assert.doesNotMatch(text.en, /^(none|nothing)\b|names no|the only one/i, text.en);
  });

  test('explanations use the strength of the claims they retell', () => {
    const weak = /spürbar|merklich|noticeabl|clearly|etwas mehr|somewhat more/i;
    for (const { question } of all)
      for (const { why } of question.options)
        for (const text of [why.de, why.en]) assert.doesNotMatch(text, weak, text);
  });
});

describe('glossary', () => {
  test('every definition rests on known ids', () => {
    const problems = glossary().flatMap((term) =>
      citationProblems(term.id, [...(term.claims ?? []), ...(term.context ?? [])]),
    );
    assert.deepEqual(problems, []);
  });

  test('Type 1 / Type 2, virtual machine and hypervisor draw on the context facts', () => {
    const byId = new Map(glossary().map((t) => [t.id, t]));
    assert.ok(byId.get('type-1-type-2')?.context?.includes('ctx-type1-type2'));
    assert.ok(byId.get('virtual-machine')?.context?.includes('ctx-vm-definition'));
    assert.ok(byId.get('vmm')?.context?.includes('ctx-vmm-properties'));
  });
});

describe('merged citation marks', () => {
  const claim = (id: string, passage: string, n: number) => ({ id, passage, n });
  const fact = (id: string, n: number) => ({ id, n });
  const cases: [string, MarkSource[], string[]][] = [
    ['one claim: its passage and number', [claim('a', 'P3', 2)], ['P3.2']],
    [
      'two claims of one passage: a link each',
      [claim('a', 'P5', 1), claim('b', 'P5', 2)],
      ['P5.1', 'P5.2'],
    ],
    ['two passages', [claim('a', 'P3', 1), claim('b', 'P5', 2)], ['P3.1', 'P5.2']],
    [
      'repeats collapse, first order kept',
      [claim('a', 'P1', 1), claim('b', 'P2', 1), claim('a', 'P1', 1), claim('c', 'P1', 3)],
      ['P1.1', 'P2.1', 'P1.3'],
    ],
    ['one context fact: numbered among the facts', [fact('ctx-a', 7)], ['C7']],
    [
      'a claim and one fact',
      [claim('a', 'P2', 1), fact('ctx-a', 3), fact('ctx-a', 3)],
      ['P2.1', 'C3'],
    ],
    ['several facts: each numbered', [fact('ctx-a', 7), fact('ctx-b', 8)], ['C7', 'C8']],
  ];
  for (const [name, sources, texts] of cases) {
    test(name, () =>
      assert.deepEqual(
        markTexts(sources, 'C').map((link) => link.text),
        texts,
      ),
    );
  }
  test('claims are numbered within their passage, facts among facts, in file order', () => {
    const numbers = sourceNumbers(
      [
        { id: 'a', passage: 'P1' },
        { id: 'b', passage: 'P1' },
        { id: 'c', passage: 'P2' },
        { id: 'd', passage: 'P1' },
      ],
      [{ id: 'ctx-x' }, { id: 'ctx-y' }],
    );
    assert.deepEqual(
      [...numbers.values()].map((s) => `${s.id}:${s.passage ?? ''}${s.n}`),
      ['a:P11', 'b:P12', 'c:P21', 'd:P13', 'ctx-x:1', 'ctx-y:2'],
    );
  });
  test('an id list splits on any white space', () => {
    assert.deepEqual(splitIds(' a  b\nc '), ['a', 'b', 'c']);
  });
});

describe('article order', () => {
  test('claims.yaml lists the passages in order, P1 to P7', () => {
    const passages = claims().map((c) => Number(c.passage.slice(1)));
    assert.deepEqual(
      passages,
      [...passages].sort((a, b) => a - b),
    );
  });
  test('entries come back in file order, unknown ones last', () => {
    const yamlText = '- id: b\n  x: 1\n- id: a\n';
    assert.deepEqual(
      inFileOrder([{ id: 'a' }, { id: 'z' }, { id: 'b' }], yamlText).map((e) => e.id),
      ['b', 'a', 'z'],
    );
  });
});
