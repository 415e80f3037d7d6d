// Checks every built page (dist/**/*.html) with the W3C Nu HTML checker (the npm package
// vnu-jar, run with the machine's Java). Zero errors, and no warning except those accepted
// below, each with its reason; anything else fails the run.
// `node scripts/validate-nu.ts` after `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const jar = `${root}node_modules/vnu-jar/build/dist/vnu.jar`;

/** Warnings that are accepted, and why: each is a limit of checking files from disk. */
const ACCEPTED: { message: RegExp; reason: string }[] = [
  {
    message:
      /^Resource violates Content Security Policy \(meta tag\): external (script|stylesheet)/,
    reason:
      "the checker reads files from disk, where 'self' matches no origin; served over HTTP the " +
      'same files load (tests/e2e/hosting.spec.ts fails on any CSP violation in Chromium)',
  },
  {
    message: /^Inline script violates Content Security Policy \(meta tag\)/,
    reason:
      'the checker does not compute the SHA-256 hashes Astro writes into script-src; Chromium ' +
      'does and runs the inline script (hosting.spec.ts fails on any CSP violation)',
  },
];

if (!existsSync(dist)) {
  console.error('validate-nu: no dist/ – run `npm run build` first');
  process.exit(1);
}
if (!existsSync(jar)) {
  console.error('validate-nu: vnu-jar is missing – run `npm ci`');
  process.exit(1);
}
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) {
  console.error(
    'validate-nu: the Nu HTML checker needs Java 11 or newer, and `java` was not found.\n' +
      '  Debian/Ubuntu: apt-get install -y default-jre-headless\n' +
      '  macOS: brew install openjdk;  Windows: winget install Microsoft.OpenJDK.17',
  );
  process.exit(1);
}

const files = readdirSync(dist, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.html'))
  .sort()
  .map((file) => dist + file);

const run = spawnSync('java', ['-jar', jar, '--format', 'json', '--stdout', ...files], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error || !run.stdout) {
  console.error(`validate-nu: the checker did not run: ${run.error?.message ?? run.stderr}`);
  process.exit(1);
}

interface Message {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}
const { messages } = JSON.parse(run.stdout) as { messages: Message[] };
const where = (m: Message) => `${(m.url ?? '').replace(/^.*\/dist\//, 'dist/')}:${m.lastLine ?? 0}`;

const errors = messages.filter((m) => m.type !== 'info');
const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
const accepted = new Map<string, number>();
const unaccepted: Message[] = [];
for (const warning of warnings) {
  const rule = ACCEPTED.find((a) => a.message.test(warning.message));
  if (rule) accepted.set(rule.reason, (accepted.get(rule.reason) ?? 0) + 1);
  else unaccepted.push(warning);
}

for (const m of [...errors, ...unaccepted])
  console.log(`${where(m)}  ${m.type === 'info' ? 'warning' : 'error'}: ${m.message}`);
for (const [reason, count] of accepted) console.log(`accepted warning ×${count}: ${reason}`);
console.log(
  `Nu HTML checker: ${files.length} pages, ${errors.length} errors, ` +
    `${unaccepted.length} warnings not accepted, ${warnings.length - unaccepted.length} accepted`,
);
if (errors.length + unaccepted.length > 0) process.exitCode = 1;
