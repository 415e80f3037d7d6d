// A course platform for the SCORM tests: a page that holds scorm-again's LMS-side API
// (Scorm12API as `window.API`, Scorm2004API as `window.API_1484_11`), records every call
// the package makes, keeps what the package stored when it finishes (as a platform keeps it
// for the student's next session) and opens the package in a frame. Served under /lms/ on
// the site's own origin from the built zip, so nothing leaves the origin.
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Frame, Page } from '@playwright/test';
import type { ScormVersion } from '../../src/lib/scorm.ts';
import { holdBack as holdBackAny } from './fixtures.ts';

export const versions = ['1.2', '2004'] as const satisfies readonly ScormVersion[];

/** One call the package made: the method, its arguments, what the API answered and its error code after it. */
export interface Call {
  method: string;
  args: string[];
  result: string;
  error: string;
}

/** What the platform passes to a new session: stored data and the teacher's mastery score. */
export interface Session {
  /** The CMI data the platform stored after the last session, as scorm-again renders it. */
  saved?: unknown;
  /** Passing score 0–100 (SCORM 1.2 mastery score; 2004 scaled passing score × 100). */
  mastery?: number;
  /** `browse` or `review` instead of `normal`. */
  mode?: 'browse' | 'review';
  /** `no-credit` instead of `credit`. */
  credit?: 'no-credit';
}

const root = new URL('../../', import.meta.url);
const zips = new Map<ScormVersion, Record<string, Uint8Array>>();
/** The files of the built package of `version`. */
export function packageFiles(version: ScormVersion): Record<string, Uint8Array> {
  let files = zips.get(version);
  if (!files) {
    const zip = new URL(
      `dist-scorm/bare-metal-explainer-scorm${version.replace('.', '')}.zip`,
      root,
    );
    files = unzipSync(readFileSync(zip));
    zips.set(version, files);
  }
  return files;
}

/** The content pages and question ids of a package, as its launch page gives them to the runtime. */
export function course(version: ScormVersion): { pages: string[]; questions: string[] } {
  const launch = Buffer.from(packageFiles(version)['scorm.html'] ?? []).toString('utf8');
  const list = (name: string) =>
    new RegExp(`data-${name}="([^"]*)"`).exec(launch)?.[1]?.split(' ') ?? [];
  return { pages: list('pages'), questions: list('questions') };
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript',
  css: 'text/css',
  svg: 'image/svg+xml',
  xml: 'application/xml',
  xsd: 'application/xml',
  txt: 'text/plain',
};

/** Serves /lms/ (the platform page, scorm-again) and /lms/<version>/… (the package). */
export async function serveLms(page: Page, baseURL: string): Promise<void> {
  await page.route(`${baseURL}/lms/**`, (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname.slice('/lms/'.length));
    const [first = '', ...rest] = path.split('/');
    let body: Uint8Array | string | undefined;
    if (path === '')
      body = '<!doctype html><html lang="en"><title>Test LMS</title><body></body></html>';
    else if (/^scorm(12|2004)\.js$/.test(path))
      body = readFileSync(
        new URL(`node_modules/scorm-again/dist/${path.replace('.js', '.min.js')}`, root),
      );
    else if (first === '1.2' || first === '2004') body = packageFiles(first)[rest.join('/')];
    if (body === undefined) return route.fulfill({ status: 404, body: 'not found' });
    const type =
      TYPES[path === '' ? 'html' : (path.split('.').pop() ?? '')] ?? 'application/octet-stream';
    return route.fulfill({ status: 200, body: Buffer.from(body), contentType: type });
  });
}

/**
 * Holds back every response of the package whose path matches `match` until the returned
 * function is called (e.g. a page's print stylesheet, which keeps its `load` event waiting
 * but nothing else).
 */
export const holdBack = (page: Page, match: RegExp): Promise<() => void> =>
  holdBackAny(page, (url) => url.pathname.startsWith('/lms/') && match.test(url.pathname));

/** The CMI data as scorm-again holds it (renderCMIToJSONObject). */
export type Cmi = Record<string, unknown>;

/** A value of `cmi` by its dotted name (`cmi.core.score.raw`), '' when not there. */
export function valueOf(cmi: Cmi | undefined, element: string): string {
  let node: unknown = cmi;
  for (const part of element.split('.'))
    node = (node as Record<string, unknown> | undefined)?.[part];
  return node === undefined || node === null ? '' : String(node);
}

/**
 * What Moodle records when the package finishes, with its two rules applied to the data the
 * API holds (mod/scorm datamodels, StoreData): a status still "not attempted" (2004: a
 * completion "unknown" or "not attempted") becomes "completed"; and "mastery score overrides
 * status" (on by default): in normal mode with credit, a raw score (2004: scaled) and a
 * mastery score make the status passed or failed.
 */
