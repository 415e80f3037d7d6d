// Regenerates tests/permalinks.json from the built site (dist/): run after adding pages or
// headings on purpose (`npm run build && npm run permalinks:update`), and commit the file.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { collect, diff, type Permalinks } from '../tests/permalinks.ts';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const file = fileURLToPath(new URL('../tests/permalinks.json', import.meta.url));
if (!existsSync(dist)) throw new Error('permalinks: no dist/ – run `npm run build` first');

const actual = collect(dist);
const before: Permalinks = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
// Formatted as the repository's Prettier check expects.
const options = (await resolveConfig(file)) ?? {};
writeFileSync(file, await format(JSON.stringify(actual), { ...options, filepath: file }));
const changes = diff(before, actual);
console.log(
  changes ? `permalinks: updated tests/permalinks.json\n${changes}` : 'permalinks: unchanged',
);
