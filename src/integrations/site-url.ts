// What the build writes depends on whether it knows the site's public address (`SITE_URL`,
// Astro's `site`). With it: canonical links, language alternates, sitemap.xml and its line
// in robots.txt, all absolute, and the addresses shown to readers start with it. Without it
// the build guesses no origin: it leaves those out, writes the addresses readers see as paths
// (each page puts in its own origin when it runs), and says so once.
import type { AstroIntegration } from 'astro';

export default function siteUrl(): AstroIntegration {
  return {
    name: 'site-url',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, logger }) => {
        if (config.site) {
          injectRoute({
            pattern: '/sitemap.xml',
            entrypoint: new URL('../routes/sitemap.xml.ts', import.meta.url),
          });
          return;
        }
        logger.warn(
          'SITE_URL is not set: no canonical or hreflang links, no sitemap.xml and no Sitemap line ' +
            'in robots.txt are written (they need the absolute address). Copy buttons, citations ' +
            'and embed snippets take the address from the page when it runs. To add them, build with ' +
            'the public origin, e.g. SITE_URL=https://www.example-university.de npm run build',
        );
      },
    },
  };
}
