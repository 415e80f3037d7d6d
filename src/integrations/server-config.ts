// Writes the web server configuration into the build output, for this build's `base`:
// `_headers` (Netlify, Cloudflare Pages), `.htaccess` (Apache) and `web.config` (IIS).
// Generated rather than copied from public/, because their paths (the not-found page, the
// embed pages, the list of pages) must carry the base the site is built for.
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { headersFile, htaccess, webConfig } from '../lib/server-config.ts';

export default function serverConfig(): AstroIntegration {
  let base = '/';
  return {
    name: 'server-config',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        // Pages as served: `de/architecture/`; the 404 page is reached by the server's rule.
        const paths = pages.map((p) => p.pathname).filter((p) => !/^404\/?$/.test(p));
        const files: [string, string][] = [
          ['_headers', headersFile(base, paths)],
          ['.htaccess', htaccess(base)],
          ['web.config', webConfig(base)],
        ];
        await Promise.all(files.map(([name, text]) => writeFile(new URL(name, dir), text, 'utf8')));
        logger.info(`${files.map(([name]) => name).join(', ')} written for base ${base}`);
      },
    },
  };
}
