// What the course-platform runtime (src/scorm/runtime.ts) decides, as plain functions: how
// it finds the platform's SCORM API, what it keeps between sessions (suspend data), and the
// status and score it reports. One package runs as one SCO; see docs/teaching.md "Use it in Moodle / ILIAS".
import { START_SLUG } from './urls.ts';

/** The two SCORM versions a package is built for. */
export type ScormVersion = '1.2' | '2004';

/** The global each version's API object has in the platform's window. */
export const API_NAME = { '1.2': 'API', '2004': 'API_1484_11' } as const satisfies Record<
  ScormVersion,
  string
>;

/**
 * How many windows up the `parent` chain the search goes before it gives up (the ADL
 * wrapper's bound is 7 for SCORM 1.2; SCORM 2004 allows more, no platform nests this deep).
 */
export const MAX_FRAME_STEPS = 10;

/** The longest suspend data a platform must keep: 4,096 characters in SCORM 1.2. */
export const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64000 } as const satisfies Record<
  ScormVersion,
  number
>;

/** The part of a window the search reads (a real `Window`, or a stand-in in tests). */
export interface ApiWindow {
  readonly parent: ApiWindow | null;
  readonly opener?: ApiWindow | null;
  readonly [name: string]: unknown;
}

/** Walks up from `win` through its parents, at most MAX_FRAME_STEPS, for the global `name`. */
function upFrom(win: ApiWindow | null | undefined, name: string): object | null {
  try {
    for (let step = 0; win && step <= MAX_FRAME_STEPS; step++) {
      const api = win[name];
      if (api && typeof api === 'object') return api;
      if (!win.parent || win.parent === win) break;
      win = win.parent;
    }
  } catch {
    // A window of another origin: the API cannot be there for us.
  }
  return null;
}

/**
 * The SCORM API as the specification says to find it: in this window or up its `parent`
 * chain, then from the `opener` (a package opened in a new window) and up its chain.
 */
export function findApi(win: ApiWindow, name: string): object | null {
  let opener: ApiWindow | null | undefined = null;
  try {
    opener = win.opener;
  } catch {
    // Reading a cross-origin opener can throw in some browsers.
  }
  return upFrom(win, name) ?? upFrom(opener, name);
}

/** What the package keeps in suspend data between a student's sessions. */
export interface CourseState {
  /** Slugs of the content pages the student has opened, in either language. */
  seen: string[];
  /** First answer to each self-check question, by id (`architecture-2`): [option, right 1 / wrong 0]. */
  answers: Record<string, [number, 0 | 1]>;
}

/** Reads suspend data back; anything unreadable (another package, a manual edit) starts afresh. */
export function parseState(text: string): CourseState {
  const state: CourseState = { seen: [], answers: {} };
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object') return state;
    const { seen, answers } = data as Partial<Record<keyof CourseState, unknown>>;
    if (Array.isArray(seen)) state.seen = seen.filter((s) => typeof s === 'string');
    if (answers && typeof answers === 'object') {
      for (const [id, value] of Object.entries(answers)) {
        if (
          Array.isArray(value) &&
          Number.isInteger(value[0]) &&
          (value[1] === 0 || value[1] === 1)
        )
          state.answers[id] = [value[0], value[1]];
      }
    }
  } catch {
    // Not JSON: a fresh start.
  }
  return state;
}

/** Suspend data for `state`: compact JSON (well under SCORM 1.2's 4,096 characters). */
export function serializeState(state: CourseState): string {
  return JSON.stringify(state);
}

/** The slug of a page from its path in the package (`de/architecture/index.html`), or null. */
export function slugOfPath(path: string): string | null {
  const match = /^(?:de|en)\/(?:([^/]+)\/)?index\.html$/.exec(path);
  return match ? (match[1] ?? START_SLUG) : null;
}

/** The course a package holds: its content pages and every self-check question's id. */
export interface Course {
  pages: readonly string[];
  questions: readonly string[];
}

/** The content page a question belongs to: `architecture-2` → `architecture`. */
export const pageOf = (question: string): string => question.replace(/-\d+$/, '');

/** What the student has reached. */
export interface Progress {
  /** Every content page opened. */
  complete: boolean;
  /**
   * Percentage of all questions answered right at the first try, rounded; only once every
   * question has been answered (a running score would count the open ones as wrong).
   */
  score: number | undefined;
  /** With a mastery score, once every question has been answered: passed or not. */
  passed: boolean | undefined;
  /** The share of the content pages opened, 0–1, two decimals. */
  measure: number;
}

/** Status and score of `state` in `course`; `mastery` is the passing score 0–100, if any. */
export function progress(course: Course, state: CourseState, mastery?: number): Progress {
  const seen = course.pages.filter((page) => state.seen.includes(page)).length;
  const all = course.questions.length > 0 && course.questions.every((id) => state.answers[id]);
  const right = course.questions.filter((id) => state.answers[id]?.[1] === 1).length;
  const score = all ? Math.round((100 * right) / course.questions.length) : undefined;
  const passed = score !== undefined && mastery !== undefined ? score >= mastery : undefined;
  const measure = course.pages.length ? Math.floor((100 * seen) / course.pages.length) / 100 : 1;
  return { complete: seen === course.pages.length, score, passed, measure };
}

