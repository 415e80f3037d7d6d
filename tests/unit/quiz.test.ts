// Self-checks (src/content/quiz.yaml) that test understanding: each question names the
// concept it tests and every concept is tested; each option explains, in both languages,
// why it is right or wrong; no question asks for trivia (an order, a count, a ranking, a
// vendor's customer); every id cited is known.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { quizConcepts } from '../../src/components/course/quiz/concepts.ts';
import { languages } from '../../src/i18n/ui.ts';
import { CONTENT_SLUGS } from '../site-pages.ts';
import { claims, contextFacts, pageFiles, quizzes, type QuizQuestion } from './content.ts';

const claimIds = new Set(claims().map((c) => c.id));
const contextIds = new Set(contextFacts().map((f) => f.id));

/** Questions on order or counts ("which comes first", "how often"): asked of the question. */
const ORDER_OR_COUNT =
  /\b(first|second|third|last|order|sequence|how often|how many|twice|thrice)\b|\b(zuerst|zuletzt|erste[mnrs]?|zweite[mnrs]?|letzte[mnrs]?|reihenfolge|wie oft|wie viele|zweimal|dreimal)\b/i;
/**
 * Rankings, popularity and vendors' customers: asked of the question, its options and their
 * explanations (the ranking claim is told on the start page only, never asked about).
 */
const RANKING_OR_CUSTOMER =
  /more common|most common|widespread|popular|\brank|customer|client|häufig|verbreitet|beliebt|rangfolge|\bplatz\b|kunde|host europe|root-server/i;
/** Catch-all options, which test nothing. */
const CATCH_ALL =
  /\b(all|none|both|neither) of the (above|others)\b|\b(alle|keine) (der )?(genannten|obigen|anderen)\b|\balles davon\b/i;
/** "Always" misreads the article's "grundsätzlich" (as a rule), said of the drivers. */
const ALWAYS = /\balways\b|\bimmer\b/i;
/** The mark an explanation sets where it retells a context fact. */
const MARK = { de: /\(Kontext\)/g, en: /\(context\)/g } as const;

/** What is wrong with one question; empty when nothing is. */
export function questionProblems(q: QuizQuestion): string[] {
  const problems: string[] = [];
  if (!(quizConcepts as readonly string[]).includes(q.concept))
    problems.push(`unknown concept "${q.concept}"`);
  if (q.options.length < 3) problems.push('fewer than three options');
  if (!Number.isInteger(q.answer) || q.answer < 0 || q.answer >= q.options.length)
    problems.push(`answer ${q.answer} is not an option`);
  if (!q.claims?.length) problems.push('cites no claim');
  for (const id of q.claims ?? []) if (!claimIds.has(id)) problems.push(`unknown claim ${id}`);
  for (const id of q.context ?? []) if (!contextIds.has(id)) problems.push(`unknown fact ${id}`);
  if ((q.claims ?? []).includes('two-common-architectures'))
    problems.push('rests on the ranking, which is not asked about');
  for (const lang of languages) {
    const question = q.question[lang] ?? '';
    if (!question.trim()) problems.push(`no ${lang} question`);
    if (ORDER_OR_COUNT.test(question))
      problems.push(`${lang} question asks for an order or a count`);
    const texts = [
      question,
      ...q.options.flatMap((o) => [o.text[lang] ?? '', o.why?.[lang] ?? '']),
    ];
    if (texts.some((text) => RANKING_OR_CUSTOMER.test(text)))
      problems.push(`${lang}: a ranking, popularity or a customer`);
    if (texts.some((text) => ALWAYS.test(text))) problems.push(`${lang}: "always"/"immer"`);
    q.options.forEach((o, i) => {
      if (!o.text[lang]?.trim()) problems.push(`option ${i + 1} has no ${lang} text`);
      if (!o.why?.[lang]?.trim()) problems.push(`option ${i + 1} has no ${lang} explanation`);
      if (CATCH_ALL.test(o.text[lang] ?? '')) problems.push(`option ${i + 1} is a catch-all`);
    });
  }
  q.options.forEach((o, i) => {
    // An explanation marks what a context fact adds, alike in both languages, and only
    // where the question cites one.
    const de = o.why?.de?.match(MARK.de)?.length ?? 0;
    const en = o.why?.en?.match(MARK.en)?.length ?? 0;
    if (de !== en)
      problems.push(`option ${i + 1} marks context ${de}× in German, ${en}× in English`);
    if (de + en > 0 && !q.context?.length)
      problems.push(`option ${i + 1} marks context, but the question cites no fact`);
  });
  return problems;
}

