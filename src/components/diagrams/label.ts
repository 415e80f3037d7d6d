// Where a diagram label breaks: SVG text never wraps, so a label that could outgrow its box
// (with a reader's wider text spacing, WCAG 1.4.12) is drawn on two lines.

/**
 * `text` as one line, or, when longer than `max` characters, as two lines broken at the
 * space or after the hyphen nearest its middle ("Low-Level-" / "Treiber").
 */
export function breakLabel(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  let at = -1;
  for (const m of text.matchAll(/ |-(?=\S)/g)) {
    const end = m.index + (m[0] === '-' ? 1 : 0);
    if (at < 0 || Math.abs(end - text.length / 2) < Math.abs(at - text.length / 2)) at = end;
  }
  return at < 0 ? [text] : [text.slice(0, at).trim(), text.slice(at).trim()];
}

/** "Hypervisor: low-level driver" as the layer's name and the part it names. */
export function layerAndPart(text: string): string[] {
  const at = text.indexOf(': ');
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 2)];
}
