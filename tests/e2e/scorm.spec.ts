// The SCORM packages (`npm run build:scorm`) in a course platform: scorm-again's LMS-side
// API hosts each package in a frame, as Moodle or ILIAS do, and a student opens it, reads,
// answers self-checks, leaves and comes back. Without an API the package is the portable
// site and makes no SCORM call.
import { writeFileSync } from 'node:fs';
import type { Frame, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  calls,
  course,
  current,
  launch,
  serveLms,
  siteFrame,
  versions,
  type Call,
} from './scorm-lms.ts';

const PRIVACY_LMS = /wird an deine Lernplattform gemeldet/;
const PRIVACY_PLAIN = /weder gespeichert noch irgendwohin gesendet/;

test.beforeEach(async ({ page, baseURL }) => serveLms(page, baseURL ?? ''));
// Each test is a student's session of several pages, inside two nested frames.
test.describe.configure({ timeout: 120_000 });

/** Element names of each version. */
const names = {
  '1.2': {
    status: 'cmi.core.lesson_status',
    location: 'cmi.core.lesson_location',
    raw: 'cmi.core.score.raw',
    min: 'cmi.core.score.min',
    max: 'cmi.core.score.max',
    exit: 'cmi.core.exit',
    time: 'cmi.core.session_time',
    commit: 'LMSCommit',
    finish: 'LMSFinish',
    init: 'LMSInitialize',
  },
  '2004': {
    status: 'cmi.completion_status',
    location: 'cmi.location',
    raw: 'cmi.score.raw',
    min: 'cmi.score.min',
    max: 'cmi.score.max',
    exit: 'cmi.exit',
    time: 'cmi.session_time',
    commit: 'Commit',
    finish: 'Terminate',
    init: 'Initialize',
  },
} as const;

/** Waits until the package has reported `path` as the student's location. */
async function reachedPage(page: Page, element: string, path: string): Promise<Frame> {
  const shown = () => page.frames().some((frame) => frame.url().endsWith(`/${path}`));
  await expect
    .poll(async () => shown() && current(await calls(page))[element] === path, { timeout: 20_000 })
    .toBe(true);
  const site = siteFrame(page);
  await expect(site.locator('h1')).toBeVisible();
  return site;
}

