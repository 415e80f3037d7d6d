// What a reader does on a page, for the tests that sweep every page: record the Content
// Security Policy violations from the first script on, use search, use every diagram; and
// the policy every page must carry. (Requests to other origins and console errors fail
// every test already: fixtures.ts.)
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Records what the page puts on the clipboard (as `window.copied`), at any origin. */
export async function recordClipboard(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const copied: string[] = [];
    Object.assign(window, { copied });
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void copied.push(text) },
    });
  });
  return () => page.evaluate(() => (window as unknown as { copied: string[] }).copied);
}

/** The page's own policy (a meta element, so it holds on any host) is strict. */
export async function expectStrictPolicy(page: Page) {
  const policy =
    (await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')) ??
    '';
  for (const directive of ["default-src 'none'", "object-src 'none'", "base-uri 'none'"])
    expect(policy).toContain(directive);
  expect(policy).toMatch(/script-src 'self'/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain("'unsafe-eval'");
}

/** Records `securitypolicyviolation` events from the first script on, in every frame. */
export async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
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
export async function useSearch(page: Page) {
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
  const dialog = page.locator('dialog.search-dialog');
  await expect(dialog).toBeHidden();
  // Closed, the dialog hands focus back to the link that opened it.
  if (await dialog.count()) await expect(trigger).toBeFocused();
}

/**
 * Visits every tab stop of every diagram (a radio group is one stop, as the keyboard meets
 * it) and presses the keys a reader would there. "Present" is left out: it takes the page
 * over until Esc (tests/e2e/projector.spec.ts uses it).
 */
export async function useDiagrams(page: Page) {
  const controls = page.locator(
    'figure[data-diagram] :is(button, input, select, [role="tab"], [role="slider"], [tabindex="0"]):not([tabindex="-1"], [data-projector="present"])',
  );
  const count = await controls.count();
  for (let i = 0; i < count; i += 1) {
    // A control that shows (a box, not hidden) takes focus, as the Tab key gives it; one that
    // does not is left. One evaluation in the page does both.
    const focused = await controls.nth(i).evaluate((el) => {
      const box = el.getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0;
      if (!shown || !el.checkVisibility({ visibilityProperty: true })) return null;
      (el as HTMLElement).focus();
      return document.activeElement === el;
    });
    if (focused === null) continue;
    // The keys below go to this control, nowhere else.
    expect(focused, `control ${i + 1} of ${count} takes focus`).toBe(true);
    // Move, jump to either end, activate: every kind of key a control answers to.
    for (const key of ['ArrowRight', 'End', 'Home', 'Enter', 'Space'])
      await page.keyboard.press(key);
  }
}
