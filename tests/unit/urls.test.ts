// URLs: every internal link respects the build's base, so the site works at any sub-path.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  encodePath,
  joinBase,
  langFromPath,
  liveAddress,
  pagePath,
  publicUrl,
} from '../../src/lib/urls.ts';

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

describe('addresses are percent-encoded in every copy path', () => {
  const path = '/kurs/de/io-drivers/#kein-umweg-zu-den-geräten';
  const encoded = '/kurs/de/io-drivers/#kein-umweg-zu-den-ger%C3%A4ten';
  test('a bare path', () => assert.equal(encodePath(path), encoded));
  test('at build time, with and without SITE_URL', () => {
    assert.equal(publicUrl(undefined, path), encoded);
    assert.equal(publicUrl('https://uni.example', path), `https://uni.example${encoded}`);
  });
  test('when the page runs: served, from disk with and without a canonical link', () => {
    const served = { protocol: 'http:', origin: 'http://school.example' };
    assert.equal(liveAddress(path, served), `http://school.example${encoded}`);
    const disk = { protocol: 'file:', origin: 'null' };
    assert.equal(liveAddress(path, disk), encoded);
    const published = { ...disk, canonical: 'https://uni.example/kurs/de/' };
    assert.equal(liveAddress(path, published), `https://uni.example${encoded}`);
  });
  test('an encoded path stays as it is', () => assert.equal(encodePath(encoded), encoded));
});
