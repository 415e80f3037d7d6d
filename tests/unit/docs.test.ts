// The documentation stays usable: the README is a short front door, every relative link and
// anchor in it and in docs/ leads somewhere, and every npm command they name exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { commands, documents, name, parse, readme, root } from '../docs.ts';

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
  const found = commands();
  const unknown = found
    .filter(({ run, script }) => !scripts.has(script) && (run || !npmOwn.has(script)))
    .map(({ file, run, script }) => `${file}: npm ${run ? 'run ' : ''}${script}`);
  assert.ok(found.length > 0, 'no npm commands found: the check reads nothing');
  assert.deepEqual(
    unknown,
    [],
    `npm commands without a script in package.json:\n${unknown.join('\n')}`,
  );
});
