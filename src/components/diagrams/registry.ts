import { t, type Lang } from '../../i18n/ui.ts';
import { pageHref } from '../../lib/links.ts';
import { publicUrl } from '../../lib/urls.ts';

// The site's diagrams: their ids (used in element ids, fragments and embed URLs) and the
// topic page each one teaches on, for the embed page's link back to the full page.
export const diagramPages = {
  'layer-stack': 'architecture',
  'io-path': 'io-drivers',
  'device-sharing': 'io-drivers',
  'architecture-fit': 'comparison',
} as const;

export type DiagramId = keyof typeof diagramPages;
export const diagramIds = Object.keys(diagramPages) as DiagramId[];

/** A diagram's title in `lang` (embed pages, the teachers' list of embeds). */
export function diagramTitle(lang: Lang, id: DiagramId): string {
  const keys = {
    'layer-stack': 'diagram.title.layerStack',
    'io-path': 'diagram.title.ioPath',
    'device-sharing': 'diagram.title.deviceSharing',
    'architecture-fit': 'diagram.title.architectureFit',
  } as const;
  return t(lang, keys[id]);
}

/**
 * Attributes that hide a server-rendered SVG alternative until chosen: SVG has no `hidden`
 * attribute (the Nu checker rejects it), so its own `display="none"`; see `show()` in shared.ts.
 */
export function hiddenIf(hide: boolean): Record<string, string> {
  return hide ? { display: 'none' } : {};
}

/** The site path of a diagram's embed page: `/<base><lang>/embed/<id>/`. */
export const embedPath = (lang: Lang, id: DiagramId): string => pageHref(lang, `embed/${id}`);

/**
 * The HTML a teacher pastes to embed diagram `id` from the site at `site` (`SITE_URL`; without
 * it the path, which the page completes with its own origin when it runs). `allow="fullscreen"`
 * lets the figure's "Present" fill the screen; a frame without it gets the overlay instead.
 */
export function embedSnippet(lang: Lang, id: DiagramId, site: URL | undefined): string {
  const src = publicUrl(site, embedPath(lang, id));
  const title = t(lang, 'course.embed.iframeTitle', { diagram: diagramTitle(lang, id) });
  return `<iframe src="${src}"\n        title="${title}"\n        width="720" height="640" loading="lazy" allow="fullscreen"></iframe>`;
}
