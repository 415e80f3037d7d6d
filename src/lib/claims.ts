// Grounding: finds which claims (and context facts) a page's MDX source cites, and in
// which section. Used by the sources page and by the unit tests, so both read the same.

/** One citation in a page's source. */
export interface Citation {
  /** The cited claim or context-fact id. */
  id: string;
  /** Index of the markdown heading (## …) the citation stands under; -1 before the first. */
  heading: number;
}

const TAG = /<(?:Cite|Context)\b[^>]*?\bid=(?:"([^"]+)"|'([^']+)')/g;
const HEADING = /^#{2,6}\s/;
const FENCE = /^\s*(```|~~~)/;

/** Every `<Cite id>` and `<Context id>` in an MDX body, in order, with its section. */
export function citationsIn(body: string): Citation[] {
  const found: Citation[] = [];
  let heading = -1;
  let inFence = false;
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    if (HEADING.test(line)) heading++;
    for (const match of line.matchAll(TAG)) {
      const id = match[1] ?? match[2];
      if (id) found.push({ id, heading });
    }
  }
  return found;
}

/** The distinct ids an MDX body cites, sorted. */
export function citedIds(body: string): string[] {
  return [...new Set(citationsIn(body).map((c) => c.id))].sort();
}

/** True for ids of context facts (from context.yaml) rather than article claims. */
export function isContextId(id: string): boolean {
  return id.startsWith('ctx-');
}
