// robots.txt: everything may be indexed. With `SITE_URL` it names the sitemap (the line needs
// an absolute URL; a build without `SITE_URL` has no sitemap: see src/integrations/site-url.ts).
import type { APIRoute } from 'astro';
import { href } from '../lib/links.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n${site ? `\nSitemap: ${new URL(href('sitemap.xml'), site).href}\n` : ''}`,
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
