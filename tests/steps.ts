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
  /**
   * Lines the step's output must not hold: the step fails on one even when its command
   * passed (each with why it must not be there).
   */
  forbid?: { pattern: RegExp; why: string }[];
}

/**
 * What a clean build log leaves out: the upstream warning astro.config.ts filters (one per
 * MDX page, withastro/astro#18087), and Astro's warning that Shiki's inline styles break
 * the CSP (Markdown highlighting is off; the site highlights with classes). A warning that
 * comes back means the filter or the setting no longer works.
 */
export const CLEAN_BUILD: NonNullable<Step['forbid']> = [
  {
    pattern: /MODULE_LEVEL_DIRECTIVE/,
    why: 'the upstream head-inject warning is filtered (src/integrations/build-log.ts)',
  },
  {
    pattern: /Shiki syntax highlighting uses inline styles/,
    why: 'Markdown highlighting is off (astro.config.ts markdown.syntaxHighlight)',
  },
];

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
  // Its log is checked: no warning in it that has no meaning (CLEAN_BUILD).
  [
    {
      name: 'build, portable copy, SCORM packages, publish folder',
      // The publish folder for Netlify and Cloudflare (docs/hosting.md) is made from this
      // build, so the command the docs give is run and its result checked (server-config.test.ts).
      // The documented variants run first (a package in English with a mastery score,
      // the Cloudflare folder); the defaults the tests read are made last.
      run:
        'npm run build:scorm -- --lang=en --mastery=70 && node scripts/scorm.ts' +
        ' && node scripts/publish.ts --cloudflare && node scripts/publish.ts',
      forbid: CLEAN_BUILD,
    },
  ],
  [
    // The build has just written Astro's types: the check reads them and writes none. Then
    // every command the README and docs/ give that no other step runs (the development
    // server writes the types again, so it waits for the check).
    {
      name: "types (astro check), the docs' commands",
      run: 'npm run check -- --noSync && node scripts/docs-commands.ts',
    },
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

/** The lines of `output` that `step` forbids, each with why. */
export function forbidden(step: Step, output: string): string[] {
  return (step.forbid ?? []).flatMap(({ pattern, why }) =>
    output
      .split('\n')
      .filter((line) => pattern.test(line))
      .slice(0, 1)
      .map((line) => `forbidden in the output (${why}): ${line.trim()}`),
  );
}

/**
 * Runs one step. `live`: its output goes straight to this terminal as it comes (and is
 * collected too); otherwise it is collected and returned, so steps side by side do not
 * interleave their lines. A step that passes fails after all when its output holds a line
 * it forbids.
 */
export function runStep(step: Step, live: boolean, env = process.env): Promise<StepResult> {
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn('sh', ['-c', step.run], {
      cwd: root,
      // Piped, the tools would drop their colours for a terminal that has them.
      env: live && process.stdout.isTTY ? { FORCE_COLOR: '1', ...env } : env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (live) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (live) process.stderr.write(chunk);
    });
    child.on('close', (code) => {
      const found = forbidden(step, output);
      if (live) for (const line of found) console.error(line);
      else if (found.length) output += `\n${found.join('\n')}\n`;
      done({ step, ok: code === 0 && !found.length, ms: performance.now() - started, output });
    });
  });
}
