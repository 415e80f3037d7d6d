// The offline copy as a reader meets it, each test in a fresh browser context with service
// workers allowed (the shared context of the other tests is reset between them): keep a
// language (its size shown first, the progress bar to its end), then read it with the network
// gone: pages, search, a figure; a new deployment at the same address replaces the copy on
// the next visit; "Remove offline copy" leaves no cache and no worker. Where no worker may
// run (the portable copy on disk, the SCORM packages, an embed page in a frame, a browser
// without service workers) none is registered, and the control says why or is not there.
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { filesBelow } from '../../src/lib/files-below.ts';
import { writeOffline } from '../../src/lib/offline-build.ts';
import { cacheName, cachePrefix, formatBytes, type Listing } from '../../src/lib/offline.ts';
import { playwrightArgs, requireChromium } from '../chromium.ts';
import { serveStatic } from '../static-server.ts';
import { axeBothSchemes } from './axe.ts';
import { reflowProblems } from './audit-helpers.ts';
import { expect, holdBack, needsSubBuild, SUB, SUB_FOLDER, test } from './fixtures.ts';
import { serveLms } from './scorm-lms.ts';

test.describe.configure({ timeout: 120_000 });

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const listing = (dir: string, lang: string) =>
  JSON.parse(readFileSync(join(dir, 'offline', `${lang}.json`), 'utf8')) as Listing;

/** A fresh context at `origin`, service workers allowed, failing on console and page errors. */
async function freshContext(
  browser: Browser,
  origin: string,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: origin,
    serviceWorkers: 'allow',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, page, errors };
}

const control = (page: Page) => page.locator('offline-copy');
const toggle = (page: Page) => control(page).locator('button').first();
const panel = (page: Page) => control(page).locator('.print-hint');
const action = (page: Page) => panel(page).getByRole('button');

/** What the page's origin holds: the copy's caches and the registered workers' scopes. */
const stored = (page: Page, base = '/') =>
  page.evaluate(async (prefix) => {
    const names = (await caches.keys()).filter((name) => name.startsWith(prefix));
    const workers = await navigator.serviceWorker.getRegistrations();
    return { caches: names, workers: workers.map((w) => new URL(w.scope).pathname) };
  }, cachePrefix(base));

/**
 * Opens the control on the start page of `lang`, checks the size it shows before anything is
 * fetched, keeps the language and follows the progress bar to its end.
 */
