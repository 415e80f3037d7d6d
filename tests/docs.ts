// The project's documentation as data: the README and docs/*.md, each split into prose and
// code, and the npm commands the code names. Read by tests/unit/docs.test.ts (links,
// anchors, scripts named) and scripts/docs-commands.ts (every command is run).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './steps.ts';

export { root };
export const readme = join(root, 'README.md');
const docsDir = join(root, 'docs');
export const documents = [
  readme,
  ...readdirSync(docsDir)
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(docsDir, name)),
];
export const name = (file: string) => relative(root, file);

/** A Markdown file split into its prose (code left out) and its code (fenced and inline). */
export interface Parsed {
  prose: string[];
  code: string[];
  headings: string[];
}

const parsed = new Map<string, Parsed>();
export function parse(file: string): Parsed {
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

/** One npm command as the documentation gives it. */
export interface Command {
  file: string;
  /** `run` for `npm run x`, empty for npm's own and the lifecycle scripts (`npm test`). */
  run: string;
  /** The script (or npm's own command): `build:scorm`, `test`, `ci`. */
  script: string;
  /** What follows `--`, as written: `--lang=en --mastery=70`; empty when nothing does. */
  args: string;
}

/** Every npm command in the documentation's code (a `# comment` after it left out). */
export function commands(): Command[] {
  const found: Command[] = [];
  for (const file of documents)
    for (const code of parse(file).code)
      // An inline span may wrap over a line break; a comment ends its line.
      for (const match of code
        .split('\n')
        .map((line) => line.replace(/\s#\s.*$/, ''))
        .join(' ')
        .matchAll(/\bnpm\s+(run\s+)?([a-z][\w:.-]*)(?:\s+--\s+([^&|;]*))?/g)) {
        const [, run = '', script = '', args = ''] = match;
        found.push({ file: name(file), run: run.trim(), script, args: args.trim() });
      }
  return found;
}
