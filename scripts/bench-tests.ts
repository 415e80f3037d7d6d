// `npm run bench:tests`: how long the test suite takes. Runs the stages of `npm test` as it
// does (tests/steps.ts: the steps of a stage side by side), with the Playwright step on the
// JSON reporter; then prints the seconds of each step and stage and, per spec file, its
// tests, their summed time and the span from its first test's start to its last test's
// end. It measures and asserts nothing; a failing step is reported and the run goes on, so
// the times are complete.
//
//   node scripts/bench-tests.ts                 every step of `npm test`
//   node scripts/bench-tests.ts --e2e           only the Playwright tests
//   node scripts/bench-tests.ts --report=f.json only the table of an existing JSON report
//   node scripts/bench-tests.ts -- <args>       extra Playwright arguments (e.g. a spec)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { BROWSER_TESTS, STAGES, root, runStep } from '../tests/steps.ts';

const { values, positionals } = parseArgs({
  options: { e2e: { type: 'boolean', default: false }, report: { type: 'string' } },
  allowPositionals: true,
});

/** The parts of Playwright's JSON report this script reads. */
interface Result {
  startTime: string;
  duration: number;
  status: string;
}
interface Spec {
  title: string;
  file: string;
  tests: { results: Result[] }[];
}
interface Suite {
  file: string;
  specs?: Spec[];
  suites?: Suite[];
}
interface Report {
  suites: Suite[];
  stats: { startTime: string; duration: number; expected: number; unexpected: number };
  errors?: { message: string }[];
}

const sec = (ms: number) => (ms / 1000).toFixed(1);

/** Prints rows as a table with aligned columns; the first row is the header. */
function table(rows: string[][]) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const row of rows)
    console.log(
      row
        .map((cell, i) => (i ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
        .join('  '),
    );
}

/** Every spec of a suite and its sub-suites. */
const specsOf = (suite: Suite): Spec[] => [
  ...(suite.specs ?? []),
  ...(suite.suites ?? []).flatMap(specsOf),
];

/** The per-spec-file table of a Playwright JSON report. */
function printReport(report: Report) {
  for (const error of report.errors ?? []) console.error(`Playwright: ${error.message}`);
  const rows: string[][] = [
    ['spec file', 'tests', 'failed', 'summed s', 'span s', 'slowest test, s'],
  ];
  const byFile = new Map<string, { title: string; result: Result }[]>();
  for (const spec of report.suites.flatMap(specsOf))
    for (const test of spec.tests)
      for (const result of test.results)
        byFile.set(spec.file, [...(byFile.get(spec.file) ?? []), { title: spec.title, result }]);
  const files = [...byFile].map(([file, runs]) => {
    const summed = runs.reduce((sum, r) => sum + r.result.duration, 0);
    const starts = runs.map((r) => Date.parse(r.result.startTime));
    const ends = runs.map((r) => Date.parse(r.result.startTime) + r.result.duration);
    const slowest = runs.reduce((a, b) => (b.result.duration > a.result.duration ? b : a));
    return { file, runs, summed, span: Math.max(...ends) - Math.min(...starts), slowest };
  });
  for (const f of files.sort((a, b) => b.summed - a.summed))
    rows.push([
      f.file,
      String(f.runs.length),
      String(f.runs.filter((r) => !['passed', 'skipped'].includes(r.result.status)).length),
      sec(f.summed),
      sec(f.span),
      `${f.slowest.title.slice(0, 60)} (${sec(f.slowest.result.duration)})`,
    ]);
  const summed = files.reduce((sum, f) => sum + f.summed, 0);
  rows.push([
    'total',
    String(files.reduce((n, f) => n + f.runs.length, 0)),
    String(report.stats.unexpected),
    sec(summed),
    sec(report.stats.duration),
    '',
  ]);
  table(rows);
  for (const f of files)
    for (const r of f.runs)
      if (!['passed', 'skipped'].includes(r.result.status))
        console.log(`${r.result.status}: ${f.file} › ${r.title} (${sec(r.result.duration)} s)`);
  console.log(
    `\nPlaywright wall time: ${sec(report.stats.duration)} s (summed test time ${sec(summed)} s)`,
  );
}

/** Runs the Playwright tests on the JSON reporter; returns the report and wall time. */
function runPlaywright(): { report: Report | undefined; ms: number; ok: boolean } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tests-'));
  const output = join(dir, 'report.json');
  const started = performance.now();
  const run = spawnSync('npx', ['playwright', 'test', '--reporter=json', ...positionals], {
    cwd: root,
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const ms = performance.now() - started;
  let report: Report | undefined;
  try {
    report = JSON.parse(readFileSync(output, 'utf8')) as Report;
  } catch {
    report = undefined;
  }
  rmSync(dir, { recursive: true, force: true });
  return { report, ms, ok: run.status === 0 };
}

if (values.report) {
  printReport(JSON.parse(readFileSync(values.report, 'utf8')) as Report);
} else if (values.e2e) {
  const { report, ok } = runPlaywright();
  if (!report) throw new Error('Playwright wrote no report');
  printReport(report);
  if (!ok) process.exitCode = 1;
} else {
  const rows: string[][] = [['npm test stage and step', 'seconds', 'result']];
  let report: Report | undefined;
  let total = 0;
  for (const stage of STAGES) {
    const started = performance.now();
    const results = await Promise.all(
      stage.map(async (step) => {
        console.error(`bench: ${step.name}`);
        if (step !== BROWSER_TESTS) return runStep(step, false);
        const run = runPlaywright();
        report = run.report;
        return { step, ok: run.ok, ms: run.ms, output: '' };
      }),
    );
    const ms = performance.now() - started;
    total += ms;
    if (stage.length > 1) rows.push([`stage of ${stage.length}, side by side`, sec(ms), '']);
    for (const r of results) {
      rows.push([
        `${stage.length > 1 ? '  ' : ''}${r.step.name}`,
        sec(r.ms),
        r.ok ? 'ok' : 'FAILED',
      ]);
      if (!r.ok) {
        process.exitCode = 1;
        console.error(r.output);
      }
    }
  }
  rows.push(['total', sec(total), '']);
  table(rows);
  console.log('');
  if (report) printReport(report);
}
