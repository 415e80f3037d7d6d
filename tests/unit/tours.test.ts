// The tours (src/content/tours.yaml): every diagram has one, each step's title cites ids
// that exist and that the statements it shows cite too (so a title says nothing the view
// does not), and the words and data the browser gets are what the files say.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import de from '../../src/i18n/de.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import { projectorKeys, projectorWords, toursIn } from '../../src/lib/tours.ts';
import { claims, contextFacts, diagramStatements, tours as readTours } from './content.ts';

const tours = readTours();
const known = new Set([...claims().map((c) => c.id), ...contextFacts().map((f) => f.id)]);
const statements = new Map(diagramStatements().map((s) => [s.id, s]));
/** The diagrams, as diagrams.yaml names them (registry.ts needs Astro's environment). */
const diagramIds = [...new Set([...statements.keys()].map((id) => id.split('.')[0]))];

describe('tours', () => {
  test('every diagram has one tour of two steps or more, and no tour names another', () => {
    assert.deepEqual(tours.map((t) => t.id).sort(), [...diagramIds].sort());
    for (const t of tours) assert.ok(t.steps.length >= 2, `${t.id}: ${t.steps.length} step(s)`);
  });

  test("each step's title cites ids that exist", () => {
    const unknown = tours.flatMap((t) =>
      t.steps.flatMap((s, i) =>
        s.cites.filter((id) => !known.has(id)).map((id) => `${t.id} step ${i + 1}: ${id}`),
      ),
    );
    assert.deepEqual(unknown, []);
    for (const t of tours) for (const s of t.steps) assert.ok(s.cites.length, `${t.id} ${s.en}`);
  });

  test('each step shows statements of its diagram, and cites only what they cite', () => {
    const problems: string[] = [];
    for (const t of tours)
      t.steps.forEach((s, i) => {
        const name = `${t.id} step ${i + 1}`;
        const shown = s.shows.map((key) => statements.get(`${t.id}.${key}`));
        s.shows.forEach((key, j) => {
          if (!shown[j]) problems.push(`${name} shows unknown statement ${t.id}.${key}`);
        });
        const cited = new Set(shown.flatMap((st) => st?.cites ?? []));
        for (const id of s.cites)
          if (!cited.has(id)) problems.push(`${name} cites ${id}, which none it shows cites`);
      });
    assert.deepEqual(problems, []);
  });

  test('steps are distinct views, written without the tour key', () => {
    for (const t of tours) {
      const states = t.steps.map((s) => s.state);
      assert.equal(new Set(states).size, states.length, `${t.id}: a view twice`);
      for (const state of states) assert.doesNotMatch(state, /tour=|^#|^[a-z-]+=/, state);
    }
  });

  test('titles are short, in both languages', () => {
    for (const t of tours)
      for (const s of t.steps)
        for (const text of [s.de, s.en])
          assert.ok(text.split(' ').length <= 10, `${t.id}: "${text}" is long for a title`);
  });

  test('the browser gets each step with its title in the language and the words of src/i18n', () => {
    const german = toursIn(tours, 'de');
    assert.deepEqual(german['io-path']?.[0], {
      state: tours.find((t) => t.id === 'io-path')?.steps[0]?.state,
      title: tours.find((t) => t.id === 'io-path')?.steps[0]?.de,
      cites: tours.find((t) => t.id === 'io-path')?.steps[0]?.cites,
    });
    assert.equal(projectorWords(en).step, en['projector.step']);
    assert.equal(projectorWords(de).present, de['projector.present']);
    assert.equal(Object.keys(projectorWords(en)).length, projectorKeys.length);
    assert.throws(() => projectorWords({}), /projector\.present/);
  });
});
