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

/** Attributes that hide a server-rendered alternative (SVG elements included) until chosen. */
export function hiddenIf(hide: boolean): Record<string, string> {
  return hide ? { hidden: '' } : {};
}
