// Hosting: every built page, with search and every diagram used, requests nothing from
// another origin, breaks no rule of its Content Security Policy and logs no error.
// Also the not-found page (search, page list) and the IIS web.config as XML.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, sitePages, test } from './fixtures.ts';

const dist = new URL('../../dist/', import.meta.url);

/** Every built page: the sitemap's topics and every other HTML file in dist/. */
const paths = [
  ...new Set([
    ...sitePages().map((p) => p.path),
    ...readdirSync(dist, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html') && !file.startsWith('pagefind'))
      .map((file) => `/${file.replace(/(^|\/)index\.html$/, '$1')}`),
  ]),
].sort();

/** Records `securitypolicyviolation` events from the first script on, in every frame. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`),
    );
  });
  return async () => {
    const all: string[] = [];
    for (const frame of page.frames()) {
      all.push(
        ...(await frame
          .evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? [])
          .catch(() => [])),
      );
    }
    return all;
  };
}

/** Uses search when the page has it: opens it, types a query and waits for its results. */
async function useSearch(page: Page) {
  const trigger = page.locator('[data-search-trigger]').first();
  if ((await trigger.count()) === 0 || !(await trigger.isVisible())) return;
  await trigger.click();
  // The dialog's search field, or the search page's own (its trigger focuses that one).
  const panel = page.locator('.search-panel');
  const input = panel.getByRole('combobox');
  await expect(input).toBeFocused();
  await input.fill('hypervisor');
  // Results shown means the search code, index and fragments have all been fetched.
  await expect(panel.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('Escape');
}

/** Tabs through the controls of every diagram and presses the keys a reader would. */
async function useDiagrams(page: Page) {
  const controls = page.locator(
    'figure[data-diagram] :is(button, input, select, [role="tab"], [role="slider"], [tabindex="0"])',
  );
  const count = await controls.count();
  for (let i = 0; i < count; i += 1) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    await control.focus();
    for (const key of ['ArrowRight', 'ArrowLeft', 'End', 'Home', 'Enter', 'Space', 'Tab'])
      await page.keyboard.press(key);
  }
}

test.describe('every page stays on its own origin and within its policy', () => {
  // Each test does what two did: load and wait, then use search and the diagrams.
  test.describe.configure({ timeout: 60_000 });
  for (const path of paths) {
    test(`${path}: requests only its own origin; strict policy, no violation, no console error`, async ({
      page,
      baseURL,
    }) => {
      const origin = new URL(baseURL ?? '').origin;
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol))
          foreign.push(request.url());
      });
      const violations = await recordViolations(page);
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(path);

      const policy =
        (await page
          .locator('meta[http-equiv="content-security-policy"]')
          .getAttribute('content')) ?? '';
      for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'"])
        expect(policy).toContain(directive);
      expect(policy).toMatch(/script-src 'self'/);
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain("'unsafe-eval'");

      // Everything the page fetches when a reader uses it: search, then every diagram.
      await useSearch(page);
      await useDiagrams(page);
      expect(foreign).toEqual([]);
      expect(await violations()).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('the not-found page', () => {
  test.use({ allowedConsole: [/404/] });

  test('offers search in each language, filled with the words of the address', async ({ page }) => {
    const response = await page.goto('/de/io-treiber/');
    expect(response?.status()).toBe(404);
    for (const [lang, label] of [
      ['de', 'Auf dieser Website suchen'],
      ['en', 'Search this site'],
    ] as const) {
      const search = page.locator(`section[lang="${lang}"]`).getByRole('search');
      await expect(search).toHaveAttribute('action', `/${lang}/search/`);
      await expect(search).toHaveAttribute('method', 'get');
      const field = search.getByLabel(label);
      await expect(field).toHaveAttribute('name', 'q');
      await expect(field).toHaveValue('io treiber');
    }
  });

  test('turns markup in the address into plain words', async ({ page }) => {
    page.on('dialog', () => {
      throw new Error('a dialog opened');
    });
    await page.goto('/en/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/');
    await expect(page.getByLabel('Search this site')).toHaveValue('img src x onerror alert 1');
    await expect(page.locator('main img')).toHaveCount(0);
  });

  test('lists every page of each language', async ({ page }) => {
    await page.goto('/nowhere/');
    for (const lang of ['de', 'en'] as const) {
      const list = page.locator(`section[lang="${lang}"] ul a`);
      const expected = sitePages()
        .filter((p) => p.lang === lang)
        .map((p) => p.path)
        .sort();
      const hrefs = await list.evaluateAll((links) =>
        links.map((a) => a.getAttribute('href') ?? ''),
      );
      expect(hrefs.sort()).toEqual(expected);
    }
  });
});

test('web.config is well-formed XML for IIS', async ({ page }) => {
  const xml = readFileSync(new URL('web.config', dist), 'utf8');
  await page.goto('/en/');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? '',
      root: doc.documentElement.nodeName,
      mimeMaps: doc.querySelectorAll('staticContent > mimeMap').length,
      httpErrors: doc.querySelectorAll('httpErrors').length,
      // IIS locks <httpErrors> by default: the block waits in a comment beside the unlock command.
      comment: [...doc.querySelectorAll('system\\.webServer')]
        .flatMap((el) => [...el.childNodes])
        .filter((node) => node.nodeType === Node.COMMENT_NODE)
        .map((node) => node.textContent ?? '')
        .join('\n'),
    };
  }, xml);
  expect(parsed.error).toBe('');
  expect(parsed.root).toBe('configuration');
  expect(parsed.mimeMaps).toBeGreaterThanOrEqual(5);
  expect(parsed.httpErrors).toBe(0);
  expect(parsed.comment).toContain('unlock config -section:system.webServer/httpErrors');
  expect(parsed.comment).toMatch(/<error statusCode="404" path="\/(.+\/)?404\.html"/);
});
