// The handout puts every content page on one page. Each page's rendered HTML is adapted
// here: ids get the page's slug as prefix (two pages may share a heading id), references
// to them follow, headings move one level down (the page title is the section's h2),
// section URLs point to the real page, and links written relative to the start page
// (which the handout is not) are resolved as from there; and the QR code a printed section
// carries.
import { qrSvg } from './qr.ts';
import { publicUrl } from './urls.ts';

/** Options for {@link adaptSection}. */
export interface SectionOptions {
  /** The page's slug, used as id prefix. */
  slug: string;
  /** Address of the handout page (as headings rendered there wrote it: see Heading.astro). */
  handoutUrl: string;
  /** Address of the page the section comes from. */
  pageUrl: string;
  /** Path of the page the section comes from (`/base/en/architecture/`). */
  pagePath: string;
  /** Path of the handout (`/base/en/handout/`) and of the language root (`/base/en/`). */
  handoutPath: string;
  langPath: string;
}

const ID_REFS = /(\s(?:id|for|headers|aria-labelledby|aria-describedby|aria-controls)=")([^"]*)"/g;

/** Rewrites one page's HTML for its place in the handout. */
export function adaptSection(html: string, options: SectionOptions): string {
  const { slug, handoutUrl, pageUrl, pagePath, handoutPath, langPath } = options;
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  const local = (id: string) => (ids.has(id) ? `${slug}--${id}` : id);
  return html
    .replace(
      ID_REFS,
      (_, head: string, value: string) => `${head}${value.split(' ').map(local).join(' ')}"`,
    )
    .replace(/\shref="#([^"]+)"/g, (_, id: string) => ` href="#${local(id)}"`)
    .replaceAll(`${handoutUrl}#`, `${pageUrl}#`)
    .replaceAll(`"${handoutPath}#`, `"${pagePath}#`)
    .replaceAll(`href="${handoutPath}`, `href="${langPath}`)
    .replace(
      /<(\/?)h([2-5])\b/g,
      (_, close: string, level: string) => `<${close}h${Number(level) + 1}`,
    );
}

/**
 * The QR code a printed section carries for its site path: of its public address, in a
 * build that knows it (`site`, from `SITE_URL`); without it none, as a code of a bare path
 * would lead a phone nowhere.
 */
export const printedQr = (
  site: URL | undefined,
  path: string,
  label: string,
): string | undefined => (site ? qrSvg(publicUrl(site, path), label) : undefined);
