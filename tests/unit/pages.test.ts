// Pages: every topic exists in both languages under one slug, with a sound reading order.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inReadingOrder, neighbours, splitId } from '../../src/lib/pages.ts';
import { pageFiles } from './content.ts';
import { CONTENT_SLUGS } from '../site-pages.ts';

const pages = pageFiles();
const slugs = (lang: string) =>
  pages
    .filter((p) => p.lang === lang)
    .map((p) => p.slug)
    .sort();

describe('pages in both languages', () => {
  test('German and English have exactly the same slugs', () => {
    assert.deepEqual(slugs('de'), slugs('en'));
  });

  test('the nine topics of the site are all there', () => {
    for (const slug of [...CONTENT_SLUGS, 'glossary', 'sources']) {
      assert.ok(slugs('de').includes(slug), slug);
    }
  });

  test('slugs are lower-case kebab-case, fit for URLs that never change', () => {
    for (const page of pages) assert.match(page.slug, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test('each topic has the same reading position in both languages, and positions are unique', () => {
    for (const lang of ['de', 'en']) {
      const orders = pages.filter((p) => p.lang === lang).map((p) => p.frontmatter['order']);
      assert.equal(new Set(orders).size, orders.length, `${lang}: duplicate order`);
    }
    for (const page of pages.filter((p) => p.lang === 'de')) {
      const twin = pages.find((p) => p.lang === 'en' && p.slug === page.slug);
      assert.equal(page.frontmatter['order'], twin?.frontmatter['order'], page.slug);
    }
  });

  test('no page body has its own level-one heading (the layout prints the title)', () => {
    for (const page of pages) assert.doesNotMatch(page.body, /^# /m, `${page.lang}/${page.slug}`);
  });
});

describe('reading order helpers', () => {
  const info = (id: string, order: number) => ({ id, data: { title: id, order } });
  const list = [info('de/b', 2), info('en/a', 1), info('de/a', 1), info('de/c', 3)];

  test('splitId reads language and slug, and rejects anything else', () => {
    assert.deepEqual(splitId('en/io-drivers'), { lang: 'en', slug: 'io-drivers' });
    for (const bad of ['fr/start', 'de', 'de/a/b', ''])
      assert.throws(() => splitId(bad), /must look like/);
  });

  test('neighbours stay within the language and follow the order', () => {
    assert.equal(neighbours(list, 'de/a').prev, undefined);
    assert.equal(neighbours(list, 'de/a').next?.id, 'de/b');
    assert.equal(neighbours(list, 'de/c').prev?.id, 'de/b');
    assert.equal(neighbours(list, 'de/c').next, undefined);
    assert.equal(neighbours(list, 'en/a').next, undefined);
  });

  test('an unlisted page is out of the reading order: not listed, no previous or next', () => {
    const hidden = { id: 'de/x', data: { title: 'x', order: 4, listed: false } };
    const withHidden = [...list, hidden];
    assert.deepEqual(
      inReadingOrder(withHidden, 'de').map((p) => p.id),
      ['de/a', 'de/b', 'de/c'],
    );
    assert.equal(neighbours(withHidden, 'de/c').next, undefined);
    assert.deepEqual(neighbours(withHidden, 'de/x'), { prev: undefined, next: undefined });
  });
});
