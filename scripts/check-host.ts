// `npm run check:host -- <URL>`: the hosting check an administrator runs against their own
// deployment (src/lib/host-check.ts). Give the site's root URL, with its sub-path if it has
// one; it prints a table and exits with 1 when an area fails.
//
//   npm run check:host -- https://www.example-university.de/kurs/virtualisierung/
import { checkHost, formatTable } from '../src/lib/host-check.ts';

const url = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
if (!url || !/^https?:\/\//.test(url)) {
  console.error('usage: npm run check:host -- https://host/path/to/the/site/');
  process.exit(2);
}
const rows = await checkHost(url);
console.log(`Hosting check of ${url}\n\n${formatTable(rows)}`);
if (rows.some((row) => row.verdict === 'fail')) process.exitCode = 1;
