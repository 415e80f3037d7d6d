// URLs: every internal link respects the build's base, so the site works at any sub-path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { joinBase, langFromPath, pagePath } from '../../src/lib/urls.ts';

describe('joinBase', () => {
  const cases: [string, string, string][] = [
    ['/', 'de/', '/de/'],
    ['/', '', '/'],
    ['/kurs/virtualisierung/', 'favicon.svg', '/kurs/virtualisierung/favicon.svg'],
    ['/kurs/virtualisierung', '/de/', '/kurs/virtualisierung/de/'],
    ['kurs', 'de/', '/kurs/de/'],
    ['', 'x', '/x'],
  ];
  for (const [base, path, expected] of cases) {
    test(`${JSON.stringify(base)} + ${JSON.stringify(path)}`, () =>
      assert.equal(joinBase(base, path), expected));
  }
});

describe('pagePath', () => {
  test('the start page lives at the language root', () => {
    assert.equal(pagePath('/', 'de', 'start'), '/de/');
    assert.equal(pagePath('/k/', 'en', 'start'), '/k/en/');
  });
  test('other pages get a folder, with an optional fragment', () => {
    assert.equal(pagePath('/', 'en', 'io-drivers'), '/en/io-drivers/');
    assert.equal(pagePath('/k/v/', 'de', 'sources', 'no-host-os'), '/k/v/de/sources/#no-host-os');
    assert.equal(pagePath('/', 'de', 'sources', '#x'), '/de/sources/#x');
  });
});

describe('langFromPath', () => {
  const cases: [string, string, string | undefined][] = [
    ['/', '/de/architecture/', 'de'],
    ['/', '/en/', 'en'],
    ['/', '/', undefined],
    ['/kurs/', '/kurs/en/glossary/', 'en'],
    ['/kurs/', '/other/en/', undefined],
    ['/', '/404.html', '404.html'],
  ];
  for (const [base, path, expected] of cases) {
    test(`${base} ${path}`, () => assert.equal(langFromPath(base, path), expected));
  }
});
