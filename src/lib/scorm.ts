// What the course-platform runtime (src/scorm/runtime.ts) decides, as plain functions: how
// it finds the platform's SCORM API, what it keeps between sessions (suspend data), and the
// status and score it reports. One package runs as one SCO; see README "Use it in Moodle / ILIAS".
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

/** What the student has reached: all pages opened, the score (0–100) and, with a mastery score, the verdict. */
export interface Progress {
  complete: boolean;
  /** Percentage of all questions answered right at the first try; undefined before any answer. */
  score: number | undefined;
  /** With a mastery score, once complete: passed or not. */
  passed: boolean | undefined;
}

/** Status and score of `state` in `course`; `mastery` is the passing score 0–100, if any. */
export function progress(course: Course, state: CourseState, mastery?: number): Progress {
  const complete = course.pages.every((page) => state.seen.includes(page));
  const answered = course.questions.filter((id) => state.answers[id]);
  const right = answered.filter((id) => state.answers[id]?.[1] === 1).length;
  const score =
    answered.length && course.questions.length
      ? Math.round((100 * right) / course.questions.length)
      : undefined;
  const passed = complete && mastery !== undefined ? (score ?? 0) >= mastery : undefined;
  return { complete, score, passed };
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
