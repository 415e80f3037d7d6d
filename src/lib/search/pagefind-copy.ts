// The page as Pagefind indexes it (build time): the built HTML plus, after the title and
// after each section's heading, the section's keywords (src/lib/search/enrich.ts) in a span
// weighted like that heading (data-pagefind-weight) or like text, between ⟦ ⟧ so the
// dialog can drop them from excerpts. The site's real pages are not changed.
import { RewritingStream } from 'parse5-html-rewriting-stream';
import { KEYWORDS_CLOSE, KEYWORDS_OPEN } from './engine.ts';
import type { SectionKeywords } from './enrich.ts';

/** Pagefind's default weights of headings (https://pagefind.app/docs/weighting/). */
export const HEADING_WEIGHT: Record<string, number> = { h1: 7, h2: 6, h3: 5 };

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function spans(keywords: SectionKeywords, weight: number): string {
  const run = (words: string[], w: number) =>
    words.length
      ? `<span data-pagefind-weight="${w}">${KEYWORDS_OPEN}${escape(words.join(' '))}${KEYWORDS_CLOSE}</span>`
      : '';
  return run(keywords.heading, weight) + run(keywords.text, 1);
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
  /** The heading being read: its tag and the key of its keywords. */
  let open: { tag: string; key: string } | undefined;
  rw.on('startTag', (tag, raw) => {
    rw.emitRaw(raw);
    const id = tag.attrs.find((a) => a.name === 'id')?.value;
    if (tag.tagName === 'h1') open = { tag: 'h1', key: '' };
    else if ((tag.tagName === 'h2' || tag.tagName === 'h3') && id && bySection.has(id))
      open = { tag: tag.tagName, key: id };
  });
  rw.on('endTag', (tag, raw) => {
    rw.emitRaw(raw);
    if (open && tag.tagName === open.tag) {
      const keywords = bySection.get(open.key);
      if (keywords) rw.emitRaw(spans(keywords, HEADING_WEIGHT[open.tag] ?? 1));
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