/** Elements and values for the platform, in the order they are to be set. */
export type Values = [element: string, value: string][];

/** min, max, raw (and scaled in 2004) of a score 0–100 under `prefix` (`cmi.score`). */
const scoreValues = (prefix: string, score: number, v12: boolean): Values => [
  [`${prefix}.min`, '0'],
  [`${prefix}.max`, '100'],
  [`${prefix}.raw`, String(score)],
  ...(v12 ? [] : ([[`${prefix}.scaled`, String(score / 100)]] as Values)),
];

/**
 * Everything the package reports about `state`: the status (1.2 `lesson_status`; 2004
 * `completion_status`, `success_status` and `progress_measure`), the score once every
 * question is answered, and one objective per content page (its id, opened or not, and its
 * own score once its questions are answered). `slot` gives the index of a page's objective.
 */
export function report(
  version: ScormVersion,
  course: Course,
  state: CourseState,
  mastery: number | undefined,
  slot: (page: string) => number,
): Values {
  const v12 = version === '1.2';
  const { complete, score, passed, measure } = progress(course, state, mastery);
  const completion = complete ? 'completed' : 'incomplete';
  const verdict = passed === undefined ? '' : passed ? 'passed' : 'failed';
  const values: Values = v12
    ? [['cmi.core.lesson_status', verdict || completion]]
    : [
        ['cmi.completion_status', completion],
        ['cmi.progress_measure', String(measure)],
      ];
  if (verdict && !v12) values.push(['cmi.success_status', verdict]);
  if (score !== undefined)
    values.push(...scoreValues(v12 ? 'cmi.core.score' : 'cmi.score', score, v12));
  for (const page of course.pages) {
    const objective = `cmi.objectives.${slot(page)}.`;
    const opened = state.seen.includes(page) ? 'completed' : 'not attempted';
    values.push(
      [`${objective}id`, page],
      [objective + (v12 ? 'status' : 'completion_status'), opened],
    );
    const questions = course.questions.filter((id) => pageOf(id) === page);
    if (questions.every((id) => state.answers[id]))
      values.push(
        ...scoreValues(
          `${objective}score`,
          Math.round(
            (100 * questions.filter((id) => state.answers[id]?.[1]).length) / questions.length,
          ),
          v12,
        ),
      );
  }
  return values;
}

/** One answer as an interaction reports it. */
export interface Answer {
  /** The question's id (`architecture-2`). */
  id: string;
  /** The option chosen and the right one, from 0. */
  choice: number;
  answer: number;
  /** The question's text and its language (2004's description). */
  text: string;
  lang: string;
  /** When it was answered. */
  time: Date;
}

/**
 * The interaction `index` for a first answer (2004's timestamp in UTC: the zone only follows
 * fractions of a second, RTE C.1.4): id, type "choice", the page's objective, the
 * time, the right response, the response and the result, and in 2004 the question as its
 * description (at most 250 characters). Options are named a, b, c, … as SCORM 1.2 wants.
 */
export function interaction(version: ScormVersion, index: number, answer: Answer): Values {
  const v12 = version === '1.2';
  const at = `cmi.interactions.${index}.`;
  const letter = (n: number) => String.fromCharCode(97 + n);
  const values: Values = [
    [`${at}id`, answer.id],
    [`${at}type`, 'choice'],
    [`${at}objectives.0.id`, pageOf(answer.id)],
    v12
      ? [`${at}time`, answer.time.toTimeString().slice(0, 8)]
      : [`${at}timestamp`, `${answer.time.toISOString().slice(0, 22)}Z`],
    [`${at}correct_responses.0.pattern`, letter(answer.answer)],
    [`${at}${v12 ? 'student' : 'learner'}_response`, letter(answer.choice)],
    [`${at}result`, answer.choice === answer.answer ? 'correct' : v12 ? 'wrong' : 'incorrect'],
  ];
  if (!v12) values.push([`${at}description`, `{lang=${answer.lang}}${answer.text}`.slice(0, 250)]);
  return values;
}

/**
 * The mastery score 0–100 from what the platform says (1.2 `mastery_score` 0–100, 2004
 * `scaled_passing_score` 0–1, rounded to hundredths so 0.7 is 70, not 70.00000000000001), or
 * undefined when it gives none.
 */
export function masteryOf(text: string, version: ScormVersion): number | undefined {
  const value = Number(text);
  return text && Number.isFinite(value)
    ? Math.round(value * (version === '1.2' ? 100 : 10000)) / 100
    : undefined;
}

/** A duration in the form SCORM 1.2 wants (`HHHH:MM:SS.SS`) or SCORM 2004 (`PT1H2M3.5S`). */
export function formatDuration(ms: number, version: ScormVersion): string {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(cs / 360000);
  const m = Math.floor(cs / 6000) % 60;
  const s = (cs % 6000) / 100;
  if (version === '2004') return `PT${h}H${m}M${s}S`;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.min(h, 9999))}:${two(m)}:${s.toFixed(2).padStart(5, '0')}`;
}