export function moodleFinish(
  version: ScormVersion,
  cmi: Cmi,
  mastery: number | undefined,
): { status: string; success?: string; raw: string } {
  const v12 = version === '1.2';
  const core = v12 ? 'cmi.core.' : 'cmi.';
  const counts =
    valueOf(cmi, v12 ? 'cmi.core.lesson_mode' : 'cmi.mode') !== 'browse' &&
    valueOf(cmi, v12 ? 'cmi.core.credit' : 'cmi.credit') !== 'no-credit';
  const raw = valueOf(cmi, `${core}score.raw`);
  if (v12) {
    let status = valueOf(cmi, 'cmi.core.lesson_status') || 'not attempted';
    if (status === 'not attempted') status = 'completed';
    if (counts && mastery !== undefined && raw !== '')
      status = Number(raw) >= mastery ? 'passed' : 'failed';
    return { status, raw };
  }
  let status = valueOf(cmi, 'cmi.completion_status') || 'unknown';
  if (status === 'unknown' || status === 'not attempted') status = 'completed';
  let success = valueOf(cmi, 'cmi.success_status') || 'unknown';
  const scaled = valueOf(cmi, 'cmi.score.scaled');
  if (counts && mastery !== undefined && scaled !== '')
    success = Number(scaled) >= mastery / 100 ? 'passed' : 'failed';
  return { status, success, raw };
}

declare global {
  interface Window {
    lms?: { calls: Call[]; saved?: unknown; final?: Cmi; leave(): void };
  }
}

/** Opens the platform page and launches the package in its frame, as a student does. */
export async function launch(
  page: Page,
  version: ScormVersion,
  session: Session = {},
): Promise<void> {
  await page.goto('/lms/');
  await page.addScriptTag({ url: `/lms/scorm${version.replace('.', '')}.js` });
  await page.evaluate(
    ({ version, saved, mastery, mode, credit }) => {
      const v12 = version === '1.2';
      type Api = Record<string, unknown> & {
        loadFromJSON(json: unknown): void;
        on(event: string, listener: () => void): void;
        renderCMIToJSONObject(): {
          cmi: Record<string, unknown> & { core?: Record<string, unknown> };
        };
      };
      const globals = window as unknown as Record<string, new (settings: object) => Api>;
      const Api = globals[v12 ? 'Scorm12API' : 'Scorm2004API'];
      if (!Api) throw new Error('scorm-again did not load');
      const api = new Api({ logLevel: 5, autocommit: false, lmsCommitUrl: false });
      if (saved) api.loadFromJSON(saved);
      if (mastery !== undefined) {
        api.loadFromJSON(
          v12
            ? { cmi: { student_data: { mastery_score: String(mastery) } } }
            : { cmi: { scaled_passing_score: String(mastery / 100) } },
        );
      }
      if (mode || credit)
        api.loadFromJSON(
          v12
            ? { cmi: { core: { ...(mode && { lesson_mode: mode }), ...(credit && { credit }) } } }
            : { cmi: { ...(mode && { mode }), ...(credit && { credit }) } },
        );
      const calls: Call[] = [];
      const methods = v12
        ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish']
        : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate'];
      const errors = v12
        ? ['LMSGetLastError', 'LMSGetErrorString']
        : ['GetLastError', 'GetErrorString'];
      const lastError = (api[errors[0] ?? ''] as () => unknown).bind(api);
      for (const method of [...methods, ...errors]) {
        const real = api[method] as (...args: string[]) => unknown;
        api[method] = (...args: string[]) => {
          const result = String(real.apply(api, args));
          calls.push({ method, args, result, error: String(lastError()) });
          return result;
        };
      }
      const lms: NonNullable<Window['lms']> = { calls, leave: () => frame.remove() };
      // What a platform keeps for the next session: the data, with `entry` saying "resume"
      // when the package left with exit "suspend".
      api.on(v12 ? 'LMSFinish' : 'Terminate', () => {
        const { cmi } = api.renderCMIToJSONObject();
        lms.final = JSON.parse(JSON.stringify({ cmi })) as Cmi;
        const core = (v12 ? cmi.core : cmi) as Record<string, unknown>;
        const resume = core['exit'] === 'suspend';
        for (const key of ['exit', 'session_time', 'entry']) delete core[key];
        if (resume) core['entry'] = 'resume';
        lms.saved = { cmi };
      });
      window.lms = lms;
      Object.assign(window, { [v12 ? 'API' : 'API_1484_11']: api });
      const frame = document.createElement('iframe');
      frame.id = 'sco';
      frame.title = 'Course';
      frame.style.cssText = 'width:100%;height:90vh;border:0';
      frame.src = `/lms/${version}/scorm.html`;
      document.body.append(frame);
    },
    {
      version,
      saved: session.saved,
      mastery: session.mastery,
      mode: session.mode,
      credit: session.credit,
    },
  );
}

/** The CMI data the platform's API holds now, as Moodle would store it if the package finished here. */
export const held = (page: Page): Promise<Cmi> =>
  page.evaluate(() => {
    const api = (window as unknown as Record<string, { renderCMIToJSONObject(): Cmi }>)[
      'API' in window ? 'API' : 'API_1484_11'
    ];
    return JSON.parse(JSON.stringify(api?.renderCMIToJSONObject() ?? {})) as Cmi;
  });

/** Every call the package has made in this session so far. */
export const calls = (page: Page): Promise<Call[]> => page.evaluate(() => window.lms?.calls ?? []);

/** What the platform holds for each element the package read or set, as the log shows it. */
export function current(log: Call[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { method, args, result } of log) {
    if (/SetValue$/.test(method)) values[args[0] ?? ''] = args[1] ?? '';
    else if (/GetValue$/.test(method)) values[args[0] ?? ''] = result;
  }
  return values;
}

/** The frame that shows the site's pages inside the package's launch page. */
export function siteFrame(page: Page): Frame {
  const frame = page.frames().find((f) => /\/lms\/[\d.]+\/(de|en)\//.test(f.url()));
  if (!frame) throw new Error('no site page is open in the package');
  return frame;
}
