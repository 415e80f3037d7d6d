#!/usr/bin/env node
// Finds the Chromium the browser tests drive, in this order: $CHROMIUM_PATH (or
// $CHROME_PATH), Debian's /usr/bin/chromium, Playwright's own download. Run as a script it
// installs Debian's `chromium` package when none is found and it can (root with apt-get),
// and otherwise stops with a message saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const DEBIAN = '/usr/bin/chromium';

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The path of a usable Chromium, or undefined. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined;
  if (executable(DEBIAN)) return DEBIAN;
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    const own = chromium.executablePath();
    if (own && executable(own)) return own;
  } catch {
    // playwright-core not installed yet, or no browser of its own: fall through.
  }
  return undefined;
}

/** Flags for a headless Chromium on a closed network, run as root in a container. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

function install() {
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return false;
  console.log('chromium: not found; installing Debian\'s "chromium" package with apt-get …');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
  } catch {
    return false;
  }
  return executable(DEBIAN);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const found = findChromium() ?? (install() ? DEBIAN : undefined);
  if (!found) {
    console.error(
      [
        'chromium: no Chromium found for the browser tests.',
        "  Install Debian's package:   sudo apt-get install chromium",
        '  or point to one you have:  CHROMIUM_PATH=/path/to/chromium npm test',
        '(`npx playwright install` needs the internet, which this setup does not assume.)',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`chromium: ${found}`);
}
