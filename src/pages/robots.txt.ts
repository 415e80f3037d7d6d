// robots.txt: everything may be indexed; points to the sitemap under this build's base.
import type { APIRoute } from 'astro';
import { href } from '../lib/links.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL(href('sitemap.xml'), site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
