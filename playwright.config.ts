// Browser tests run against the production build, served by tests/static-server.ts (a plain
// static server, as a host without rewrites would serve it), in a
// Chromium found by tests/chromium.ts (Debian's by default; nothing is downloaded).
// One server for the whole run; every test may run beside any other, one worker per core.
import { defineConfig } from '@playwright/test';
import { availableParallelism } from 'node:os';
import { playwrightArgs, findChromium } from './tests/chromium.ts';

const port = Number(process.env['PORT'] ?? 4321);
const executablePath = findChromium();
if (!executablePath) throw new Error('No Chromium found: run `npm run test:browser-setup`.');

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env['CI'],
  retries: 0,
  fullyParallel: true,
  workers: availableParallelism(),
  reporter: [['list']],
  // Conditions are waited for, never fixed delays; a busy 2-core machine may need a while.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath, args: playwrightArgs },
    trace: 'off',
    // Checks measure a view once it has settled: a transition still running would show axe and
    // the layout checks a colour or a position between two views. Motion is CSS only (the
    // diagrams' transitions, smooth scrolling); diagrams.spec.ts checks it both ways.
    reducedMotion: 'reduce',
    // A worker keeps one browser context and page from test to test, and Playwright resets
    // them in between: cookies, storage of every kind, cache and service workers cleared,
    // routes, init scripts, emulation and viewport back to these defaults, the page on
    // about:blank. What stays is what no test here depends on: clipboard permissions a test
    // granted, the tab's history and window.name. A test that asks for another kind of
    // context (no JavaScript, touch, a locale, another origin) gets a fresh one. A new context
    // and window for each of the ~100 tests cost about 30 s of processor time per run.
    reuseContext: true,
  },
  webServer: {
    command: `node tests/static-server.ts dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env['CI'],
    timeout: 30_000,
  },
});
