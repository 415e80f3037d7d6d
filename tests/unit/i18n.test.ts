// UI strings: both dictionaries hold the same keys, none empty, and every key is used.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import de from '../../src/i18n/de.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };
import { isLang, otherLang, t } from '../../src/i18n/ui.ts';

describe('dictionaries', () => {
  test('German and English have the same keys', () => {
    assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  });

  test('no string is empty or left untranslated by accident', () => {
    for (const [key, value] of Object.entries(de)) assert.ok(value.trim(), `de ${key}`);
    for (const [key, value] of Object.entries(en)) assert.ok(value.trim(), `en ${key}`);
  });

  test('every key is used somewhere in the source', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(astro|ts)$/.test(name)) files.push(readFileSync(path, 'utf8'));
      }
    };
    walk(new URL('../../src', import.meta.url).pathname);
    const source = files.join('\n');
    const dynamic = ['passage.'];
    const unused = Object.keys(en).filter(
      (key) => !source.includes(`'${key}'`) && !dynamic.some((prefix) => key.startsWith(prefix)),
    );
    assert.deepEqual(unused, []);
  });
});

describe('t()', () => {
  test('fills placeholders and leaves unknown ones visible', () => {
    assert.equal(t('en', 'heading.anchor', { title: 'X' }), 'Link to the section “X”');
    assert.match(t('de', 'heading.anchor'), /\{title\}/);
  });

  test('isLang and otherLang', () => {
    assert.ok(isLang('de') && isLang('en'));
    assert.ok(!isLang('fr') && !isLang(undefined) && !isLang('DE'));
    assert.equal(otherLang('de'), 'en');
    assert.equal(otherLang('en'), 'de');
  });
});
