// Every command the README and docs/ give is run, so none of them goes stale (`npm test`
// runs this after the type check; tests/steps.ts). A command is either run by a stage of
// `npm test` itself (BY_NPM_TEST says where) or run here, on the smallest input that takes
// it through its whole path (SMOKE). A command the documentation names that is in neither
// table fails the run: a new command in the docs needs a way to be run.
//
// Needs the production build in dist/ (the build stage makes it). Ports 4471–4479.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commands } from '../tests/docs.ts';
import { root, runStep } from '../tests/steps.ts';

const STAGE_BUILD = 'the build stage (tests/steps.ts)';
/** Commands a stage of `npm test` runs, with where. Keys are `<script>[ <args>]`. */
const BY_NPM_TEST: Record<string, string> = {
  ci: '.ci/run (`npm ci && npm test`)',
  test: '.ci/run (`npm ci && npm test`)',
  build: `${STAGE_BUILD}, through build:scorm and build:portable`,
  'build:portable': `${STAGE_BUILD}, through build:scorm`,
  'build:scorm': STAGE_BUILD,
  'build:scorm --lang=en --mastery=70': `${STAGE_BUILD}, before the default packages`,
  'build:publish': `${STAGE_BUILD}: its build, then scripts/publish.ts as the script runs it`,
  'build:publish --cloudflare': `${STAGE_BUILD}: scripts/publish.ts --cloudflare`,
  'test:servers': 'the stage "sub-path build" and the stage "Apache and nginx, links"',
  'test:links': 'the stage "Apache and nginx, links"',
  'test:html': 'the stage "HTML rules"',
  'check:host': 'test:servers, against real Apache and nginx',
  'check:host <URL>': 'test:servers, against real Apache and nginx',
  'check:host https://www.example-university.de/kurs/virtualisierung/':
    'test:servers, against real Apache and nginx at this sub-path',
  format: 'the Prettier stage: the same Prettier on the same files, --check for --write',
};

/** The script `name` of package.json. */
const script = (name: string): string =>
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, never>)[
    'scripts'
  ]?.[name] ?? '';

/** Runs `command` in the project as a step of `npm test` runs; its output, or it throws. */
async function run(command: string, env: Record<string, string> = {}): Promise<string> {
  const result = await runStep({ name: command, run: command }, false, { ...process.env, ...env });
  if (!result.ok) throw new Error(`${command} failed:\n${result.output.slice(-2000)}`);
  return result.output;
}

/**
 * Starts a server command, waits until `path` answers with a page holding `expect`, and
 * stops it (the whole process group: npm, the shell and the server).
 */
async function serves(command: string, port: number, path: string, expect: RegExp) {
  const child = spawn('sh', ['-c', command], { cwd: root, detached: true, stdio: 'ignore' });
  try {
    const until = Date.now() + 60_000;
    let last = '';
    while (Date.now() < until) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        const body = await response.text();
        if (response.ok && expect.test(body)) return;
        last = `${response.status}, ${expect} not found`;
      } catch (error) {
        last = String(error);
      }
      if (child.exitCode !== null) throw new Error(`${command} ended with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${command}: ${path} did not answer within 60 s (${last})`);
  } finally {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  }
}

/** `fn`, run once however often it is asked for. */
function once(fn: () => Promise<void>): () => Promise<void> {
  let ran: Promise<void> | undefined;
  return () => (ran ??= fn());
}

const PAGE = /<h1[^>]*>[^<]*Architektur/;

const shots = once(async () => {
  const filter = 'io-path';
  const started = Date.now();
  await run(`npm run shots -- ${filter}`);
  const dir = join(root, 'shots');
  const made = readdirSync(dir).filter(
    (f) => f.endsWith('.png') && f.includes(filter) && statSync(join(dir, f)).mtimeMs >= started,
  );
  if (made.length < 4) throw new Error(`shots -- ${filter}: ${made.length} screenshots written`);
});

