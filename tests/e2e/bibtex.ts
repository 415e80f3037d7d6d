// A reader of the BibTeX the site hands out, for the course-feature checks.

/** A tiny BibTeX reader: the entries of a text, each with its type, key and fields. */
export function parseBibtex(
  text: string,
): { type: string; key: string; fields: Record<string, string> }[] {
  const entries = [];
  for (const m of text.matchAll(/@(\w+)\s*\{\s*([^,\s]+)\s*,([\s\S]*?)\n\}/g)) {
    const fields: Record<string, string> = {};
    for (const f of (m[3] ?? '').matchAll(/(\w+)\s*=\s*\{((?:[^{}]|\{[^{}]*\})*)\}/g))
      fields[(f[1] ?? '').toLowerCase()] = (f[2] ?? '').replace(/^\{|\}$/g, '');
    entries.push({ type: (m[1] ?? '').toLowerCase(), key: m[2] ?? '', fields });
  }
  return entries;
}
