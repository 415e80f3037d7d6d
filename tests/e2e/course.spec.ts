// Course features as a reader meets them: copy link, citations, self-checks, glossary
// previews, the teachers' page and the handout. (Without JavaScript: no-js.spec.ts; printed:
// print.spec.ts.)
import { axe } from './axe.ts';
import { parseBibtex } from './bibtex.ts';
import type { Page } from '@playwright/test';
import { expect, holdBack, PAGE_SCRIPT, test } from './fixtures.ts';
import { quizzes } from '../unit/content.ts';

test.describe('copy link', () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  });

  test('the button beside a heading puts the absolute URL of that section on the clipboard', async ({
    page,
    baseURL,
  }) => {
    await page.goto('/en/architecture/');
    const heading = page.locator('.heading', { has: page.locator('#the-layers-in-a-picture') });
    const name = 'Copy the link to the section “The layers in a picture”';
    const button = heading.getByRole('button', { name });
    await button.click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeAttached();
    // The "Copied" mark shows, and stays out of the button's name (the status line says it).
    await expect(button.locator('.copy-link-done')).toBeVisible();
    await expect(button).toHaveAccessibleName(name);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    // The page's own origin, whatever the build was told (tests/e2e/origin.spec.ts: another one).
    expect(copied).toBe(`${baseURL}/en/architecture/#the-layers-in-a-picture`);
  });

  test('works from the keyboard and announces "Link kopiert" in German', async ({ page }) => {
    await page.goto('/de/io-drivers/');
    const anchor = page.locator('.heading').first().locator('.heading-anchor');
    await anchor.focus();
    await page.keyboard.press('Tab');
    const button = page.locator(':focus');
    await expect(button).toHaveClass(/copy-link/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Link kopiert' })).toBeAttached();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const id = await page.locator('h2').first().getAttribute('id');
    // Non-ASCII anchors (ä) arrive percent-encoded, as in any valid URL.
    expect(copied).toMatch(/^[\x21-\x7e]+$/);
    expect(decodeURI(copied)).toMatch(new RegExp(`/de/io-drivers/#${id}$`));
    await page.keyboard.press('Space');
    await expect(page.getByRole('status').filter({ hasText: 'Link kopiert' })).toBeAttached();
  });
});

test('a refused clipboard: the embed code is selected in a field that says how to copy it, as shown', async ({
  page,
}) => {
  // Permission denied (a browser setting, a policy): writeText rejects. At a plain-HTTP
  // origin, where there is no clipboard at all: origin.spec.ts.
  await page.addInitScript(() =>
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    }),
  );
  await page.goto('/en/teachers/');
  const block = page.locator('[data-address]', {
    has: page.getByRole('button', { name: 'Copy HTML' }),
  });
  await block.getByRole('button', { name: 'Copy HTML' }).click();
  const field = page.locator(':focus');
  await expect(field).toHaveAccessibleName('Selected: press Ctrl+C (⌘C on a Mac) to copy.');
  await expect(field).toHaveValue((await block.locator('pre').textContent()) ?? '');
  expect(
    await field.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart),
  ).toBe((await field.inputValue()).length);
  await expect(page.locator('#site-status')).toHaveText('');
});

test.describe('citations', () => {
  // Every content page's "Cite this page" block, in both languages: every-page.spec.ts.
  test("the teachers' page cites the article with author, title and date, BibTeX highlighted and copyable", async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/en/teachers/');
    const article = page.locator('[data-citation="article"]');
    await expect(article).toContainText(
      'andreas. (2012, December 16). Was ist Bare Metal Virtualisierung?',
    );
    await expect(article).toContainText('16 December 2012');
    const [entry] = parseBibtex((await article.locator('pre').textContent()) ?? '');
    expect(entry?.type).toBe('misc');
    expect(entry?.fields).toMatchObject({
      author: 'andreas',
      title: 'Was ist Bare Metal Virtualisierung?',
      year: '2012',
      date: '2012-12-16',
    });
    // Highlighted by Shiki: tokens carry colour classes, no inline styles.
    await expect(article.locator('pre.shiki [class^="tok-"]').first()).toBeAttached();
    await expect(article.locator('[style]')).toHaveCount(0);
    await article.getByRole('button', { name: 'Copy BibTeX' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'BibTeX copied' })).toBeAttached();
    expect(parseBibtex(await page.evaluate(() => navigator.clipboard.readText()))).toHaveLength(1);
    // The site's own citation and the agreed link forms are there.
    await expect(page.locator('[data-citation="site"] pre')).toContainText('@online');
    await expect(page.getByText(/\/en\/search\/\?q=Hypervisor$/)).toBeVisible();
    await expect(page.getByText(/\/en\/io-drivers\/#io-path=hosted,step=3$/)).toBeVisible();
    await expect(page.locator('pre').filter({ hasText: '/en/embed/io-path/' })).toContainText(
      '<iframe',
    );
  });
});

