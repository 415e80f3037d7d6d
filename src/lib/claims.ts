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
      for (const id of splitIds(match[1] ?? match[2] ?? '')) found.push({ id, heading });
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

/** The ids of a `<Cite id="a b">` value: one or more, separated by white space. */
export function splitIds(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

/**
 * Groups the ids of one merged citation mark by what the mark shows (passage or context
 * mark), in order of first appearance and without repeats: ["P3", "P3", "P5"] → P3, P5.
 */
export function citeGroups<T extends { id: string; mark: string }>(entries: T[]): [T, ...T[]][] {
  const groups = new Map<string, [T, ...T[]]>();
  for (const entry of entries) {
    const group = groups.get(entry.mark);
    if (!group) groups.set(entry.mark, [entry]);
    else if (!group.some((e) => e.id === entry.id)) group.push(entry);
  }
  return [...groups.values()];
}

/**
 * Entries sorted in the order their ids appear in a YAML list file (`- id: …` lines): the
 * collection API returns them sorted by id, but claims.yaml follows the article.
 */
export function inFileOrder<T extends { id: string }>(entries: T[], yamlText: string): T[] {
  const order = [...yamlText.matchAll(/^- id: *(\S+)/gm)].map((m) => m[1]);
  const at = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return [...entries].sort((a, b) => at(a.id) - at(b.id));
}
