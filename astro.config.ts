// Site configuration. `SITE_URL` and `BASE_PATH` come from the environment so the same
// sources build for a local preview (defaults), a domain root or a sub-path of a server.
// Without `SITE_URL` the build knows no origin and writes none (src/integrations/site-url.ts).
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import cspPerPage from './src/integrations/csp-per-page.ts';
import serverConfig from './src/integrations/server-config.ts';
import offline from './src/integrations/offline.ts';
import siteUrl from './src/integrations/site-url.ts';
import { onLog } from './src/integrations/build-log.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { formsOf, glossaryLinks } from './src/lib/glossary-links.ts';

/** Glossary terms for the plugin that links each term's first use on a page. */
const glossary = (
  parse(readFileSync(new URL('./src/content/glossary.yaml', import.meta.url), 'utf8')) as {
    id: string;
    term: { de: string; en: string };
  }[]
).map((entry) => formsOf(entry.id, entry.term));
import searchIndex from './src/integrations/search-index.ts';
import projectorData from './src/integrations/projector-data.ts';

const site = process.env['SITE_URL'];

/** Writes the site's origin into the print stylesheet, which prints links as full URLs. */
const printOrigin = {
  name: 'print-origin',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    if (!id.split('?')[0]?.endsWith('/src/styles/print.css')) return undefined;
    return code.replace("'SITE_ORIGIN'", JSON.stringify(site ? new URL(site).origin : ''));
  },
};

/**
 * Puts the cascade layer order (src/styles/layers.css) at the head of every stylesheet of
 * the site's own. The bundler splits and orders CSS by the components that import it, so
 * the file that declares the order is not always the first a page links; a stylesheet
 * opening with `@layer components { … }` would otherwise rank that layer lowest of all,
 * below the reset (paragraphs lost their spacing that way).
 */
const layerOrder = {
  name: 'layer-order',
  enforce: 'pre' as const,
  transform(code: string, id: string) {
    const file = id.split('?')[0] ?? '';
    const css = id.endsWith('.css') || /[?&]lang\.css$/.test(id);
    if (!css || !file.includes('/src/') || file.endsWith('/src/styles/print.css')) return undefined;
    const order = readFileSync(new URL('./src/styles/layers.css', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('@layer'))
      .join('');
    return { code: `${order}\n${code}`, map: null };
  },
};

export default defineConfig({
  ...(site ? { site } : {}),
  base: process.env['BASE_PATH'] ?? '/',
  // Every page is a folder with an index.html, linked with a trailing slash; a pasted
  // link without the slash (/de/architecture) still works.
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // MDX runs through Astro's default Markdown processor (Sätteri); its hast plugin links
  // the first use of each glossary term on a page to the term's entry. When the pages are
  // written, the search indexes are built, then the offline copy's worker, manifests and
  // listings, and the server configuration files, all for the build's base.
  integrations: [
    mdx({ processor: satteri({ hastPlugins: [glossaryLinks(glossary)] }) }),
    siteUrl(),
    cspPerPage(),
    searchIndex(),
    offline(),
    serverConfig(),
  ],
  // A strict Content Security Policy in a <meta> of every page: Astro adds the hashes of
  // the scripts and styles it inlines; nothing else runs. 'wasm-unsafe-eval' lets search
  // start its WebAssembly; img-src data: is for the search UI's icons. Headers that a
  // <meta> cannot carry (frame-ancestors and friends) are in public/_headers & co.
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
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
  // Astro highlights no Markdown code: the pages have no fenced code, and its Shiki would
  // write inline styles the CSP forbids (Astro warns of that). The code the site shows
  // (embed snippets, BibTeX) is highlighted by src/lib/highlight.ts, with classes instead.
  markdown: { syntaxHighlight: false },
  // Scripts are files, never inlined: the HTML stays small, the browser caches them across
  // pages, and the CSP lists few hashes.
  // The print stylesheet learns the origin it prints before each link's path.
  // The build log leaves out one upstream warning, printed for every MDX page: the
  // MODULE_LEVEL_DIRECTIVE warning about "use astro:head-inject" (withastro/astro#18087;
  // src/integrations/build-log.ts). Every other warning is shown.
  // The page's own address (lib/live-address.ts with lib/urls.ts) is one file: every figure
  // and copy button needs both, and apart, urls.ts would be a file of its own on every figure
  // page (the offline control imports it alone), a request and ~90 B gzip more.
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        onLog,
        output: {
          codeSplitting: {
            groups: [{ name: 'live-address', test: /\/src\/lib\/(live-address|urls)\.ts$/ }],
          },
        },
      },
    },
    plugins: [printOrigin, layerOrder, projectorData()],
  },
  // No dev toolbar, no telemetry-style extras: the site talks to its own origin only.
  devToolbar: { enabled: false },
});
