// A build writes no origin of its own that it was not given: over every text file of dist/
// (and dist-sub/, the sub-path build of scripts/test-servers.ts, when present), no
// `localhost`, and without SITE_URL no canonical link, no hreflang alternate, no sitemap.
// With SITE_URL (the build then has a sitemap), its origin is the only one allowed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const TEXT = /\.(html|xml|txt|js|css|json|config)$|(^|\/)(_headers|_redirects|\.htaccess)$/;

for (const name of ['dist', 'dist-sub']) {
  const dir = fileURLToPath(new URL(`../../${name}/`, import.meta.url));
  describe(
    `${name}/: no made-up origin`,
    { skip: !existsSync(dir) && `${name}/ not built` },
    () => {
      const files = existsSync(dir)
        ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => TEXT.test(f))
        : [];
      const sitemap = files.find((f) => f.endsWith('sitemap.xml'));
      const site = sitemap
        ? new URL(/<loc>([^<]+)<\/loc>/.exec(readFileSync(join(dir, sitemap), 'utf8'))?.[1] ?? '')
            .origin
        : undefined;

      test('no file names localhost, unless the build was told to', () => {
        const allowed = site && /localhost|127\.0\.0\.1/.test(site);
        const found = files.filter((f) =>
          /\/\/(localhost|127\.0\.0\.1)[:/]/.test(readFileSync(join(dir, f), 'utf8')),
        );
        assert.deepEqual(allowed ? [] : found, []);
      });

      test('pages carry canonical and hreflang links only with SITE_URL, with its origin', () => {
        for (const f of files.filter(
          (file) => file.endsWith('.html') && !file.includes('pagefind'),
        )) {
          const html = readFileSync(join(dir, f), 'utf8');
          const links = [
            ...html.matchAll(/<link rel="(?:canonical|alternate)"[^>]*href="([^"]+)"/g),
          ];
          if (!site) assert.deepEqual(links, [], `${f}: absolute links without SITE_URL`);
          for (const [, href = ''] of links) assert.equal(new URL(href).origin, site, f);
        }
      });

      test('robots.txt names a sitemap only with SITE_URL', () => {
        const robots = readFileSync(
          join(dir, files.find((f) => f.endsWith('robots.txt')) ?? ''),
          'utf8',
        );
        assert.equal(/^Sitemap: /m.test(robots), Boolean(site));
      });
    },
  );
}