/** Records what the page tells of each answer (the `quiz-answer` event the SCORM runtime hears). */
const recordAnswers = (page: Page) =>
  page.evaluate(() => {
    const told: boolean[] = [];
    (window as unknown as { told: boolean[] }).told = told;
    addEventListener('quiz-answer', (e) => told.push(e.detail.right));
  });
/** Whether each answer told since recordAnswers was right, in order. */
const answersTold = (page: Page) =>
  page.evaluate(() => (window as unknown as { told: boolean[] }).told);

/** The first question of the I/O page, as quiz.yaml has it: its right option (A) and a wrong one (B). */
const ioQuestion = () => {
  const question = quizzes().find((q) => q.id === 'io-drivers')?.questions[0];
  const [right, wrong] = question?.options ?? [];
  if (!right || !wrong || question?.answer !== 0) throw new Error('io-drivers: A right, B wrong');
  return { right, wrong };
};

test.describe('self-checks', () => {
  test('choosing an option by mouse or arrow key answers nothing; Check answer gives announced feedback, each answer told once', async ({
    page,
  }) => {
    await page.goto('/en/io-drivers/');
    await recordAnswers(page);
    const question = page.locator('.quiz-question').first();
    const feedback = question.getByRole('status');
    const check = question.getByRole('button', { name: 'Check answer' });
    const options = ioQuestion();
    const wrong = question.getByLabel(options.wrong.text.en);
    const right = question.getByLabel(options.right.text.en);
    await expect(feedback).toBeEmpty();
    // Checked with nothing chosen: a hint, and nothing told.
    await check.click();
    await expect(feedback).toContainText('Choose an answer first');
    await wrong.check();
    await expect(feedback).not.toContainText('Not quite');
    await check.click();
    // A wrong answer: why that option is wrong, then the right answer and why it is right.
    await expect(feedback).toHaveText(
      `Not quite. ${options.wrong.why.en} The right answer is A – ${options.right.text.en}. ${options.right.why.en}`,
    );
    await expect(question.locator('details')).not.toHaveAttribute('open', '');
    await expect(wrong).toHaveAttribute(
      'aria-describedby',
      (await feedback.getAttribute('id')) ?? '',
    );
    // Keyboard: arrow keys move through the options (and choose, as radio buttons do) without
    // answering, from the first option on, so a reader can look at each before deciding.
    await question.locator('input').first().focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await expect(right).toBeChecked();
    await expect(feedback).toContainText('Not quite');
    expect(await answersTold(page)).toEqual([false]);
    await page.keyboard.press('Tab');
    await expect(check).toBeFocused();
    await page.keyboard.press('Enter');
    // The right answer: why it is right; the answer behind <details> opens, with why each
    // other option is wrong.
    await expect(feedback).toHaveText(`Right. ${options.right.why.en}`);
    await expect(question.locator('details')).toHaveAttribute('open', '');
    await expect(question.locator('details li').first()).toHaveText(
      `B – ${options.wrong.text.en}: ${options.wrong.why.en}`,
    );
    // Checked again unchanged, it is not told again (the SCORM runtime counts answers).
    await page.keyboard.press('Space');
    expect(await answersTold(page)).toEqual([false, true]);
  });

  test('an option chosen before the page script has run is kept, and Check answers it once', async ({
    page,
  }) => {
    // On a slow connection the options work before the page script arrives.
    const release = await holdBack(page, PAGE_SCRIPT);
    await page.goto('/en/io-drivers/', { waitUntil: 'commit' });
    const question = page.locator('.quiz-question').first();
    const options = ioQuestion();
    const wrong = question.getByLabel(options.wrong.text.en);
    await wrong.check();
    // What the SCORM runtime hears: one quiz-answer event per answer.
    await recordAnswers(page);
    release();
    await page.waitForLoadState('domcontentloaded');
    const feedback = question.getByRole('status');
    // Loading the self-check's code (as pointing at it does) answers nothing by itself.
    await question.hover();
    await page.waitForFunction(() => customElements.get('quiz-question'));
    await expect(wrong).toBeChecked();
    await expect(feedback).toBeEmpty();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(feedback).toContainText(
      `Not quite. ${options.wrong.why.en} The right answer is A`,
    );
    await question.getByLabel(options.right.text.en).check();
    await question.getByRole('button', { name: 'Check answer' }).click();
    await expect(feedback).toContainText('Right.');
    expect(await answersTold(page)).toEqual([false, true]);
  });

  test('nothing is stored: a reload starts with no answer chosen', async ({ page }) => {
    await page.goto('/de/vendors/');
    await page.locator('.quiz-question').first().locator('input').first().check();
    await page.reload();
    await expect(page.locator('.quiz-question input:checked')).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
  });
});

