// The documentation stays usable: the README is a short front door, every relative link and
// anchor in it and in docs/ leads somewhere, and every npm command they name exists.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const readme = join(root, 'README.md');
const docsDir = join(root, 'docs');
const documents = [
  readme,
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docsDir, name)),
];
const name = (file: string) => relative(root, file);

/** A Markdown file split into its prose (code left out) and its code (fenced and inline). */
interface Parsed {
  prose: string[];
  code: string[];
  headings: string[];
}

const parsed = new Map<string, Parsed>();
function parse(file: string): Parsed {
  const known = parsed.get(file);
  if (known) return known;
  const prose: string[] = [];
  const code: string[] = [];
  const headings: string[] = [];
  let fence: string | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = undefined;
      else code.push(line);
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading?.[1]) headings.push(heading[1]);
    prose.push(line);
  }
  // Inline code may wrap over a line break; take it out of the prose as one span.
  const text = prose.join('\n');
  for (const span of text.matchAll(/`([^`]+)`/g)) code.push(span[1] ?? '');
  const result = { prose: [text.replace(/`[^`]+`/g, '')], code, headings };
  parsed.set(file, result);
  return result;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function slug(heading: string): string {
  return heading
    .replace(/<[^>]*>/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor of a file, with GitHub's -1, -2 … for repeated headings. */
function anchors(file: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of parse(file).headings) {
    const base = slug(heading);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

test('slugs follow GitHub: lower case, punctuation dropped, spaces to hyphens', () => {
  assert.equal(slug('Use it in Moodle / ILIAS (SCORM)'), 'use-it-in-moodle--ilias-scorm');
  assert.equal(slug('What `npm test` runs'), 'what-npm-test-runs');
  assert.equal(slug('Design: the reading experience'), 'design-the-reading-experience');
  assert.equal(slug('Apache 2.4'), 'apache-24');
});

test('the README is a front door of at most 150 lines', () => {
  const lines = readFileSync(readme, 'utf8').trimEnd().split('\n').length;
  assert.ok(lines <= 150, `README.md has ${lines} lines; move detail into docs/ (at most 150)`);
});

test('every relative link and anchor in the README and docs/ resolves', () => {
  const broken: string[] = [];
  let links = 0;
  for (const file of documents) {
    for (const text of parse(file).prose) {
      for (const match of text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        const target = match[1] ?? '';
        if (/^[a-z][a-z\d+.-]*:/i.test(target)) continue; // https:, mailto: …
        links++;
        const [path, anchor] = target.split('#', 2) as [string, string | undefined];
        const linked = path === '' ? file : join(path.startsWith('/') ? root : dirname(file), path);
        if (!existsSync(linked)) {
          broken.push(`${name(file)}: ${target} (no file ${name(linked)})`);
          continue;
        }
        if (anchor === undefined) continue;
        if (statSync(linked).isDirectory() || !linked.endsWith('.md')) {
          broken.push(`${name(file)}: ${target} (an anchor into a file that is not Markdown)`);
        } else if (!anchors(linked).has(decodeURIComponent(anchor))) {
          broken.push(`${name(file)}: ${target} (no heading with that anchor in ${name(linked)})`);
        }
      }
    }
  }
  assert.ok(links > 0, 'no relative links found: the link check reads nothing');
  assert.deepEqual(broken, [], `broken links:\n${broken.join('\n')}`);
});

test('every npm command in the README and docs/ names a script of package.json', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const scripts = new Set(Object.keys(pkg.scripts));
  const npmOwn = new Set(['ci', 'install']); // npm's own commands, no script
  const unknown: string[] = [];
  let commands = 0;
  for (const file of documents) {
    for (const code of parse(file).code) {
      for (const match of code.matchAll(/\bnpm\s+(run\s+)?([a-z][\w:.-]*)/g)) {
        const [, run, command] = match as unknown as [string, string | undefined, string];
        commands++;
        const ok = scripts.has(command) || (!run && npmOwn.has(command));
        if (!ok) unknown.push(`${name(file)}: npm ${run ? 'run ' : ''}${command}`);
      }
    }
  }
  assert.ok(commands > 0, 'no npm commands found: the check reads nothing');
  assert.deepEqual(
    unknown,
    [],
    `npm commands without a script in package.json:\n${unknown.join('\n')}`,
  );
});
