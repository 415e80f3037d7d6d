// Validates every HTML file of the built site (dist/) with html-validate, configured by
// .htmlvalidate.mjs (its recommended rules). Zero errors, or the run fails.
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory, type Result } from 'html-validate';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const files = (await readdir(dist, { recursive: true }))
  .filter((file) => file.endsWith('.html'))
  .map((file) => join(dist, file))
  .sort();
if (files.length === 0) throw new Error('dist/ holds no HTML: run `npm run build` first');

const validator = new HtmlValidate(new FileSystemConfigLoader());
const results: Result[] = [];
let errors = 0;
for (const file of files) {
  const report = await validator.validateFile(file);
  errors += report.errorCount;
  results.push(...report.results);
}
if (results.length > 0) console.log(formatterFactory('stylish')(results));
console.log(`html-validate: ${files.length} pages, ${errors} errors`);
if (errors > 0) process.exitCode = 1;