const all = quizzes().flatMap((entry) =>
  entry.questions.map((q, i) => ({ name: `${entry.id} #${i + 1}`, q })),
);

describe('self-checks', () => {
  test('every content page has two to four questions, and only pages that exist have any', () => {
    const slugs = new Set(pageFiles().map((p) => p.slug));
    const entries = quizzes();
    assert.deepEqual(entries.map((e) => e.id).sort(), [...CONTENT_SLUGS].sort());
    for (const entry of entries) {
      assert.ok(slugs.has(entry.id), entry.id);
      assert.ok(entry.questions.length >= 2 && entry.questions.length <= 4, entry.id);
    }
  });

  for (const { name, q } of all)
    test(`${name} (${q.concept}): tests a concept, explains every option, asks no trivia`, () => {
      assert.deepEqual(questionProblems(q), []);
    });

  test('every concept is tested, in both languages', () => {
    for (const lang of languages) {
      const tested = new Set(
        all
          .filter(
            ({ q }) => q.question[lang]?.trim() && q.options.every((o) => o.why[lang]?.trim()),
          )
          .map(({ q }) => q.concept),
      );
      assert.deepEqual(
        quizConcepts.filter((c) => !tested.has(c)),
        [],
        `${lang}: concepts no question tests`,
      );
    }
  });

  test('the checks catch trivia, thin options, missing explanations and unknown ids', () => {
    const base = all[0]?.q;
    assert.ok(base);
    const option = (de: string, en: string, why = true) => ({
      text: { de, en },
      why: why ? { de: 'Weil.', en: 'Because.' } : { de: '', en: '' },
    });
    const cases: [Partial<QuizQuestion>, RegExp][] = [
      [{ concept: 'vendors' }, /unknown concept/],
      [{ options: base.options.slice(0, 2), answer: 0 }, /fewer than three/],
      [{ answer: base.options.length }, /not an option/],
      [{ claims: [] }, /cites no claim/],
      [{ claims: ['no-such-claim'] }, /unknown claim/],
      [{ context: ['ctx-no-such-fact'] }, /unknown fact/],
      [{ claims: ['two-common-architectures'] }, /ranking/],
      [
        {
          question: {
            de: 'Welchen Vorteil nennt der Artikel zuerst?',
            en: 'Which advantage first?',
          },
        },
        /order or a count/,
      ],
      [{ question: { de: 'Wie oft …?', en: 'How often …?' } }, /order or a count/],
      [{ question: { de: 'Welche ist häufiger?', en: 'Which is more common?' } }, /ranking/],
      [{ options: [...base.options, option('Die von Host Europe', "Host Europe's")] }, /customer/],
      [{ options: [...base.options, option('Alle genannten', 'All of the above')] }, /catch-all/],
      [{ options: [...base.options, option('Keine', 'None', false)] }, /no de explanation/],
      [{ options: [...base.options, option('Er muss sie immer mitbringen', 'Always')] }, /always/],
      [
        {
          options: [
            ...base.options,
            { text: { de: 'X', en: 'X' }, why: { de: 'Y (Kontext).', en: 'Y.' } },
          ],
        },
        /marks context 1× in German, 0× in English/,
      ],
    ];
    for (const [change, problem] of cases) {
      const found = questionProblems({ ...base, ...change } as QuizQuestion);
      assert.ok(
        found.some((p) => problem.test(p)),
        `${JSON.stringify(change)}: ${found.join('; ')}`,
      );
    }
  });
});
