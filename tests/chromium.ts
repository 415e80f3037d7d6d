// Finds the Chromium the browser tests and the benchmarks drive, in this order:
// $CHROMIUM_PATH (or $CHROME_PATH), Debian's /usr/bin/chromium, Playwright's own download.
// `npm run test:browser-setup` (scripts/chromium.ts) installs Debian's package when none is found.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';

/** Where Debian's `chromium` package puts the browser. */
export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The path of a usable Chromium, or undefined. */
export function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'] || process.env['CHROME_PATH'];
  if (fromEnv) return executable(fromEnv) ? fromEnv : undefined;
  if (executable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core') as {
      chromium: { executablePath(): string };
    };
    const own = chromium.executablePath();
    if (own && executable(own)) return own;
  } catch {
    // playwright-core not installed yet, or no browser of its own: fall through.
  }
  return undefined;
}

/** The path of a usable Chromium; throws, saying how to get one, when there is none. */
export function requireChromium(): string {
  const path = findChromium();
  if (!path) throw new Error('No Chromium found: run `npm run test:browser-setup`.');
  return path;
}

/**
 * Flags for a headless Chromium on a closed network, run as root in a container. No host
 * name resolves except localhost, so nothing a page asks for can leave the machine (the
 * browser tests also fail on any request to another origin: tests/e2e/fixtures.ts).
 */
export const chromiumArgs = [
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

/**
 * Features Playwright turns off (its list in playwright-core 1.65), then three more that make
 * every new page cheaper in Debian's full Chromium: each tab otherwise starts two hidden
 * omnibox pop-up pages (chrome://omnibox-popup.top-chrome, each its own renderer) and a spare
 * renderer kept for the next navigation. Together they cost about 0.45 s of CPU per test.
 * Chromium honours only the last --disable-features switch, so the list repeats Playwright's.
 */
const DISABLED_FEATURES = [
  ...['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades'],
  ...['HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding'],
  ...['ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect'],
  ...['TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying'],
  ...['AimEnabled', 'PreconnectToSearch'],
  ...['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'SpareRendererForSitePerProcess'],
];

/**
 * The flags for the browser tests and the server sweep (benchmarks keep a stock browser).
 * V8 stops at its baseline compiler (`--max-opt=1`): a test page lives for a second or two,
 * and compiling its hot code again with Maglev and TurboFan in the background (axe's above
 * all, on every page it checks) cost more processor time than the faster code saved, about
 * a sixth of the browser's work. What the code does is the same at every tier.
 */
export const playwrightArgs = [
  ...chromiumArgs,
  `--disable-features=${DISABLED_FEATURES.join(',')}`,
  '--js-flags=--max-opt=1',
];
