// `npm run build:publish` (Netlify) or `npm run build:publish -- --cloudflare`: the folder to
// give Netlify or Cloudflare Pages, `dist-publish/`,
// made from the production build in `dist/` (src/lib/server-config.ts, `publishPlan`): the
// site at its base, `_headers` and `_redirects` at the root, no `.htaccess` or `web.config`
// (both hosts serve every file they are given), and under a sub-path the not-found page also
// at the root. `dist/` is left as it is, for Apache, nginx and IIS.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesBelow } from '../src/lib/files-below.ts';
import { publishPlan } from '../src/lib/server-config.ts';
import { builtBase } from '../tests/site-pages.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const out = join(root, 'dist-publish');
const base = builtBase(new URL('../dist/', import.meta.url));
const files = filesBelow(dist);
await rm(out, { recursive: true, force: true });
const host = process.argv.includes('--cloudflare') ? 'cloudflare' : 'netlify';
const plan = publishPlan(base, files, host);
for (const [from, to] of plan) {
  await mkdir(dirname(join(out, to)), { recursive: true });
  await copyFile(join(dist, from), join(out, to));
}
const copied = new Set(plan.map(([from]) => from));
const left = files.filter((f) => !copied.has(f));
console.log(
  `dist-publish/: ${plan.length} files for ${host}, base ${base}; publish this folder (left out: ${left.join(', ')})`,
);
