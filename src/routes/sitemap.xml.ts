// sitemap.xml: every topic page in both languages, each with its other-language alternate.
// Its URLs must be absolute, so it is built only with `SITE_URL` (src/integrations/site-url.ts).
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { languages } from '../i18n/ui.ts';
import { pageHref } from '../lib/links.ts';
import { splitId } from '../lib/pages.ts';

export const GET: APIRoute = async ({ site }) => {
  const absolute = (path: string) => new URL(path, site).href;
  const urls = (await getCollection('pages')).map((entry) => {
    const { lang, slug } = splitId(entry.id);
    const alternates = languages
      .map(
        (alt) =>
          `<xhtml:link rel="alternate" hreflang="${alt}" href="${absolute(pageHref(alt, slug))}"/>`,
      )
      .join('');
    return `<url><loc>${absolute(pageHref(lang, slug))}</loc>${alternates}</url>`;
  });
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">' +
    urls.sort().join('') +
    '</urlset>\n';
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
