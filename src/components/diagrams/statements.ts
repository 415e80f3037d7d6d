// What a diagram says, read from src/content/diagrams.yaml: each statement's wording in
// the page's language and the ids it cites, so no diagram sentence lives as a bare string.
import { getCollection } from 'astro:content';
import type { Lang } from '../../i18n/ui.ts';
import { isContextId } from '../../lib/claims.ts';
import type { DiagramId } from './registry.ts';

/** One statement of a diagram: its text and the ids for `<Cite id>` (space-separated). */
export interface Statement {
  text: string;
  cites: string;
}

/** A lookup for `diagram`'s statements in `lang`; an unknown key stops the build. */
export async function statementsOf(diagram: DiagramId, lang: Lang) {
  const prefix = `${diagram}.`;
  const mine = new Map(
    (await getCollection('diagrams'))
      .filter((e) => e.id.startsWith(prefix))
      .map((e) => [e.id.slice(prefix.length), e.data]),
  );
  const say = (key: string, vars: Record<string, string | number> = {}): Statement => {
    const data = mine.get(key);
    if (!data) throw new Error(`src/content/diagrams.yaml: no statement "${prefix}${key}"`);
    const text = data[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in vars ? String(vars[name]) : whole,
    );
    return { text, cites: data.cites.join(' ') };
  };
  /** The context facts this diagram draws on, in order of first use. */
  const context = [...new Set([...mine.values()].flatMap((d) => d.cites).filter(isContextId))];
  return { say, context };
}