test.describe('glossary links', () => {
  // Each term linked once per page at most, never in headings or on the glossary page, in
  // both languages: every-page.spec.ts.
  test('the preview opens on hover and on focus, Escape closes it, the link leads to the entry', async ({
    page,
  }) => {
    await page.goto('/en/architecture/');
    const link = page.locator('a.glossary-link[data-term="hypervisor"]');
    const preview = page.locator('#glossary-preview-hypervisor');
    await expect(preview).toBeHidden();
    await link.hover();
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('VMM software');
    await page.mouse.move(0, 0);
    await expect(preview).toBeHidden();
    await link.focus();
    await expect(preview).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(preview).toBeHidden();
    await expect(link).toHaveAttribute('aria-describedby', 'glossary-preview-hypervisor');
    await link.click();
    await expect(page).toHaveURL(/\/en\/glossary\/#hypervisor$/);
  });
});

test.describe('handout', () => {
  test('holds every content page in reading order, each with its address', async ({ page }) => {
    await page.goto('/en/handout/');
    const titles = page.locator('.handout-section > h2');
    await expect(titles).toHaveCount(9);
    await expect(titles.first()).toHaveText('Bare-metal virtualization');
    await expect(page.locator('.handout-url').nth(1)).toContainText('/en/architecture/');
    await expect(page.getByRole('button', { name: 'Print the handout' })).toBeVisible();
    // Ids are unique although pages share heading names.
    const ids = await page.locator('[id]').evaluateAll((els) => els.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const schemes = ['light', 'dark'] as const;

// Axe on the teachers' page and the handout in both schemes: every-page.spec.ts (every topic page).
test.describe('axe in light and dark mode', () => {
  test('a page with a glossary preview open and a self-check answered has no violations', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.goto('/de/io-drivers/');
    const question = page.locator('.quiz-question').first();
    await question.locator('input').nth(1).check();
    await question.getByRole('button', { name: 'Antwort prüfen' }).click();
    await expect(question.getByRole('status')).not.toBeEmpty();
    await page.locator('.cite-page summary').click();
    await page.locator('a.glossary-link').first().focus();
    await expect(page.locator('.glossary-preview:popover-open')).toHaveCount(1);
    for (const colorScheme of schemes) {
      await page.emulateMedia({ colorScheme });
      const rules = colorScheme === 'light' ? 'all' : 'colour';
      expect(await axe(page, undefined, rules), `${colorScheme} mode`).toEqual([]);
      await expect(page.locator('.glossary-preview:popover-open')).toHaveCount(1);
    }
  });
});
