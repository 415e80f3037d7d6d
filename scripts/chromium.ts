#!/usr/bin/env node
// `npm run test:browser-setup`: makes sure the browser tests have a Chromium (see
// tests/chromium.ts for where it is looked for). When none is found it installs Debian's
// `chromium` package if it can (root with apt-get), and otherwise stops with a message
// saying what to install.
import { execFileSync, spawnSync } from 'node:child_process';
import { DEBIAN_CHROMIUM, executable, findChromium } from '../tests/chromium.ts';

function install(): boolean {
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
  return executable(DEBIAN_CHROMIUM);
}

const found = findChromium() ?? (install() ? DEBIAN_CHROMIUM : undefined);
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
