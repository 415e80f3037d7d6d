// The SCORM packages (`npm run build:scorm`) in a course platform: scorm-again's LMS-side
// API hosts each package in a frame, as Moodle or ILIAS do, served as a platform's file
// server serves it (a folder URL is a 404, no index.html is served for it). A student opens
// it, searches, follows the pager and the language switch, answers self-checks right, wrong
// and early, leaves and comes back; Moodle's rules at finish are applied to what the API
// holds (scorm-lms.ts `moodleFinish`). Without an API the package is the portable site and
// makes no SCORM call.
import { writeFileSync } from 'node:fs';
import type { Frame, Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  calls,
  course,
  current,
  held,
  holdBack,
  launch,
  moodleFinish,
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
    set: 'LMSSetValue',
    error: 'LMSGetLastError',
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
    set: 'SetValue',
    error: 'GetLastError',
    time: 'cmi.session_time',
    commit: 'Commit',
    finish: 'Terminate',
    init: 'Initialize',
  },
} as const;

/** Waits until the package has reported `path` as the student's location. */
async function reachedPage(page: Page, element: string, path: string): Promise<Frame> {
  const shown = () =>
    page.frames().some((frame) => frame.url().split(/[?#]/)[0]?.endsWith(`/${path}`));
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

/** The values the package set for `element`, in order (repeats of the same value left out). */
const sequence = (log: Call[], element: string) =>
  log
    .filter((c) => /SetValue$/.test(c.method) && c.args[0] === element)
    .map((c) => c.args[1] ?? '')
    .filter((value, i, all) => value !== all[i - 1]);

/** Every SetValue, Commit, Initialize and finish call is followed by a look at the error code. */
function errorsChecked(log: Call[], error: string): void {
  log.forEach((c, i) => {
    if (/SetValue$|Commit$|Initialize$|Finish$|Terminate$/.test(c.method))
      expect(log[i + 1]?.method, `${c.method}(${c.args.join(', ')}) then ${error}`).toBe(error);
  });
}

/** The interactions the package wrote, by index: element name → value. */
function interactions(log: Call[]): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(current(log))) {
    const match = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(key);
    if (match) (found[Number(match[1])] ??= {})[match[2] ?? ''] = value;
  }
  return found;
}

/** Answers every question on the page: the first right, the others wrong. */
async function answerAll(site: Frame): Promise<void> {
  const count = await site.locator('quiz-question').count();
  for (let i = 0; i < count; i++) await answer(site, i, i === 0);
}

for (const version of versions) {
  const n = names[version];
  const v12 = version === '1.2';
  const mastery = v12 ? 50 : 60;
  const verdict = v12 ? 'passed' : 'failed';

  test(`SCORM ${version}: a full run under a server without folder URLs: search, pager, language switch, every answer, status and score`, async ({
    page,
    baseURL,
  }, info) => {
    const outside: string[] = [];
    const missing: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${baseURL}/lms/`)) outside.push(request.url());
    });
    page.on('response', (response) => {
      if (response.status() >= 400) missing.push(response.url());
    });
    const { pages, questions } = course(version);
    await launch(page, version, { mastery });
    let site = await reachedPage(page, n.location, 'de/index.html');
    let log = await calls(page);
    // Incomplete from Initialize on: the status is the first value set, before any page opened.
    expect(log[0]).toMatchObject({ method: n.init, result: 'true' });
    const firstSet = log.find((c) => c.method === n.set);
    expect(firstSet?.args).toEqual([n.status, 'incomplete']);
    expect(current(log)[n.raw], 'no score before every question is answered').toBeUndefined();
    // One objective per content page, the start page opened.
    const objectives = pages.map((_, i) => current(log)[`cmi.objectives.${i}.id`]);
    expect(objectives).toEqual(pages);
    const opened = v12 ? 'status' : 'completion_status';
    const startIndex = pages.indexOf('start');
    expect(current(log)[`cmi.objectives.${startIndex}.${opened}`]).toBe('completed');
    expect(current(log)[`cmi.objectives.${(startIndex + 1) % pages.length}.${opened}`]).toBe(
      'not attempted',
    );
    if (!v12)
      expect(current(log)['cmi.progress_measure']).toBe(
        String(Math.floor(100 / pages.length) / 100),
      );

    // Built without SITE_URL: no button copies the platform's address; a note says why.
    await expect(site.locator('copy-link').first()).toBeHidden();
    await expect(site.locator('.cite-page')).toBeHidden();
    await expect(site.locator('.package-note')).toBeVisible();

    // A search result, followed: the dialog's first hit for a word of one page.
    await site.locator('[data-search-trigger]').first().click();
    const dialog = site.getByRole('dialog');
    await dialog.getByRole('combobox').fill('Gerätetreiber');
    const hit = dialog.locator('[role="option"]').first();
    await expect(hit).toHaveAttribute('href', /index\.html/);
    const hitPath = new URL((await hit.getAttribute('href')) ?? '', site.url()).pathname.replace(
      /^\/lms\/[\d.]+\//,
      '',
    );
    await hit.click();
    site = await reachedPage(page, n.location, hitPath);
    // The language switch, there and back.
    await site.locator('a.lang-switch').first().click();
    site = await reachedPage(page, n.location, hitPath.replace(/^de\//, 'en/'));
    await expect(site.locator('html')).toHaveAttribute('lang', 'en');
    await site.locator('a.lang-switch').first().click();
    site = await reachedPage(page, n.location, hitPath);
    // Back to the start page by the site's own link, then the pager through every page,
    // answering each question there: the first of each page right, the others wrong.
    await site.locator('a.site-name').click();
    site = await reachedPage(page, n.location, 'de/index.html');
    for (;;) {
      await answerAll(site);
      log = await calls(page);
      const answered = Object.keys(suspend(log).answers).length;
      if (answered < questions.length) {
        // Nothing is passed or failed, and no score is there, before every answer is in.
        expect(current(log)[n.raw]).toBeUndefined();
        expect(sequence(log, n.status)).not.toContain('failed');
        expect(sequence(log, n.status)).not.toContain('passed');
        expect(sequence(log, 'cmi.success_status')).toEqual([]);
        // Were the student to leave now, Moodle's rules would record no verdict either.
        const now = moodleFinish(version, await held(page), mastery);
        expect(now.status).toMatch(/^(incomplete|completed)$/);
        expect(now.success ?? 'unknown').toBe('unknown');
      }
      if (answered === questions.length || !(await site.locator('a[rel="next"]').count())) break;
      site = await next(page, n.location);
    }
    log = await calls(page);
    expect(Object.keys(suspend(log).answers).sort()).toEqual([...questions].sort());
    const right = Object.values(suspend(log).answers).filter(([, r]) => r === 1).length;
    const score = String(Math.round((100 * right) / questions.length));
    expect([current(log)[n.raw], current(log)[n.min], current(log)[n.max]]).toEqual([
      score,
      '0',
      '100',
    ]);
    // The statuses, in the order they were set.
    const statuses = v12
      ? { [n.status]: sequence(log, n.status) }
      : {
          [n.status]: sequence(log, n.status),
          'cmi.success_status': sequence(log, 'cmi.success_status'),
          'cmi.score.scaled': sequence(log, 'cmi.score.scaled'),
          'cmi.progress_measure': sequence(log, 'cmi.progress_measure'),
        };
    if (v12) expect(statuses[n.status]).toEqual(['incomplete', 'completed', verdict]);
    else {
      expect(statuses[n.status]).toEqual(['incomplete', 'completed']);
      expect(statuses['cmi.success_status']).toEqual([verdict]);
      expect(statuses['cmi.score.scaled']).toEqual([String(Number(score) / 100)]);
      expect(statuses['cmi.progress_measure']?.at(-1)).toBe('1');
    }
    expect(sequence(log, n.raw)).toEqual([score]);
    // One interaction per question, with valid values.
    const written = interactions(log);
    expect(written.map((i) => i['id']).sort()).toEqual([...questions].sort());
    for (const item of written) {
      expect(item['type']).toBe('choice');
      expect(item['objectives.0.id']).toBe(item['id']?.replace(/-\d+$/, ''));
      expect(item['correct_responses.0.pattern']).toMatch(/^[a-e]$/);
      const response = item[v12 ? 'student_response' : 'learner_response'];
      expect(response).toMatch(/^[a-e]$/);
      const [choice] = suspend(log).answers[item['id'] ?? ''] ?? [];
      expect(response).toBe(String.fromCharCode(97 + (choice ?? -1)));
      expect(item['result']).toBe(
        response === item['correct_responses.0.pattern'] ? 'correct' : v12 ? 'wrong' : 'incorrect',
      );
      if (v12) expect(item['time']).toMatch(/^\d\d:\d\d:\d\d$/);
      else {
        expect(item['timestamp']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ$/);
        expect(item['description']).toMatch(/^\{lang=de\}\S/);
        expect(item['description']?.length).toBeLessThanOrEqual(250);
      }
    }
    // Every objective completed, each with its page's score.
    for (const [i] of pages.entries()) {
      expect(current(log)[`cmi.objectives.${i}.${opened}`]).toBe('completed');
      expect(current(log)[`cmi.objectives.${i}.score.raw`]).toMatch(/^\d+$/);
    }

    // Leaves: a finished attempt ends normally; Moodle's rules keep the verdict.
    await page.evaluate(() => window.lms?.leave());
    await expect
      .poll(async () => (await calls(page)).some((c) => c.method === n.finish), { timeout: 20_000 })
      .toBe(true);
    log = await calls(page);
    expect(current(log)[n.exit]).toBe(v12 ? '' : 'normal');
    const final = await page.evaluate(() => window.lms?.final);
    const moodle = moodleFinish(version, final ?? {}, mastery);
    if (v12) expect(moodle.status).toBe(verdict);
    else expect([moodle.status, moodle.success]).toEqual(['completed', verdict]);
    errorsChecked(log, n.error);
    if (v12) expect(log.filter((c) => c.error !== '0')).toEqual([]);
    else expect(log.filter((c) => c.method === n.set && c.error !== '0')).toEqual([]);
    expect(outside, 'no request outside the package and the platform').toEqual([]);
    expect(missing, 'no link to a missing file').toEqual([]);
    keepLog(info, 'full-run', log);
    writeFileSync(
      info.outputPath('statuses.json'),
      JSON.stringify(
        { ...statuses, [n.raw]: sequence(log, n.raw), exit: current(log)[n.exit], moodle },
        null,
        2,
      ),
    );
  });

  test(`SCORM ${version}: leaves mid-course, is not failed under Moodle's rules, resumes`, async ({
    page,
  }, info) => {
    await launch(page, version, { mastery });
    let site = await reachedPage(page, n.location, 'de/index.html');
    const slug = 'start';
    const right = await answer(site, 0, true);
    const wrong = await answer(site, 1, false);
    await answer(site, 1, true); // feedback only: the first answer counts
    let log = await calls(page);
    expect(suspend(log).answers).toEqual({ [`${slug}-1`]: [right, 1], [`${slug}-2`]: [wrong, 0] });
    expect(interactions(log).map((i) => [i['id'], i['result']])).toEqual([
      [`${slug}-1`, 'correct'],
      [`${slug}-2`, v12 ? 'wrong' : 'incorrect'],
    ]);
    expect(current(log)[n.raw]).toBeUndefined();
    await page.evaluate(() => window.lms?.leave());
    await expect
      .poll(async () => (await calls(page)).at(-2)?.method, { timeout: 20_000 })
      .toBe(n.finish);
    log = await calls(page);
    expect(current(log)[n.exit]).toBe('suspend');
    const final = await page.evaluate(() => window.lms?.final);
    const moodle = moodleFinish(version, final ?? {}, mastery);
    expect(moodle.status).toBe('incomplete');
    if (!v12) expect(moodle.success).toBe('unknown');
    expect(moodle.raw).toBe('');
    keepLog(info, 'leave', log);
    const saved = await page.evaluate(() => window.lms?.saved);

    // Comes back: the same page, the answers shown again, nothing reported twice.
    await launch(page, version, { saved, mastery });
    await expect
      .poll(() => page.frames().some((f) => /\/lms\/[\d.]+\/de\/index\.html$/.test(f.url())), {
        timeout: 20_000,
      })
      .toBe(true);
    site = siteFrame(page);
    const first = site.locator('quiz-question').nth(0);
    const second = site.locator('quiz-question').nth(1);
    await expect(first.locator(`input[value="${right}"]`)).toBeChecked();
    await expect(first).toHaveAttribute('data-result', 'right');
    await expect(second.locator(`input[value="${wrong}"]`)).toBeChecked();
    await expect(second).toHaveAttribute('data-result', 'wrong');
    await expect(site.locator('.quiz-note').first()).toHaveText(PRIVACY_LMS);
    log = await calls(page);
    expect(current(log)[n.status]).toBe('incomplete');
    expect(current(log)[n.raw]).toBeUndefined();
    expect(current(log)['cmi.interactions._count']).toBe('2');
    expect(interactions(log), 'no interaction written again').toEqual([]);
    // The next page's first answer is interaction 2.
    site = await next(page, n.location);
    await answer(site, 0, false);
    log = await calls(page);
    expect(interactions(log)[2]?.['result']).toBe(v12 ? 'wrong' : 'incorrect');
    keepLog(info, 'resume', log);
  });

  test(`SCORM ${version}: an answer given while the page loads is reported once; leaving before the first page stays incomplete`, async ({
    page,
  }) => {
    // The page's print stylesheet held back: its scripts run, its load event waits.
    const release = await holdBack(page, /\/_astro\/print\.[\w-]+\.css$/);
    await launch(page, version);
    const frame = await expect
      .poll(() => page.frames().some((f) => /\/de\/index\.html$/.test(f.url())), {
        timeout: 20_000,
      })
      .toBe(true)
      .then(() => siteFrame(page));
    // The self-check's own script held back too: the student chooses and presses "Check"
    // before it has arrived; the page replays the press once it runs.
    const lazy = frame.locator('template[data-lazy="quiz-question"]');
    const src = /src="([^"]+)"/.exec(await lazy.evaluate((t) => t.innerHTML))?.[1] ?? '';
    const releaseScript = await holdBack(page, new RegExp(`/${src.split('/').pop()}$`));
    const question = frame.locator('quiz-question').first();
    const right = Number(await question.getAttribute('data-answer'));
    await question.locator(`input[value="${right}"]`).check();
    await question.locator('.quiz-check').click();
    await expect(question).not.toHaveAttribute('data-result', /./);
    releaseScript();
    await expect(question).toHaveAttribute('data-result', 'right');
    let log = await calls(page);
    expect(
      log.filter((c) => c.method === n.set && c.args[0] === n.location),
      'the page has not finished loading',
    ).toEqual([]);
    expect(interactions(log)).toEqual([]);
    release();
    await expect
      .poll(async () => interactions(await calls(page)).length, { timeout: 20_000 })
      .toBe(1);
    await answer(frame, 0, false);
    await answer(frame, 0, true);
    log = await calls(page);
    expect(interactions(log)).toHaveLength(1);
    expect(suspend(log).answers).toEqual({ 'start-1': [right, 1] });
    expect(
      log.filter((c) => c.method === n.set && c.args[0] === 'cmi.interactions.0.id'),
    ).toHaveLength(1);

    // Another student leaves before the first page has loaded.
    const hold = await holdBack(page, /\/de\/index\.html$/);
    await launch(page, version);
    await expect
      .poll(async () => (await calls(page)).some((c) => c.method === n.commit), { timeout: 20_000 })
      .toBe(true);
    await page.evaluate(() => window.lms?.leave());
    await expect
      .poll(async () => (await calls(page)).some((c) => c.method === n.finish), { timeout: 20_000 })
      .toBe(true);
    hold();
    log = await calls(page);
    expect(sequence(log, n.status)).toEqual(['incomplete']);
    expect(current(log)[n.exit]).toBe('suspend');
    const final = await page.evaluate(() => window.lms?.final);
    expect(moodleFinish(version, final ?? {}, undefined).status).toBe('incomplete');
  });

  const session = v12 ? ({ mode: 'browse' } as const) : ({ credit: 'no-credit' } as const);
  test(`SCORM ${version}: ${JSON.stringify(session)} writes nothing`, async ({ page }) => {
    await launch(page, version, session);
    const site = await expect
      .poll(() => page.frames().some((f) => /\/de\/index\.html$/.test(f.url())), {
        timeout: 20_000,
      })
      .toBe(true)
      .then(() => siteFrame(page));
    await expect(site.locator('h1')).toBeVisible();
    await answer(site, 0, true);
    await page.evaluate(() => window.lms?.leave());
    await expect
      .poll(async () => (await calls(page)).some((c) => c.method === n.finish), { timeout: 20_000 })
      .toBe(true);
    const log = await calls(page);
    expect(log.filter((c) => /SetValue$|Commit$/.test(c.method))).toEqual([]);
  });
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
