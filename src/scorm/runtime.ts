// The course-platform runtime: loaded by launch.ts into the package's launch page only when a
// SCORM API was found. The launch page is the one SCO; it opens one session (initialize on
// start, commit and finish on `pagehide`) and shows the site's pages in a frame of its own,
// so that reading from page to page stays inside that session. What it reports (lib/scorm.ts
// decides the values): status "incomplete" from the start, "completed" once every content
// page is open; the score, and with a mastery score passed/failed, only once every question
// is answered; one objective per content page; an interaction per first answer; where the
// student is and what they did (suspend data), so a later session resumes there with the
// answers shown again. In browse or review mode, or without credit, it writes nothing.
import {
  API_NAME,
  findApi,
  formatDuration,
  interaction,
  masteryOf,
  pageOf,
  parseState,
  progress,
  report,
  serializeState,
  slugOfPath,
  type ApiWindow,
  type ScormVersion,
  type Values,
} from '../lib/scorm.ts';

type Api = Record<string, (...args: string[]) => unknown>;

const root = document.documentElement;
const data = root.dataset;
const version = data['scorm'] as ScormVersion;
const v12 = version === '1.2';
const api = findApi(window as unknown as ApiWindow, API_NAME[version]) as Api | null;
/** The two versions' names for the same calls and elements. */
const [INIT, GET, SET, COMMIT, FINISH, ERROR, ERROR_TEXT] = v12
  ? [
      'LMSInitialize',
      'LMSGetValue',
      'LMSSetValue',
      'LMSCommit',
      'LMSFinish',
      'LMSGetLastError',
      'LMSGetErrorString',
    ]
  : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError', 'GetErrorString'];
const CMI = v12 ? 'cmi.core.' : 'cmi.';
const LOCATION = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
const SUSPEND = 'cmi.suspend_data';

/** Values as the platform last had them, so a call is made only when something changed. */
const known = new Map<string, string>();
/** Calls the API; every call but a read is followed by a look at the error, logged if any. */
const call = (name: string, ...args: string[]) => {
  const result = String(api?.[name]?.(...args));
  if (name !== GET) {
    const code = String(api?.[ERROR]?.());
    if (code !== '0')
      console.warn(
        `SCORM ${name}(${args.join(', ')}): ${code} ${String(api?.[ERROR_TEXT]?.(code))}`,
      );
  }
  return result;
};
const get = (key: string) => {
  const value = call(GET, key);
  known.set(key, value);
  return value;
};
/** Whether this session counts: not in browse or review mode, not without credit. */
let record = false;
const set = (values: Values) => {
  for (const [key, value] of values)
    if (record && known.get(key) !== value) {
      known.set(key, value);
      call(SET, key, value);
    }
};

if (api && call(INIT, '') === 'true') {
  const started = Date.now();
  const base = new URL('.', location.href).href;
  const course = {
    pages: (data['pages'] ?? '').split(' '),
    questions: (data['questions'] ?? '').split(' '),
  };
  record =
    !/^(browse|review)$/.test(get(v12 ? 'cmi.core.lesson_mode' : 'cmi.mode')) &&
    get(`${CMI}credit`) !== 'no-credit';
  const state = parseState(get(SUSPEND));
  const mastery = masteryOf(
    get(v12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'),
    version,
  );
  // Objectives already there (the platform's own, or this package's from an earlier session)
  // keep their places; each content page without one gets the next free index.
  const objectives: string[] = [];
  for (let i = +get('cmi.objectives._count') || 0; i--;)
    objectives[i] = get(`cmi.objectives.${i}.id`);
  const slot = (page: string) => {
    if (!objectives.includes(page)) objectives.push(page);
    return objectives.indexOf(page);
  };
  let interactions = +get('cmi.interactions._count') || 0;
  // Resume where the student left off, if that is a page of this package.
  const resume = get(LOCATION);
  const frame = document.createElement('iframe');
  frame.title = document.title;
  frame.src = slugOfPath(resume) ? resume : (data['start'] ?? '');

  const update = () => {
    set([...report(version, course, state, mastery, slot), [SUSPEND, serializeState(state)]]);
    if (record) call(COMMIT, '');
  };

  /** Marks a topic page as opened (a page whose question was answered was opened). */
  const seen = (slug: string) => {
    if (!state.seen.includes(slug)) state.seen.push(slug);
  };

  /**
   * A question's first answer (the self-check marks it `data-first` on the question): counted
   * and reported once; trying other options afterwards only gives feedback.
   */
  const answered = (question: Element) => {
    const name = question.querySelector('input')?.name ?? '';
    const id = name.replace(/^quiz-/, '');
    const { first, answer } = (question as HTMLElement).dataset;
    if (!first || state.answers[id] || !course.questions.includes(id)) return;
    const [choice, right] = [+first, +(answer ?? '')];
    state.answers[id] = [choice, choice === right ? 1 : 0];
    seen(pageOf(id));
    set(
      interaction(version, interactions++, {
        id,
        choice,
        answer: right,
        text: (question.querySelector('legend')?.textContent ?? '')
          .replace(/\s+/g, ' ')
          .replace(/^ ?\d+\. /, '')
          .trim(),
        lang: question.ownerDocument.documentElement.lang,
        time: new Date(),
      }),
    );
    update();
  };

  const open = () => {
    const doc = frame.contentDocument;
    const view = doc?.defaultView;
    if (!doc || !view || !doc.URL.startsWith(base)) return;
    const path = (doc.URL.split(/[?#]/)[0] ?? '').slice(base.length);
    const slug = slugOfPath(path);
    if (!slug) return;
    set([[LOCATION, path]]);
    if (course.pages.includes(slug)) seen(slug);
    document.title = doc.title;
    const note = root.getAttribute(`data-note-${doc.documentElement.lang}`);
    if (note) for (const line of doc.querySelectorAll('.quiz-note')) line.textContent = note;
    doc.addEventListener('quiz-answer', (event) => answered(event.target as Element));
    // Answers from earlier sessions: chosen and checked again, so the page shows them with
    // their feedback (the page's script loads the self-check's code for the press).
    for (const [id, [choice]] of Object.entries(state.answers)) {
      const input = doc.querySelector<HTMLInputElement>(
        `input[name="quiz-${id}"][value="${choice}"]`,
      );
      if (input && !input.checked) {
        input.checked = true;
        input.closest('quiz-question')?.querySelector<HTMLElement>('.quiz-check')?.click();
      }
    }
    // Answers given while the page was loading, before anyone listened.
    for (const question of doc.querySelectorAll('quiz-question[data-first]')) answered(question);
    update();
  };

  update();
  frame.addEventListener('load', open);
  document.body.replaceChildren(frame);
  addEventListener(
    'pagehide',
    () => {
      set([
        [`${CMI}session_time`, formatDuration(Date.now() - started, version)],
        // A finished student's attempt ends normally; any other is to be resumed.
        [`${CMI}exit`, progress(course, state).complete ? (v12 ? '' : 'normal') : 'suspend'],
      ]);
      if (record) call(COMMIT, '');
      call(FINISH, '');
    },
    { once: true },
  );
}
