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

/** "Hypervisor (VMM): low-level driver" as the layer's name and the part it names. */
export function layerAndPart(text: string): string[] {
  const at = text.indexOf(': ');
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 2)];
}

/**
 * The size class of a label inside a VM box of the layer stack (88 units inside): `mid`
 * (14 units) while every line has at most 8 characters, else `small` (12 units), at which a
 * line of up to 11 characters fits with a reader's wider spacing.
 */
export function vmLabelSize(lines: readonly string[]): 'mid' | 'small' {
  return lines.some((line) => line.length > 8) ? 'small' : 'mid';
}
