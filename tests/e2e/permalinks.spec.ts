// Permanent links: every URL and heading anchor in tests/permalinks.json is still served.
// When one must move, give it a redirect or an anchor alias (docs/teaching.md); when pages or
// headings were added, run `npm run permalinks:update` and commit the list.
import { readFileSync } from 'node:fs';
import { assertKept, anchorsOf, type Permalinks } from '../permalinks.ts';
import { expect, test } from './fixtures.ts';

const promised = JSON.parse(
  readFileSync(new URL('../permalinks.json', import.meta.url), 'utf8'),
) as Permalinks;

/** What the running site serves for every promised URL. */
async function served(request: import('@playwright/test').APIRequestContext, list: Permalinks) {
  const found: Permalinks = {};
  for (const path of Object.keys(list)) {
    const response = await request.get(path);
    if (!response.ok()) continue;
    const type = response.headers()['content-type'] ?? '';
    found[path] = type.includes('html') ? anchorsOf(await response.text()) : [];
  }
  return found;
}

test('every promised URL and heading anchor is still there', async ({ request }) => {
  expect(Object.keys(promised).length).toBeGreaterThanOrEqual(20);
  const site = await served(request, promised);
  expect(() => assertKept(promised, site)).not.toThrow();
});

test('the check fails, naming the entry, when a listed anchor is gone', async ({ request }) => {
  const withExtra: Permalinks = {
    ...promised,
    '/en/architecture/': [...(promised['/en/architecture/'] ?? []), 'a-section-that-was-removed'],
    '/de/a-page-that-was-removed/': [],
  };
  const site = await served(request, withExtra);
  expect(() => assertKept(withExtra, site)).toThrow(
    /- \/en\/architecture\/#a-section-that-was-removed\n- \/de\/a-page-that-was-removed\//,
  );
});
