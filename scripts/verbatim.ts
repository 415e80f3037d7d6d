#!/usr/bin/env node
// Paraphrase guard: runs the team's shared checker (../shared/tools/verbatim-check.mjs,
// which holds the article) over the sources, the built site, the README and docs/. Fails on
// any run of 6+ words copied from the article. The checker lives beside the project, not in
// it: the repository must not contain the article's text.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const checker = fileURLToPath(new URL('../../shared/tools/verbatim-check.mjs', import.meta.url));
if (!existsSync(checker)) {
  console.warn(`verbatim: skipped, the shared checker is not at ${checker}`);
  process.exit(0);
}
const paths = ['src', 'dist', 'README.md', 'docs'].filter((p) => existsSync(p));
const { status } = spawnSync(process.execPath, [checker, ...paths], { stdio: 'inherit' });
process.exit(status ?? 1);