async function keep(page: Page, lang: 'de' | 'en', dir = dist, base = '/'): Promise<void> {
  const { bytes } = listing(dir, lang);
  const size = formatBytes(bytes, lang);
  await page.goto(`${base}${lang}/`);
  await toggle(page).click();
  await expect(toggle(page)).toHaveAttribute('aria-expanded', 'true');
  // The size first: in the text and on the button that starts the download.
  await expect(panel(page).locator('p')).toContainText(size);
  await expect(action(page)).toHaveText(new RegExp(size.replace('.', '\\.')));
  // The panel is a box of its own, set off from the footer (its stylesheet came with it).
  expect(await panel(page).evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(
    'rgba(0, 0, 0, 0)',
  );
  expect((await stored(page, base)).workers, 'no worker before the reader asks').toEqual([]);
  // Every value the progress bar takes, as the reader sees it move.
  await page.evaluate(() => {
    const bar = document.querySelector('offline-copy progress') as HTMLProgressElement;
    const seen: [number, number][] = [];
    Object.assign(window, { progressSeen: seen });
    new MutationObserver(() => seen.push([bar.value, bar.max])).observe(bar, {
      attributes: true,
    });
  });
  await action(page).click();
  await expect(action(page)).toHaveText(lang === 'en' ? 'Remove offline copy' : /entfernen/, {
    timeout: 60_000,
  });
  const seen = await page.evaluate(
    () => (window as unknown as { progressSeen: [number, number][] }).progressSeen,
  );
  expect(seen.length).toBeGreaterThan(2);
  expect(seen.at(-1)).toEqual([bytes, bytes]);
  await expect(panel(page).locator('p')).toContainText(size);
  // The worker took over this page at once: the copy serves it from now on.
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

test('keep English, read it offline (five pages, search, a figure), then remove the copy', async ({
  browser,
  baseURL,
}) => {
  const { context, page, errors } = await freshContext(browser, baseURL ?? '');
  await keep(page, 'en');
  const { v } = listing(dist, 'en');
  expect((await stored(page)).caches).toEqual([cacheName('/', v)]);

  await context.setOffline(true);
  for (const path of [
    '/en/advantages/',
    '/en/comparison/',
    '/en/glossary/',
    '/en/io-drivers/',
    '/en/architecture/',
  ]) {
    await page.goto(path);
    await expect(page.locator('h1')).toBeVisible();
    // Styled by the site's own stylesheet and font, from the cache.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Inter/);
  }
  // Search, with Pagefind's files from the cache.
  await page.locator('[data-search-trigger]').first().click();
  const input = page.locator('.search-panel').getByRole('combobox');
  await input.fill('hypervisor');
  await expect(page.locator('.search-panel').getByRole('option').first()).toBeVisible();
  // Pagefind itself answered: its script, WebAssembly and chunks were all kept.
  await expect(page.locator('site-search')).toHaveAttribute('data-engine', 'pagefind');
  await page.keyboard.press('Escape');
  // A figure changes its view: its script came from the cache too.
  const figure = page.locator('#figure-layer-stack');
  const vmm = figure
    .locator('[role="radiogroup"][data-key="layer"]')
    .getByRole('radio', { name: 'Hypervisor (VMM)', exact: true });
  await vmm.click();
  await expect(vmm).toHaveAttribute('aria-checked', 'true');
  await expect(figure.getByRole('heading', { name: 'Hypervisor (VMM)' })).toBeVisible();
  // A page that is not in the copy (the other language) says so and leads back to it.
  await page.goto('/de/architecture/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not in your offline copy');
  // Its status, 503, is the one error the console shows.
  expect(errors.splice(0)).toEqual([expect.stringContaining('503')]);
  await page.getByRole('link', { name: 'Open the kept start page' }).click();
  await expect(page).toHaveURL(/\/en\/$/);
  // Offline, the start page's control says the copy is kept.
  await page.goto('/en/');
  await toggle(page).click();
  await expect(panel(page).locator('p')).toContainText('Kept on this device');

  // Back online: remove it all.
  await context.setOffline(false);
  await page.reload();
  await toggle(page).click();
  await action(page).click();
  await expect(action(page)).toHaveText(/^Download/);
  await expect(page.locator('#site-status')).toHaveText('Offline copy removed.');
  expect(await stored(page)).toEqual({ caches: [], workers: [] });
  expect(errors).toEqual([]);
  await context.close();
});

test('a new deployment at the same address replaces the copy on the next visit', async ({
  browser,
}) => {
  const old = mkdtempSync(join(tmpdir(), 'offline-old-'));
  const next = mkdtempSync(join(tmpdir(), 'offline-new-'));
  cpSync(dist, old, { recursive: true });
  cpSync(dist, next, { recursive: true });
  // The new deployment: one page says something new; the build step lists it and writes
  // the worker again, as `npm run build` would.
  const page1 = join(next, 'en', 'advantages', 'index.html');
  writeFileSync(
    page1,
    readFileSync(page1, 'utf8').replace(/(<h1[^>]*>)/, '$1<span id="redeployed">New: </span>'),
  );
  await writeOffline(next, '/');
  const [before, after] = [listing(old, 'en').v, listing(next, 'en').v];
  expect(after).not.toBe(before);

  let server = await serveStatic(old, '/');
  const port = Number(new URL(server.origin).port);
  const { context, page, errors } = await freshContext(browser, server.origin);
  try {
    await keep(page, 'en', old);
    expect((await stored(page)).caches).toEqual([cacheName('/', before)]);
    await server.close();
    server = await serveStatic(next, '/', port);

    // One visit online: the page is new, and the new worker takes the copy over.
    await page.goto('/en/advantages/');
    await expect(page.locator('#redeployed')).toBeVisible();
    await expect
      .poll(async () => (await stored(page)).caches, { timeout: 60_000 })
      .toEqual([cacheName('/', after)]);
    // Offline now, the copy is the new one.
    await context.setOffline(true);
    await page.goto('/en/');
    await page.goto('/en/advantages/');
    await expect(page.locator('#redeployed')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await server.close();
    rmSync(old, { recursive: true, force: true });
    rmSync(next, { recursive: true, force: true });
  }
});

test('under a sub-path the worker takes the base as its scope and serves the copy offline', async ({
  browser,
  subOrigin,
}) => {
  needsSubBuild();
  const { context, page, errors } = await freshContext(browser, subOrigin);
  try {
    await keep(page, 'de', SUB_FOLDER, SUB);
    expect(await stored(page, SUB)).toEqual({
      caches: [cacheName(SUB, listing(SUB_FOLDER, 'de').v)],
      workers: [SUB],
    });
    await context.setOffline(true);
    for (const path of ['de/architecture/', 'de/glossary/']) {
      await page.goto(SUB + path);
      await expect(page.locator('h1')).toBeVisible();
    }
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the control in every state passes axe in light and dark, reflows at 320 px and shows in forced colours', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await freshContext(browser, baseURL ?? '');
  const check = async (state: string) => {
    expect(await axeBothSchemes(page), state).toEqual([]);
    // In forced colours the panel's button keeps an outline and text that differs from it.
    await page.emulateMedia({ forcedColors: 'active' });
    const looks = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('offline-copy button:not([hidden])')].map((b) => {
        const s = getComputedStyle(b);
        return s.borderTopStyle !== 'none' && parseFloat(s.borderTopWidth) > 0;
      }),
    );
    expect(looks.every(Boolean), `${state}: buttons outlined in forced colours`).toBe(true);
    await page.emulateMedia({ forcedColors: 'none' });
    const problems = await reflowProblems(page);
    expect(problems, state).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  };
  await page.goto('/de/');
  await check('closed');
  await toggle(page).click();
  await expect(action(page)).toBeVisible();
  await check('open, with the size');
  // Downloading (too quick to catch here): the next test holds it halfway.
  await action(page).click();
  await expect(action(page)).toHaveText(/entfernen/, { timeout: 60_000 });
  await check('kept');
  await action(page).click();
  await expect(action(page)).toHaveText(/^Herunterladen/);
  await check('removed');
  await context.close();

  // Without service workers (plain HTTP on another host): the control says why.
  const bare = await freshContext(browser, baseURL ?? '');
  await bare.page.addInitScript(() => {
    delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
  });
  await bare.page.goto('/en/');
  await toggle(bare.page).click();
  await expect(panel(bare.page).locator('p')).toHaveText(/only from sites served over HTTPS/);
  await expect(action(bare.page)).toBeHidden();
  expect(await axeBothSchemes(bare.page)).toEqual([]);
  await bare.context.close();
});

test('the downloading state, held halfway, passes axe and shows its progress', async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await freshContext(browser, baseURL ?? '');
  // The worker's requests are seen by the context; one file is held until released.
  const release = await holdBack(context, '**/en/handout/');
  await page.goto('/en/');
  await toggle(page).click();
  await action(page).click();
  const bar = panel(page).locator('progress');
  await expect(bar).toBeVisible();
  await expect(panel(page).locator('p')).toContainText('Downloading');
  // The button waits out of the way; focus is on the text that says how far it is.
  await expect(action(page)).toBeHidden();
  await expect(panel(page).locator('p')).toBeFocused();
  expect(await axeBothSchemes(page)).toEqual([]);
  release();
  await expect(action(page)).toHaveText('Remove offline copy', { timeout: 60_000 });
  await expect(action(page)).toBeFocused();
  await context.close();
});

test.describe('no service worker where none may run', () => {
  const portable = fileURLToPath(
    new URL('../../dist-portable/bare-metal-explainer/', import.meta.url),
  );

  test('the portable copy and the SCORM packages carry no worker, manifest or control', () => {
    const portableFiles = filesBelow(portable);
    const scorm = readdirSync(new URL('../../dist-scorm/', import.meta.url)).filter((f) =>
      f.endsWith('.zip'),
    );
    expect(scorm.length).toBe(2);
    const packages = scorm.map((zip) =>
      unzipSync(readFileSync(new URL(`../../dist-scorm/${zip}`, import.meta.url))),
    );
    const texts: [string, string][] = [
      ...portableFiles.map((f): [string, string] => [f, readFileSync(join(portable, f), 'latin1')]),
      ...packages.flatMap((files) =>
        Object.entries(files).map(([f, bytes]): [string, string] => [
          f,
          Buffer.from(bytes).toString('latin1'),
        ]),
      ),
    ];
    const named = texts.filter(([f]) => /(^|\/)(sw\.js|offline\/|icon-\d+\.png$)/.test(f));
    expect(named.map(([f]) => f)).toEqual([]);
    // No code that could register a worker, no control, no manifest link: provably never.
    const offending = texts
      .filter(([, text]) => /serviceWorker|<offline-copy|rel="manifest"/.test(text))
      .map(([f]) => f);
    expect(offending).toEqual([]);
  });

  test('from disk no worker is registered', async ({ page }) => {
    await page.goto(pathToFileURL(`${portable}en/index.html`).href);
    await expect(page.locator('h1')).toBeVisible();
    await expect(control(page)).toHaveCount(0);
    await expect(page.locator('link[rel="manifest"]')).toHaveCount(0);
  });

  test('inside a course platform, the SCORM package registers none', async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await freshContext(browser, baseURL ?? '');
    await serveLms(page, baseURL ?? '');
    await page.goto('/lms/1.2/scorm.html');
    await expect(page).toHaveURL(/\/lms\/1\.2\/de\/index\.html$/);
    await expect(page.locator('h1')).toBeVisible();
    await expect(control(page)).toHaveCount(0);
    expect(await stored(page)).toEqual({ caches: [], workers: [] });
    await context.close();
  });

  test('an embed page in a frame registers none; a page in a frame says why it cannot keep a copy', async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await freshContext(browser, baseURL ?? '');
    await page.route('**/frame-host/', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Host</title><iframe title="embed" src="/en/embed/layer-stack/" width="800" height="700"></iframe><iframe title="page" src="/en/" width="800" height="700"></iframe>',
      }),
    );
    await page.goto('/frame-host/');
    const embed = page.frameLocator('iframe[title="embed"]');
    const vmm = embed
      .locator('[role="radiogroup"][data-key="layer"]')
      .getByRole('radio', { name: 'Hypervisor (VMM)', exact: true });
    await vmm.click();
    await expect(vmm).toHaveAttribute('aria-checked', 'true');
    await expect(embed.locator('offline-copy, link[rel="manifest"]')).toHaveCount(0);
    const framed = page.frameLocator('iframe[title="page"]');
    await framed.locator('offline-copy button').click();
    await expect(framed.locator('offline-copy p')).toHaveText(/Open this page on its own/);
    await expect(framed.locator('offline-copy .print-hint button')).toBeHidden();
    expect(await stored(page)).toEqual({ caches: [], workers: [] });
    await context.close();
  });
});

