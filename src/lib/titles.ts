// Titles break between words, never at the hyphen inside one ("bare-/metal"): each
// hyphenated word is kept in one inline block, which still wraps inside itself when it
// alone is wider than the line (a long German compound on a 320 px screen).

/** A word with at least one hyphen between letters or digits: `bare-metal`, `I/O-Geräte`. */
const HYPHENATED = /[\p{L}\p{N}/]+(?:-[\p{L}\p{N}/]+)+/gu;

/** The parts of a plain-text title: text, and hyphenated words marked `keep`. */
export function titleParts(text: string): { text: string; keep: boolean }[] {
  const parts: { text: string; keep: boolean }[] = [];
  let at = 0;
  for (const match of text.matchAll(HYPHENATED)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), keep: false });
    parts.push({ text: match[0], keep: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), keep: false });
  return parts;
}

/** The same for a title's HTML: only text between tags is touched. */
export function keepHyphenatedHtml(html: string): string {
  return html.replace(
    /(^|>)([^<]+)/g,
    (_, open: string, text: string) =>
      open + text.replace(HYPHENATED, (word) => `<span class="keep">${word}</span>`),
  );
}
