// A QR code as SVG markup, made by the kept library `uqr` (its encoder alone is about 3.9 KB
// gzip, no dependencies; `qrcode-generator`, tried first, bundles to 7.6 KB with renderers
// it cannot drop). One function for both places that draw one: the "Show QR code" dialog in
// the browser (loaded only when a reader asks, course/qr/qr.ts) and the handout at build
// time (course/handout/), so paper and screen carry the same code for the same address.
import { encode } from 'uqr';

/** Modules of white around the code: the quiet zone the QR standard asks for. */
export const QUIET = 4;

/**
 * The modules of the code for `text` (error correction M, byte mode: UTF-8; our addresses
 * are percent-encoded ASCII anyway), as rows of dark/light, without the quiet zone.
 */
export function qrModules(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 0 }).data;
}

/**
 * The code for `text` as an `<svg>`: a white square with the quiet zone and one black path
 * of the dark modules (runs of a row joined into one rectangle, so the path stays short),
 * scaled by its box. Black on white in every theme; the page keeps forced colours off it.
 * `label` names it as an image (else it is hidden from assistive technology).
 */
export function qrSvg(text: string, label?: string): string {
  const rows = qrModules(text);
  const size = rows.length + 2 * QUIET;
  let d = '';
  rows.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      d += `M${start + QUIET} ${y + QUIET}h${x - start + 1}v1H${start + QUIET}z`;
    }
  });
  const name = label
    ? `role="img" aria-label="${label.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`)}"`
    : 'aria-hidden="true"';
  return (
    `<svg class="qr-code" ${name} viewBox="0 0 ${size} ${size}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`
  );
}