const benchOnePage = once(async () => {
  const args = '--only=weight,lighthouse --pages=/de/';
  const out = await run(`npm run bench -- ${args}`, { BENCH_PORT: '4473' });
  if (!/\| \/de\/ /.test(out) || /Not measured/.test(out))
    throw new Error(`bench -- ${args}:\n${out.slice(-2000)}`);
});

const searchSmoke = once(async () => {
  const out = await run('npm run bench:search -- --smoke', { PORT: '4476' });
  if (!/success@1/.test(out)) throw new Error(`no relevance table in:\n${out.slice(-1500)}`);
});

const benchTests = once(async () => {
  const out = await run('npm run bench:tests -- --e2e -- tests/e2e/print.spec.ts', {
    PORT: '4477',
  });
  if (!/print\.spec\.ts/.test(out)) throw new Error(`bench:tests:\n${out.slice(-2000)}`);
});

/** Commands run here, each on the smallest input that takes it through its whole path. */
const SMOKE: Record<string, () => Promise<void>> = {
  // `npm start` is the build and the preview, both run: the build by the build stage.
  start: async () => {
    if (script('start') !== 'npm run build && npm run preview')
      throw new Error(`"start" is no longer "npm run build && npm run preview"`);
  },
  preview: () =>
    serves('npm run preview -- --host 127.0.0.1 --port 4471', 4471, '/de/architecture/', PAGE),
  // The development server renders the page on request from the sources.
  dev: () => serves('npm run dev -- --host 127.0.0.1 --port 4472', 4472, '/de/architecture/', PAGE),
  // Without a word it takes every page and figure (minutes); the path is the same.
  shots,
  'shots io-path': shots,
  // Its measuring parts on one page: weight and Lighthouse. Not run: its 'scale' part, which
  // builds sites of 100 to 5,000 pages (minutes), and `--quick`'s choice of pages.
  bench: benchOnePage,
  'bench --quick': benchOnePage,
  'bench --only=weight,lighthouse': benchOnePage,
  'bench --only=weight,lighthouse --pages=/de/': benchOnePage,
  'bench:search': () => searchSmoke(),
  'bench:search --smoke': () => searchSmoke(),
  // It runs the stages of `npm test` with timings; here only its report, over one spec.
  'bench:tests': benchTests,
  'bench:tests --e2e': benchTests,
  // The list of permanent links is complete: updating it from the build changes nothing.
  'permalinks:update': async () => {
    const file = join(root, 'tests/permalinks.json');
    const before = readFileSync(file, 'utf8');
    const out = await run('npm run permalinks:update');
    if (readFileSync(file, 'utf8') !== before) {
      writeFileSync(file, before);
      throw new Error(`the build has permanent links the list lacks:\n${out}`);
    }
  },
};

const documented = commands();
const keys = [...new Set(documented.map((c) => (c.args ? `${c.script} ${c.args}` : c.script)))];
const unrun = keys.filter((key) => !BY_NPM_TEST[key] && !SMOKE[key]);
if (unrun.length) {
  console.error(
    `docs: commands in the README or docs/ that nothing runs (add them to scripts/docs-commands.ts):\n${unrun.join('\n')}`,
  );
  process.exit(1);
}
let failed = 0;
for (const key of keys.filter((k) => !SMOKE[k]))
  console.log(`docs: npm ${key}: run by ${BY_NPM_TEST[key]}`);
// Two at a time: most of a run is waiting (a server starting, a browser loading), and each
// has ports of its own.
const queue = keys.filter((k) => SMOKE[k]);
const lane = async (): Promise<void> => {
  for (let key = queue.shift(); key; key = queue.shift()) {
    const started = performance.now();
    try {
      await SMOKE[key]?.();
      console.log(`docs: npm ${key}: ran (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      console.log(`docs: npm ${key}: FAILED\n${error instanceof Error ? error.message : error}`);
    }
  }
};
await Promise.all([lane(), lane()]);
console.log(`docs: ${keys.length} documented commands, ${failed} failed`);
process.exit(failed ? 1 : 0);
