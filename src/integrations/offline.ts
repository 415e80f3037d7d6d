// Writes the offline copy's files into the build output, for this build's `base`: the web
// app manifests, the listings the "Keep for offline reading" control reads, and the service
// worker (src/lib/offline-build.ts). It runs after the search index, whose files each
// language's copy holds, and before the server files, which must know its folder.
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { writeOffline } from '../lib/offline-build.ts';

export default function offline(): AstroIntegration {
  let base = '/';
  return {
    name: 'offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { version, langs } = await writeOffline(fileURLToPath(dir), base);
        const sizes = Object.entries(langs)
          .map(([lang, l]) => `${lang}: ${l.files} files, ${(l.bytes / 1e6).toFixed(2)} MB`)
          .join('; ');
        logger.info(`offline copy ${version} (${sizes}), sw.js and manifests written`);
      },
    },
  };
}
