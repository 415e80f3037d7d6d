import assert from 'node:assert/strict';
import { test } from 'node:test';
import { keepHyphenatedHtml, titleParts } from '../../src/lib/titles.ts';

test('a hyphenated word of a title is kept together; the words around it are not', () => {
  assert.deepEqual(titleParts('The bare-metal architecture'), [
    { text: 'The ', keep: false },
    { text: 'bare-metal', keep: true },
    { text: ' architecture', keep: false },
  ]);
  assert.deepEqual(titleParts('Vorteile'), [{ text: 'Vorteile', keep: false }]);
  assert.deepEqual(titleParts('Bare-Metal-Virtualisierung'), [
    { text: 'Bare-Metal-Virtualisierung', keep: true },
  ]);
});

test('in a heading’s HTML, only text is changed, never a tag or an attribute', () => {
  assert.equal(
    keepHyphenatedHtml('Die <a href="/de/bare-metal/">Bare-Metal</a>-Architektur'),
    'Die <a href="/de/bare-metal/"><span class="keep">Bare-Metal</span></a>-Architektur',
  );
  assert.equal(keepHyphenatedHtml('No hyphen here'), 'No hyphen here');
});