test('each language links its manifest: valid JSON, start page, scope and icons under the base', async ({
  page,
  request,
}) => {
  for (const lang of ['de', 'en']) {
    await page.goto(`/${lang}/architecture/`);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(href).toBe(`/offline/${lang}.webmanifest`);
    const response = await request.get(href ?? '');
    expect(response.headers()['content-type']).toBe('application/manifest+json');
    const manifest = JSON.parse(await response.text()) as {
      start_url: string;
      scope: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest.start_url).toBe(`/${lang}/`);
    expect(manifest.scope).toBe(`/${lang}/`);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(['any', '192x192', '512x512']);
    for (const icon of manifest.icons) {
      expect(icon.src.startsWith('/')).toBe(true);
      const file = await request.get(icon.src);
      expect(file.ok(), icon.src).toBe(true);
      expect(file.headers()['content-type']).toBe(icon.type);
    }
  }
});

// What Chromium itself says: a browser profile of its own, as incognito pages never install.
test('Chromium finds each start page installable, and a topic page too', async ({
  browser,
  baseURL,
}) => {
  const profile = mkdtempSync(join(tmpdir(), 'install-'));
  const context = await browser.browserType().launchPersistentContext(profile, {
    executablePath: requireChromium(),
    args: playwrightArgs,
  });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    for (const path of ['/de/', '/en/', '/en/io-drivers/']) {
      await page.goto(`${baseURL}${path}`);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.url, path).toMatch(/\/offline\/(de|en)\.webmanifest$/);
      expect(manifest.errors, path).toEqual([]);
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors, path).toEqual(
        [],
      );
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

// The site itself never registers a worker for a reader who did not ask.
test('opening pages registers no worker', async ({ browser, baseURL }) => {
  const { context, page } = await freshContext(browser, baseURL ?? '');
  for (const path of ['/', '/en/architecture/', '/de/search/?q=treiber', '/de/'])
    await page.goto(path);
  // Pointing at the control loads its code, and still registers nothing.
  await toggle(page).hover();
  await expect.poll(() => page.evaluate(() => !!customElements.get('offline-copy'))).toBe(true);
  expect(await stored(page)).toEqual({ caches: [], workers: [] });
  await context.close();
});