/** Follows the site's own "next page" link inside the package. */
async function next(page: Page, element: string): Promise<Frame> {
  const site = siteFrame(page);
  const href = await site.locator('a[rel="next"]').first().getAttribute('href');
  const path = new URL(href ?? '', site.url()).pathname.replace(/^\/lms\/[\d.]+\//, '');
  await site.locator('a[rel="next"]').first().click();
  return reachedPage(page, element, path);
}

/** Picks the right option (or a wrong one) of question `index` on the page and checks it. */
async function answer(site: Frame, index: number, right: boolean): Promise<number> {
  const question = site.locator('quiz-question').nth(index);
  const correct = Number(await question.getAttribute('data-answer'));
  const choice = right ? correct : correct === 0 ? 1 : 0;
  await question.locator(`input[value="${choice}"]`).check();
  await question.locator('.quiz-check').click();
  await expect(question).toHaveAttribute('data-result', right ? 'right' : 'wrong');
  return choice;
}

/** The suspend data the package last stored, read back. */
const suspend = (log: Call[]) =>
  JSON.parse(current(log)['cmi.suspend_data'] ?? '{}') as {
    seen: string[];
    answers: Record<string, [number, number]>;
  };

/** Writes the session's calls beside the test's results, for people to read. */
function keepLog(info: TestInfo, name: string, log: Call[]): void {
  const lines = log.map(
    ({ method, args, result }) =>
      `${method}(${args.map((a) => JSON.stringify(a)).join(', ')}) → ${result}`,
  );
  writeFileSync(info.outputPath(`${name}.txt`), `${lines.join('\n')}\n`);
}

for (const version of versions) {
  const n = names[version];
  test(`SCORM ${version}: a student opens, reads, answers, leaves and resumes`, async ({
    page,
  }, info) => {
    // 1. Opens the package: one session starts, on the start page, status incomplete.
    await launch(page, version);
    let site = await reachedPage(page, n.location, 'de/index.html');
    let log = await calls(page);
    expect(log[0]).toEqual({ method: n.init, args: [''], result: 'true' });
    expect(current(log)[n.status]).toBe('incomplete');
    expect(suspend(log)).toEqual({ seen: ['start'], answers: {} });
    expect(current(log)[n.raw], 'no score before any answer').toBeUndefined();
    await expect(site.locator('.quiz-note')).toHaveText(PRIVACY_LMS);
    keepLog(info, '1-open', log);

    // 2. Reads three pages: the start page and the next two, by the site's own links.
    await next(page, n.location);
    site = await next(page, n.location);
    log = await calls(page);
    const third = current(log)[n.location] ?? '';
    const slugs = suspend(log).seen;
    expect(slugs).toHaveLength(3);
    expect(third).toMatch(/^de\/[a-z-]+\/index\.html$/);
    expect(current(log)[n.status]).toBe('incomplete');
    expect(log.filter((c) => c.method === n.init)).toHaveLength(1);
    keepLog(info, '2-read', log);

    // 3. Answers self-checks: the first right, the second wrong; changing the wrong answer
    // afterwards gives feedback but does not change what was reported.
    const slug = slugs[2] ?? '';
    const right = await answer(site, 0, true);
    const wrong = await answer(site, 1, false);
    await answer(site, 1, true);
    log = await calls(page);
    expect(suspend(log).answers).toEqual({ [`${slug}-1`]: [right, 1], [`${slug}-2`]: [wrong, 0] });
    const { pages, questions } = course(version);
    const score = String(Math.round(100 / questions.length));
    expect([current(log)[n.raw], current(log)[n.min], current(log)[n.max]]).toEqual([
      score,
      '0',
      '100',
    ]);
    keepLog(info, '3-answer', log);

    // 4. Leaves (the platform closes the package's frame): commit and finish, once.
    await page.evaluate(() => window.lms?.leave());
    await expect
      .poll(async () => (await calls(page)).at(-1)?.method, { timeout: 20_000 })
      .toBe(n.finish);
    log = await calls(page);
    const tail = log.slice(-4);
    expect(tail.map((c) => [c.method, c.args[0]])).toEqual([
      [version === '1.2' ? 'LMSSetValue' : 'SetValue', n.time],
      [version === '1.2' ? 'LMSSetValue' : 'SetValue', n.exit],
      [n.commit, ''],
      [n.finish, ''],
    ]);
    expect(tail.every((c) => c.result === 'true')).toBe(true);
    expect(current(log)[n.exit]).toBe('suspend');
    keepLog(info, '4-leave', log);
    const saved = await page.evaluate(() => window.lms?.saved);
    expect(saved).toBeTruthy();

    // 5. Comes back: a new session resumes on the page left, with the answers shown again.
    await launch(page, version, { saved });
    // The location is the one stored, so it is not sent again: wait for the page's report.
    await expect
      .poll(async () => (await calls(page)).some((c) => c.method === n.commit), { timeout: 20_000 })
      .toBe(true);
    site = siteFrame(page);
    expect(site.url()).toMatch(new RegExp(`/lms/${version}/${third}$`));
    log = await calls(page);
    expect(
      log.filter((c) => /SetValue$/.test(c.method) && c.args[0] === n.location),
      'location unchanged: not sent again',
    ).toHaveLength(0);
    const first = site.locator('quiz-question').nth(0);
    const second = site.locator('quiz-question').nth(1);
    await expect(first.locator(`input[value="${right}"]`)).toBeChecked();
    await expect(first).toHaveAttribute('data-result', 'right');
    await expect(second.locator(`input[value="${wrong}"]`)).toBeChecked();
    await expect(second).toHaveAttribute('data-result', 'wrong');
    await expect(second.locator('.quiz-feedback')).toContainText(/Nicht ganz/);
    await expect(site.locator('.quiz-note')).toHaveText(PRIVACY_LMS);
    log = await calls(page);
    expect(suspend(log).answers).toEqual({ [`${slug}-1`]: [right, 1], [`${slug}-2`]: [wrong, 0] });
    expect(current(log)[n.status]).toBe('incomplete');
    keepLog(info, '5-resume', log);

    // Reading on to the last content page completes the package.
    while (suspend(await calls(page)).seen.length < pages.length) await next(page, n.location);
    log = await calls(page);
    expect(current(log)[n.status]).toBe('completed');
    expect(suspend(log).seen.sort()).toEqual([...pages].sort());
    keepLog(info, '6-complete', log);
  });

  // One verdict per version is enough to cover both mappings: 1.2 passes, 2004 fails.
  for (const [mastery, verdict] of version === '1.2'
    ? ([[10, 'passed']] as const)
    : ([[90, 'failed']] as const)) {
    test(`SCORM ${version}: with a mastery score of ${mastery}, the last page opened reports ${verdict}`, async ({
      page,
    }) => {
      // A student who has opened every content page but one and answered two questions right.
      const { pages, questions } = course(version);
      const last = pages.find((p) => p !== 'start') ?? '';
      const state = {
        seen: pages.filter((p) => p !== last),
        answers: Object.fromEntries(questions.slice(0, 2).map((id) => [id, [0, 1]])),
      };
      const core = { lesson_location: 'de/index.html', lesson_status: 'incomplete' };
      const saved =
        version === '1.2'
          ? { cmi: { suspend_data: JSON.stringify(state), core } }
          : {
              cmi: {
                suspend_data: JSON.stringify(state),
                location: core.lesson_location,
                completion_status: 'incomplete',
              },
            };
      await launch(page, version, { saved, mastery });
      const site = await reachedPage(page, n.location, 'de/index.html');
      expect(current(await calls(page))[n.status] ?? 'incomplete').toBe('incomplete');
      await site.locator(`a[href$="${last}/index.html"]`).first().click();
      await reachedPage(page, n.location, `de/${last}/index.html`);
      const log = await calls(page);
      const score = String(Math.round((100 * 2) / questions.length));
      expect(current(log)[n.raw]).toBe(score);
      if (version === '1.2') expect(current(log)[n.status]).toBe(verdict);
      else {
        expect(current(log)['cmi.completion_status']).toBe('completed');
        expect(current(log)['cmi.success_status']).toBe(verdict);
        expect(current(log)['cmi.score.scaled']).toBe(String(Number(score) / 100));
      }
    });
  }
}

test('without an API the package is the plain site: no SCORM call, no runtime byte', async ({
  page,
}) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  // The package opened on its own (from disk, or by a platform without an API): launch.js
  // finds no API, so it calls nothing, loads no runtime, and goes to the start page.
  await page.goto('/lms/1.2/scorm.html');
  await expect(page).toHaveURL(/\/lms\/1\.2\/de\/index\.html$/);
  // The start page has loaded, as a reader who answers and searches finds it.
  await page.waitForLoadState();
  await expect(page.locator('.quiz-note')).toHaveText(PRIVACY_PLAIN);
  await page.locator('quiz-question').first().locator('input').first().check();
  await page.locator('quiz-question').first().locator('.quiz-check').click();
  await expect(page.locator('quiz-question').first()).toHaveAttribute('data-result', /right|wrong/);
  // Search answers from the fallback index: Pagefind's engine is not in the package.
  await page.locator('[data-search-trigger]').first().click();
  await expect(page.locator('site-search')).toHaveAttribute('data-engine', 'fallback');
  expect(requests).toContain('/lms/1.2/_scorm/launch.js');
  expect(
    requests.filter((path) => path.includes('runtime') || path.includes('/pagefind/pagefind.js')),
  ).toEqual([]);
  expect(await page.evaluate(() => 'API' in window || 'API_1484_11' in window)).toBe(false);
});

test('the site itself loads no SCORM code at all', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/de/architecture/');
  await page.locator('quiz-question').first().locator('input').first().check();
  await page.locator('quiz-question').first().locator('.quiz-check').click();
  await expect(page.locator('quiz-question').first()).toHaveAttribute('data-result', /right|wrong/);
  await expect(page.locator('.quiz-note')).toHaveText(PRIVACY_PLAIN);
  expect(requests.filter((url) => /scorm/i.test(url))).toEqual([]);
  expect(await page.content()).not.toMatch(/scorm|API_1484_11/i);
});
