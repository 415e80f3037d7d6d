// The steps of `npm test` (scripts/test.ts) and of `npm run bench:tests`, in stages. A
// stage starts when the one before it has passed; its steps run side by side, as none of
// them writes what another reads. Astro's generated types (.astro/) are written by the two
// builds, each in a stage of its own Astro process; the type check runs after them and
// only reads the types.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * One step: a name to report and the shell command it runs, the package's own npm script
 * wherever there is one (npm puts node_modules/.bin, with Node 24, on PATH).
 */
export interface Step {
  name: string;
  run: string;
}

/** The browser tests, the last stage: `bench:tests` runs them with a report of its own. */
export const BROWSER_TESTS: Step = { name: 'browser tests', run: 'npm run test:e2e' };

export const STAGES: Step[][] = [
  // Finds Chromium for the browser tests, installing Debian's package where there is none.
  [{ name: 'Chromium', run: 'npm run test:browser-setup' }],
  [
    { name: 'Prettier', run: 'prettier --check .' },
    // The second build, under /kurs/virtualisierung/, for the server and link checks.
    { name: 'sub-path build', run: 'npm run test:servers -- --build-sub' },
  ],
  [{ name: 'build, portable copy, SCORM packages', run: 'npm run build:scorm' }],
  [
    // The build has just written Astro's types: the check reads them and writes none.
    { name: 'types (astro check)', run: 'npm run check -- --noSync' },
    { name: 'unit tests', run: 'npm run test:unit' },
    { name: 'paraphrase check', run: 'npm run test:verbatim' },
    { name: 'HTML rules', run: 'npm run test:html' },
    { name: 'Nu HTML checker', run: 'npm run test:nu' },
    // The server and link checks use the sub-path build of the second stage (dist-sub/).
    {
      name: 'Apache and nginx, links',
      run: 'npm run test:servers -- --sub-built && npm run test:links',
    },
  ],
  [BROWSER_TESTS],
];

export const root = fileURLToPath(new URL('..', import.meta.url));

export interface StepResult {
  step: Step;
  ok: boolean;
  ms: number;
  /** stdout and stderr together, when the step's output was collected. */
  output: string;
}

/**
 * Runs one step. `live`: its output goes straight to this terminal; otherwise it is
 * collected and returned, so steps side by side do not interleave their lines.
 */
export function runStep(step: Step, live: boolean, env = process.env): Promise<StepResult> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('sh', ['-c', step.run], {
      cwd: root,
      env,
      stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      done({ step, ok: code === 0, ms: performance.now() - started, output }),
    );
  });
}
