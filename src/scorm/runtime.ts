// The course-platform runtime: loaded by launch.ts into the package's launch page only when a
// SCORM API was found. The launch page is the one SCO; it opens one session (initialize on
// start, commit and finish on `pagehide`) and shows the site's pages in a frame of its own,
// so that reading from page to page stays inside that session. For each page the frame opens
// it reports where the student is (lesson location), which content pages they have opened
// (suspend data), their self-check answers (suspend data, score) and the status; it puts back
// the answers given in an earlier session and says on the page that answers are reported.
import type { QuizAnswer } from '../components/course/quiz/quiz-question.ts';
import {
  API_NAME,
  findApi,
  formatDuration,
  parseState,
  progress,
  serializeState,
  slugOfPath,
  type ApiWindow,
  type ScormVersion,
} from '../lib/scorm.ts';

type Api = Record<string, (...args: string[]) => unknown>;

const root = document.documentElement;
const data = root.dataset;
const version = data['scorm'] as ScormVersion;
const v12 = version === '1.2';
const api = findApi(window as unknown as ApiWindow, API_NAME[version]) as Api | null;
/** The two versions' names for the same calls and elements. */
const [INIT, GET, SET, COMMIT, FINISH] = v12
  ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']
  : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate'];
const CMI = v12 ? 'cmi.core.' : 'cmi.';
const LOCATION = v12 ? 'cmi.core.lesson_location' : 'cmi.location';
const SUSPEND = 'cmi.suspend_data';

/** Values as the platform last had them, so a call is made only when something changed. */
const known = new Map<string, string>();
const call = (name: string, ...args: string[]) => String(api?.[name]?.(...args));
const get = (key: string) => {
  const value = call(GET, key);
  known.set(key, value);
  return value;
};
const set = (key: string, value: string) => {
  if (known.get(key) !== value) call(SET, key, value);
  known.set(key, value);
};

if (api && call(INIT, '') === 'true') {
  const started = Date.now();
  const base = new URL('.', location.href).href;
  const course = {
    pages: (data['pages'] ?? '').split(' '),
    questions: (data['questions'] ?? '').split(' '),
  };
  const state = parseState(get(SUSPEND));
  const masteryText = get(v12 ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score');
  const mastery =
    masteryText && Number.isFinite(+masteryText) ? +masteryText * (v12 ? 1 : 100) : undefined;
  get(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status');
  // Resume where the student left off, if that is a page of this package.
  const resume = get(LOCATION);
  const frame = document.createElement('iframe');
  frame.title = document.title;
  frame.src = slugOfPath(resume) ? resume : (data['start'] ?? '');

  const report = () => {
    const { complete, score, passed } = progress(course, state, mastery);
    const verdict = passed === undefined ? '' : passed ? 'passed' : 'failed';
    const completion = complete ? 'completed' : 'incomplete';
    if (v12) set('cmi.core.lesson_status', verdict || completion);
    else {
      set('cmi.completion_status', completion);
      if (verdict) set('cmi.success_status', verdict);
    }
    if (score !== undefined) {
      set(`${CMI}score.min`, '0');
      set(`${CMI}score.max`, '100');
      set(`${CMI}score.raw`, String(score));
      if (!v12) set('cmi.score.scaled', String(score / 100));
    }
    set(SUSPEND, serializeState(state));
    call(COMMIT, '');
  };

  const answer = ({ detail }: CustomEvent<QuizAnswer>) => {
    const id = detail.question.replace(/^quiz-/, '');
    // The first answer counts; trying the other options afterwards only gives feedback.
    if (state.answers[id]) return;
    state.answers[id] = [detail.choice, detail.right ? 1 : 0];
    report();
  };

  const open = () => {
    const doc = frame.contentDocument;
    const view = doc?.defaultView;
    if (!doc || !view || !doc.URL.startsWith(base)) return;
    const path = (doc.URL.split(/[?#]/)[0] ?? '').slice(base.length);
    const slug = slugOfPath(path);
    if (!slug) return;
    set(LOCATION, path);
    if (course.pages.includes(slug) && !state.seen.includes(slug)) state.seen.push(slug);
    document.title = doc.title;
    const note = root.getAttribute(`data-note-${doc.documentElement.lang}`);
    if (note) for (const line of doc.querySelectorAll('.quiz-note')) line.textContent = note;
    doc.addEventListener('quiz-answer', answer);
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
    report();
  };

  frame.addEventListener('load', open);
  document.body.replaceChildren(frame);
  addEventListener(
    'pagehide',
    () => {
      set(
        v12 ? 'cmi.core.session_time' : 'cmi.session_time',
        formatDuration(Date.now() - started, version),
      );
      set(`${CMI}exit`, 'suspend');
      call(COMMIT, '');
      call(FINISH, '');
    },
    { once: true },
  );
}
