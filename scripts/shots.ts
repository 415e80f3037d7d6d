// `npm run shots`: screenshots of the built site as readers meet it, to look at before a
// change lands. Every page of both languages at 390 and 1280 px wide, light and dark (the
// first screen and the whole page), then every figure in each of its views and in projector
// mode, a section's QR code and the offline copy's panel. Written to
// shots/ (ignored by git); the build in dist/ is used as it is, so build first.
//
//   npm run shots                  everything
//   npm run shots -- io-drivers    only pages and figures whose path or name holds the word
import { mkdir, rm } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { playwrightArgs, requireChromium } from '../tests/chromium.ts';
import { serveStatic } from '../tests/static-server.ts';
import { topicPages } from '../tests/site-pages.ts';

const OUT = new URL('../shots/', import.meta.url);
const only = process.argv[2] ?? '';

/** Every view of each figure, as the fragment that opens it. */
const VIEWS: Record<string, string[]> = {
  'layer-stack': [
    'both',
    'bare-metal',
    'hosted',
    'hosted,layer=vmm',
    'both,layer=hardware',
    'bare-metal,layer=vm',
  ],
  'io-path': ['bare-metal', 'bare-metal,step=3', 'hosted,step=2', 'hosted,op=net,step=4'],
  'device-sharing': ['1', '2', '3', '8'],
  'architecture-fit': ['----', 'y---', 'yyyy', 'nnnn', 'y-n-'],
};

const pages = [
  ...topicPages().map((p) => p.path),
  '/de/search/?q=Treiber',
  '/en/search/?q=%3Cb%3Edriver%3C%2Fb%3E',
  '/no/such/page/',
  ...Object.keys(VIEWS).flatMap((d) => [`/de/embed/${d}/`, `/en/embed/${d}/`]),
].filter((p) => p.includes(only));

const name = (path: string) => path.replace(/^\/|\/$/g, '').replace(/[^a-z0-9-]+/gi, '_') || 'root';

const server = await serveStatic('dist', '/');
const browser = await chromium.launch({ executablePath: requireChromium(), args: playwrightArgs });
await rm(OUT, { recursive: true, force: true });
await mkdir(OUT, { recursive: true });
let count = 0;
try {
  for (const scheme of ['light', 'dark'] as const)
    for (const width of [390, 1280]) {
      const context = await browser.newContext({
        viewport: { width, height: width < 600 ? 844 : 900 },
        colorScheme: scheme,
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(server.origin + path);
        const file = `${name(path)}-${width}-${scheme}`;
        await page.screenshot({ path: new URL(`${file}.png`, OUT).pathname });
        await page.screenshot({ path: new URL(`${file}-full.png`, OUT).pathname, fullPage: true });
        count += 2;
      }
      // Figures, view by view, on the page that teaches them.
      for (const [diagram, views] of Object.entries(VIEWS)) {
        if (only && !diagram.includes(only) && !pages.some((p) => p.includes(diagram))) continue;
        await page.goto(`${server.origin}/en/embed/${diagram}/`);
        for (const view of views) {
          await page.goto(`${server.origin}/en/embed/${diagram}/#${diagram}=${view}`);
          await page.waitForSelector('figure[data-enhanced]');
          const figure = page.locator('.diagram-host').first();
          await figure.screenshot({
            path: new URL(`figure-${diagram}-${name(view)}-${width}-${scheme}.png`, OUT).pathname,
          });
          count += 1;
        }
        // Projector mode at its second tour step, as a room sees it (the window's viewport
        // stands in for the screen: the overlay fills it as full screen would).
        await page.goto(`${server.origin}/en/embed/${diagram}/`);
        await page.getByRole('button', { name: 'Present' }).click();
        await page.keyboard.press('PageDown');
        await page.screenshot({
          path: new URL(`projector-${diagram}-${width}-${scheme}.png`, OUT).pathname,
        });
        await page.keyboard.press('Escape');
        count += 1;
      }
      // The panels a reader opens: a section's QR code and the offline copy's control.
      if ('/en/'.includes(only) || 'qr offline'.includes(only)) {
        await page.goto(`${server.origin}/en/`);
        await page.locator('.heading [data-qr]').first().click();
        await page.locator('dialog.qr-dialog[open] svg').waitFor();
        await page.screenshot({ path: new URL(`qr-${width}-${scheme}.png`, OUT).pathname });
        await page.keyboard.press('Escape');
        await page.locator('offline-copy button').first().click();
        await page
          .locator('offline-copy')
          .getByRole('button', { name: /^Download/ })
          .waitFor();
        await page.locator('offline-copy').scrollIntoViewIfNeeded();
        await page.screenshot({ path: new URL(`offline-${width}-${scheme}.png`, OUT).pathname });
        count += 2;
      }
      await context.close();
    }
} finally {
  await browser.close();
  await server.close();
}
console.log(`shots: ${count} screenshots in ${OUT.pathname}`);
