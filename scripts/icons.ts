// The app icons of the web app manifests (public/icon-192.png, public/icon-512.png),
// rendered once from public/favicon.svg in Chromium and committed: Chrome asks for a PNG
// icon of at least 144 px before it offers to install a site. Run again only when the
// favicon changes:
//
//   npx node scripts/icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ICONS } from '../src/lib/offline.ts';
import { playwrightArgs, requireChromium } from '../tests/chromium.ts';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: requireChromium(), args: playwrightArgs });
for (const { file, size } of ICONS) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  // The drawing scaled to the whole square; its own rounded corners stay transparent.
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
  );
  await page.screenshot({ path: `public/${file}`, omitBackground: true });
  await page.close();
  console.log(`public/${file}: ${size} × ${size}`);
}
await browser.close();
