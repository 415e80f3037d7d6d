// Validates every HTML file of the built site (dist/) with html-validate. Zero errors, or
// the run fails.
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  HtmlValidate,
  StaticConfigLoader,
  defineConfig,
  formatterFactory,
  type Result,
} from 'html-validate';

// The recommended rules. One is made stricter for the Content Security Policy: no inline
// style attribute at all (the rule's default would allow `display`). One is narrowed, with
// its reason beside it.
const config = defineConfig({
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    'no-inline-style': ['error', { allowedProperties: [] }],
    // The diagrams' choices and switches are <button role="radio"> / role="switch", the
    // WAI-ARIA Authoring Practices patterns: their state lives in aria-checked (which the
    // diagrams' URL state and tests read) and Enter/Space/arrow keys act on them as the
    // patterns prescribe. Every other role must still use its native element.
    'prefer-native-element': ['error', { exclude: ['radio', 'switch'] }],
  },
});

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

const files = (await readdir(dist, { recursive: true }))
  .filter((file) => file.endsWith('.html'))
  .map((file) => join(dist, file))
  .sort();
if (files.length === 0) throw new Error('dist/ holds no HTML: run `npm run build` first');

const validator = new HtmlValidate(new StaticConfigLoader(config));
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
