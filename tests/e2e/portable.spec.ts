// The portable build (`npm run build:portable`) opened straight from disk, as a reader does
// with a folder from a USB stick: file:// URLs, no server.
import { existsSync, readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { filesBelow } from '../../src/lib/files-below.ts';
import { expect, sitePages, test } from './fixtures.ts';
import { modal, modalInput, QUERIES, target, topThree } from './search-helpers.ts';

const folder = fileURLToPath(new URL('../../dist-portable/bare-metal-explainer/', import.meta.url));
const home = pathToFileURL(`${folder}index.html`).href;
/** The file:// URL of a site path such as /de/architecture/. */
const fileUrl = (path: string) => new URL(`.${path}index.html`, home).href;

test.beforeAll(() => {
  if (!existsSync(`${folder}index.html`))
    throw new Error('No portable build: run `npm run build:portable` first.');
});

test('the zip holds the folder and nothing else', () => {
  const zip = unzipSync(readFileSync(`${folder}../bare-metal-explainer.zip`));
  const inZip = Object.keys(zip).sort();
  const onDisk = filesBelow(folder).map((f) => `bare-metal-explainer/${f}`);
  expect(inZip).toEqual(onDisk.sort());
  expect(inZip).toContain('bare-metal-explainer/index.html');
});

test('opening index.html leads to a page in the browser language', async ({ page }) => {
  await page.goto(home);
  await expect(page).toHaveURL(/\/en\/index\.html$/);
  await expect(page.locator('h1')).toBeVisible();
  // The stylesheet loaded: the page is laid out by the site's CSS, not the browser's.
  expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toMatch(
    /^"?Times/,
  );
});

test('every link of every page leads to a page or section that exists', async ({ page }) => {
  test.setTimeout(120_000);
  const seen = new Set<string>();
  const queue = [fileUrl('/de/'), fileUrl('/en/')];
  const fragments: { from: string; to: string }[] = [];
  /** The ids of every page crawled, to check the fragments against without a second visit. */
  const ids = new Map<string, string[]>();
  while (queue.length) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    expect(response?.ok(), `${url} opens`).toBe(true);
    // One evaluation in the page's own world: the links as the browser resolves them, the ids.
    const { links, found } = await page.evaluate(() => ({
      links: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].map((a) => a.href),
      found: [...document.querySelectorAll('[id]')].map((el) => el.id),
    }));
    ids.set(url, found);
    for (const link of links) {
      const target = new URL(link);
      if (target.protocol !== 'file:') continue;
      expect(target.pathname, `${link} (on ${url}) names a file`).toMatch(/\.(html|xml|svg|txt)$/);
      const file = `${target.origin === 'null' ? 'file://' : target.origin}${target.pathname}`;
      if (target.hash) fragments.push({ from: url, to: link });
      if (file.endsWith('.html')) queue.push(file);
      else expect(existsSync(fileURLToPath(file)), `${link} exists`).toBe(true);
    }
  }
  for (const { path } of sitePages()) expect(seen, `${path} is reachable`).toContain(fileUrl(path));
  for (const { from, to } of fragments) {
    const hash = decodeURIComponent(new URL(to).hash.slice(1));
    // A diagram state (`#io-path=hosted,step=3`) names its diagram; anything else an id.
    const id = /^([a-z-]+)=/.exec(hash)?.[1];
    const wanted = id ? `figure-${id}` : hash;
    const found = ids.get(to.split('#')[0] ?? '') ?? [];
    expect(found.filter((x) => x === wanted).length, `${to} (from ${from})`).toBe(1);
  }
});

test('the language and theme switches work from disk', async ({ page }) => {
  await page.goto(fileUrl('/en/architecture/'));
  await page
    .getByRole('link', { name: /Deutsch/ })
    .first()
    .click();
  await expect(page).toHaveURL(fileUrl('/de/architecture/'));
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  const select = page.locator('theme-switch select');
  await expect(select).toBeVisible();
  await select.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

// From disk the fallback engine answers: this is its run of the whole query table
// (search-relevance.spec.ts runs it with Pagefind, on a server).
for (const lang of ['de', 'en'] as const) {
  test(`${lang}: search answers the query table from disk and opens a result`, async ({ page }) => {
    await page.goto(fileUrl(`/${lang}/architecture/`));
    await page.locator('[data-search-trigger]').click();
    await expect(modal(page)).toBeVisible();
    const status = modal(page).getByRole('status');
    const misses: string[] = [];
    for (const query of QUERIES[lang]) {
      await modalInput(page).fill(query.q);
      await expect(status).toContainText(query.q);
      const { link } = target(lang, query);
      const wanted = link.replace(/\/(?=#|$)/, '/index.html');
      if (!(await topThree(modal(page))).some((links) => links.some((l) => l.endsWith(wanted))))
        misses.push(`"${query.q}" → ${wanted}`);
    }
    expect(misses, 'queries whose page and section are not in the top three').toEqual([]);
    await expect(page.locator('site-search')).toHaveAttribute('data-engine', 'fallback');
    const first = QUERIES[lang][0]?.q ?? '';
    await modalInput(page).fill(first);
    // Wait until the list answers this query, not the one before it.
    await expect(status).toContainText(first);
    const result = modal(page).locator(`a[href*="/${lang}/io-drivers/index.html#"]`).first();
    const href = new URL((await result.getAttribute('href')) ?? '', page.url());
    await result.click();
    await expect(page).toHaveURL(href.href);
    const id = decodeURIComponent(href.hash.slice(1));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  });
}

test('a diagram works from disk, and a link restores its view', async ({ page }) => {
  await page.goto(fileUrl('/en/io-drivers/'));
  const fig = page.locator('#figure-io-path');
  const say = fig.locator('[data-live]');
  const hosted = fig
    .locator('[data-key="main"]')
    .getByRole('radio', { name: 'Hosted', exact: true });
  await hosted.click();
  await expect(hosted).toHaveAttribute('aria-checked', 'true');
  await fig.getByRole('button', { name: 'Next' }).click();
  await expect(say).toContainText('layer 2 of the 4');
  expect(new URL(page.url()).hash).toBe('#io-path=hosted,step=2');
  await page.goto(`${fileUrl('/de/io-drivers/')}#io-path=hosted,step=3`);
  const restored = page.locator('#figure-io-path [data-key="main"]');
  await expect(restored.getByRole('radio', { name: 'Gehostet', exact: true })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // Step 3 of 4 came back: one step forward is the last layer.
  await page.locator('#figure-io-path').getByRole('button', { name: 'Weiter' }).click();
  await expect(page.locator('#figure-io-path [data-live]')).toContainText('Schicht 4 der 4');
});
