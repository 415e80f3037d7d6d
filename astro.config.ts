// Site configuration. `SITE_URL` and `BASE_PATH` come from the environment so the same
// sources build for a local preview (defaults), a domain root or a sub-path of a server.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import searchIndex from './scripts/search-index.mjs';

export default defineConfig({
  site: process.env['SITE_URL'] ?? 'http://localhost:4321',
  base: process.env['BASE_PATH'] ?? '/',
  // Every page is a folder with an index.html, linked with a trailing slash; a pasted
  // link without the slash (/de/architecture) still works.
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx(), searchIndex()],
  // A strict Content Security Policy in a <meta> of every page: Astro adds the hashes of
  // the scripts and styles it inlines; nothing else runs. 'wasm-unsafe-eval' lets search
  // start its WebAssembly; img-src data: is for the search UI's icons. Headers that a
  // <meta> cannot carry (frame-ancestors and friends) are in public/_headers & co.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // No dev toolbar, no telemetry-style extras: the site talks to its own origin only.
  devToolbar: { enabled: false },
});
