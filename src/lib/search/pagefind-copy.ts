// The page as Pagefind indexes it (build time): the built HTML plus, after the title and
// after each section's heading, the section's keywords (src/lib/search/enrich.ts) in a span
// weighted like that heading (data-pagefind-weight) or like text, between ⟦ ⟧ so the
// dialog can drop them from excerpts. A heading whose words carry their own weight (a
// glossary term: 3 instead of an h2's 6) scales its section's keywords alike, so a keyword
// never outweighs the words it stands for. The site's real pages are not changed.
import { RewritingStream } from 'parse5-html-rewriting-stream';
import { KEYWORDS_CLOSE, KEYWORDS_OPEN } from './engine.ts';
import type { SectionKeywords } from './enrich.ts';

/** Pagefind's default weights of headings (https://pagefind.app/docs/weighting/). */
export const HEADING_WEIGHT: Record<string, number> = { h1: 7, h2: 6, h3: 5 };

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The keyword runs of a section: heading keywords at `weight`, text keywords at `scale` (text weighs 1). */
function spans(keywords: SectionKeywords, weight: number, scale: number): string {
  const run = (words: string[], w: number) =>
    words.length
      ? `<span data-pagefind-weight="${w}">${KEYWORDS_OPEN}${escape(words.join(' '))}${KEYWORDS_CLOSE}</span>`
      : '';
  return run(keywords.heading, weight) + run(keywords.text, scale);
}

/**
 * `html` with the keywords of each section inserted: `bySection` maps a heading's id to its
 * keywords ('' for the title, h1).
 */
export async function pagefindCopy(
  html: string,
  bySection: ReadonlyMap<string, SectionKeywords>,
): Promise<string> {
  const rw = new RewritingStream();
  const chunks: string[] = [];
  rw.on('data', (chunk: string) => chunks.push(chunk));
  /** The heading being read: its tag, the key of its keywords, and a weight set inside it. */
  let open: { tag: string; key: string; weight?: number } | undefined;
  rw.on('startTag', (tag, raw) => {
    rw.emitRaw(raw);
    const id = tag.attrs.find((a) => a.name === 'id')?.value;
    const weight = tag.attrs.find((a) => a.name === 'data-pagefind-weight')?.value;
    if (open && weight !== undefined) open.weight ??= Number(weight);
    else if (tag.tagName === 'h1') open = { tag: 'h1', key: '' };
    else if ((tag.tagName === 'h2' || tag.tagName === 'h3') && id && bySection.has(id))
      open = { tag: tag.tagName, key: id };
  });
  rw.on('endTag', (tag, raw) => {
    rw.emitRaw(raw);
    if (open && tag.tagName === open.tag) {
      const keywords = bySection.get(open.key);
      const standard = HEADING_WEIGHT[open.tag] ?? 1;
      const weight = open.weight ?? standard;
      if (keywords) rw.emitRaw(spans(keywords, weight, weight / standard));
      open = undefined;
    }
  });
  await new Promise<void>((resolve, reject) => {
    rw.on('end', () => resolve());
    rw.on('error', reject);
    rw.end(html);
  });
  return chunks.join('');
}
