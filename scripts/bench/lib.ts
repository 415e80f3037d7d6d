// Small helpers shared by the benchmark parts: running commands, sizes, tables.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Compressed size as a host sends it (zlib's default level). */
export const gzipSize = (data: string | Uint8Array): number => gzipSync(data).length;

/** Bytes as kilobytes (1 KB = 1,024 bytes), one decimal. */
export const kb = (bytes: number | undefined): string =>
  bytes === undefined ? '–' : (bytes / 1024).toFixed(1);

/** Bytes as megabytes, two decimals. */
export const mb = (bytes: number | undefined): string =>
  bytes === undefined ? '–' : (bytes / 1024 / 1024).toFixed(2);

/** Milliseconds as seconds, two decimals. */
export const sec = (ms: number | undefined): string =>
  ms === undefined ? '–' : (ms / 1000).toFixed(2);

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const at = (i: number): number => sorted[i] ?? NaN;
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
};

/** Total size of every file below `dir` (0 when it does not exist). */
export function dirSize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

/** Every page path (`/de/architecture/`) listed in a built sitemap. */
export function sitemapPaths(dist: string): string[] {
  const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
  echo?: boolean;
}

export interface RunResult {
  /** The exit code (null when a signal ended it, -1 when it could not start). */
  code: number | null;
  output: string;
  ms: number;
}

/** Runs a command; resolves with its exit code, output and wall-clock time. */
export function run(
  command: string,
  args: string[],
  { cwd, env, echo = false }: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    const take = (chunk: Buffer): void => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => resolve({ code, output, ms: performance.now() - started }));
    child.on('error', (error) => resolve({ code: -1, output: String(error), ms: 0 }));
  });
}

/** Everything the benchmark printed as its report, to be saved beside the JSON. */
export const printed: string[] = [];

/** Prints a part of the report (and keeps it for the saved copy). */
export function say(text: string): void {
  printed.push(text);
  console.log(text);
}

/** Prints rows as an aligned text table (numbers right-aligned) under a title. */
export function table(title: string, head: string[], rows: (string | number)[][]): void {
  const body = rows.map((row) => row.map(String));
  const cells = [head, ...body];
  const widths = head.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const numeric = head.map((_, i) => body.every((row) => /^[-–\d.,%×]*$/.test(row[i] ?? '')));
  const line = (row: string[]): string =>
    '| ' +
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join(' | ') +
    ' |';
  const rule =
    '|' +
    widths.map((w, i) => (numeric[i] ? '-'.repeat(w + 1) + ':' : '-'.repeat(w + 2))).join('|') +
    '|';
  say(`\n${title}\n\n${line(head)}\n${rule}\n${body.map(line).join('\n')}\n`);
}
