// Site configuration. `SITE_URL` and `BASE_PATH` come from the environment so the same
// sources build for a local preview (defaults), a domain root or a sub-path of a server.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env['SITE_URL'] ?? 'http://localhost:4321',
  base: process.env['BASE_PATH'] ?? '/',
  // Every page is a folder with an index.html, linked with a trailing slash; a pasted
  // link without the slash (/de/architecture) still works.
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [mdx()],
  // No dev toolbar, no telemetry-style extras: the site talks to its own origin only.
  devToolbar: { enabled: false },
});
