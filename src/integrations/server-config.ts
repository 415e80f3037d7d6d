// Writes the web server configuration into the build output, for this build's `base`:
// `_headers` (Netlify, Cloudflare Pages), `_redirects` (Netlify, under a sub-path only),
// `.htaccess` (Apache) and `web.config` (IIS). Generated rather than copied from public/,
// because their paths (the not-found page, the embed pages) must carry the base the site
// is built for.
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { filesBelow } from '../lib/files-below.ts';
import {
  foldersWithoutIndex,
  headersFile,
  htaccess,
  redirectsFile,
  webConfig,
} from '../lib/server-config.ts';

export default function serverConfig(): AstroIntegration {
  let base = '/';
  return {
    name: 'server-config',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const redirects = redirectsFile(base);
        // Folders a server would list (`_astro/`, `pagefind/`, `<lang>/embed/`, …).
        const out = fileURLToPath(dir);
        const files = filesBelow(out);
        const written: [string, string][] = [
          ['_headers', headersFile(base)],
          ...(redirects ? [['_redirects', redirects] as [string, string]] : []),
          ['.htaccess', htaccess(base, foldersWithoutIndex(files))],
          ['web.config', webConfig(base)],
        ];
        await Promise.all(
          written.map(([name, text]) => writeFile(new URL(name, dir), text, 'utf8')),
        );
        logger.info(`${written.map(([name]) => name).join(', ')} written for base ${base}`);
      },
    },
  };
}
