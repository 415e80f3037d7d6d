// After the build: each page's policy keeps only the hashes of its own inline code
// (src/lib/csp.ts).
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trimPolicy } from '../lib/csp.ts';

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? htmlFiles(join(dir, entry.name))
      : entry.name.endsWith('.html')
        ? [join(dir, entry.name)]
        : [],
  );

export default function cspPerPage(): AstroIntegration {
  return {
    name: 'csp-per-page',
    hooks: {
      'astro:build:done': ({ dir }) => {
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const trimmed = trimPolicy(html);
          if (trimmed !== html) writeFileSync(file, trimmed);
        }
      },
    },
  };
}
