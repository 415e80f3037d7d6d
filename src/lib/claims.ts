// Grounding: finds which claims (and context facts, and the site's readings) a page's MDX
// source cites or tells, and in which section. Used by the sources page and by the unit
// tests, so both read the same.

/** One citation in a page's source. */
export interface Citation {
  /** The cited claim or context-fact id, or the id of a reading the page tells (reading-…). */
  id: string;
  /** Index of the markdown heading (## …) the citation stands under; -1 before the first. */
  heading: number;
}

const TAG = /<(?:Cite|Context|Reading)\b[^>]*?\bid=(?:"([^"]+)"|'([^']+)')/g;
const HEADING = /^#{2,6}\s/;
const FENCE = /^\s*(```|~~~)/;

/**
 * Every `<Cite id>`, `<Context id>` and `<Reading id>` in an MDX body, in order, with its
 * section. A reading counts as its own id; the claims it joins are in readings.yaml.
 */
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

/** True for ids of the site's readings (from readings.yaml), which join claims. */
export function isReadingId(id: string): boolean {
  return id.startsWith('reading-');
}

/** The ids of a `<Cite id="a b">` value: one or more, separated by white space. */
export function splitIds(value: string): string[] {
  return value.split(/\s+/).filter(Boolean);
}

/** One source a citation mark names: a claim of a passage or a context fact. */
export interface MarkSource {
  id: string;
  /** The claim's passage (P1 … P7); undefined for a context fact. */
  passage?: string | undefined;
  /** The claim's number in its passage, or the fact's number among all facts (from 1). */
  n: number;
}

/**
 * Each claim's number in its passage and each context fact's number among the facts, from
 * 1, by id: the numbers the sources page shows and the marks link by. Give both lists in
 * file order (inFileOrder).
 */
export function sourceNumbers(
  claims: readonly { id: string; passage: string }[],
  facts: readonly { id: string }[],
): Map<string, MarkSource> {
  const numbers = new Map<string, MarkSource>();
  const inPassage = new Map<string, number>();
  for (const { id, passage } of claims) {
    const n = (inPassage.get(passage) ?? 0) + 1;
    inPassage.set(passage, n);
    numbers.set(id, { id, passage, n });
  }
  facts.forEach(({ id }, i) => numbers.set(id, { id, n: i + 1 }));
  return numbers;
}

/**
 * What each link of one merged citation mark shows, one link per distinct id, in the
 * order given: a claim its passage and its number there ("P3.2"), as the sources page
 * numbers it; a context fact the context mark and its number among the facts ("C7").
 */
export function markTexts<T extends MarkSource>(
  sources: T[],
  contextMark: string,
): (T & { text: string })[] {
  const distinct = sources.filter((s, i) => sources.findIndex((o) => o.id === s.id) === i);
  return distinct.map((s) => ({
    ...s,
    text: s.passage !== undefined ? `${s.passage}.${s.n}` : `${contextMark}${s.n}`,
  }));
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
