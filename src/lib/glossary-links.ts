// A hast plugin for the MDX processor (Sätteri, Astro 7's default): the first use of each
// glossary term in a page's prose becomes <GlossaryTerm id="…">word</GlossaryTerm>, which
// renders a link to the glossary entry with a preview of its definition. At most once per
// term per page; never inside headings, tables, links, code, citations or other components, and
// never on the glossary page itself.
import type { Element, Text } from 'hast';
import type { HastPluginDefinition, PluginFactoryContext } from 'satteri';
import { isLang, type Lang } from '../i18n/ui.ts';

/** A glossary term and the words that count as a use of it, per language. */
export interface TermForms {
  id: string;
  forms: Record<Lang, string[]>;
}

/** Words in the prose that name a term but differ from its glossary title. */
const EXTRA_FORMS: Record<string, Partial<Record<Lang, string[]>>> = {
  'hosted-architecture': {
    de: ['gehostete Bauart', 'gehosteten Bauart', 'gehostete Variante', 'gehosteten Variante'],
    en: ['hosted design'],
  },
  'virtual-machine': { de: ['virtuellen Maschinen', 'virtuelle Maschinen'] },
  // One entry for every driver the article names: it leaves open whether they are one kind.
  driver: { de: ['Low-Level-Treiber', 'Gerätetreiber'], en: ['low-level driver', 'device driver'] },
};

/** The forms of a glossary title: `Driver (low-level driver)` → `Driver`, `low-level driver`. */
export function formsOf(id: string, term: Record<Lang, string>): TermForms {
  const split = (title: string) => {
    const paren = /^(.*?)\s*\((.+)\)\s*$/.exec(title);
    return paren ? [paren[1] ?? '', paren[2] ?? ''] : [title];
  };
  return {
    id,
    forms: {
      de: [...split(term.de), ...(EXTRA_FORMS[id]?.de ?? [])].filter(Boolean),
      en: [...split(term.en), ...(EXTRA_FORMS[id]?.en ?? [])].filter(Boolean),
    },
  };
}

/** A pattern matching `form` as whole words (plural endings allowed), spaces or hyphens between. */
export function patternOf(form: string): RegExp {
  const body = form
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\u00a0-]');
  return new RegExp(`(?<![\\p{L}\\p{N}-])${body}(?:s|es|n|en|e)?(?![\\p{L}\\p{N}]|-\\p{L})`, 'iu');
}

/** Where the first use of a not-yet-linked term starts in `text` (earliest, then longest). */
export function firstUse(
  text: string,
  terms: { id: string; patterns: RegExp[] }[],
): { id: string; index: number; length: number } | undefined {
  let best: { id: string; index: number; length: number } | undefined;
  for (const term of terms) {
    for (const pattern of term.patterns) {
      const match = pattern.exec(text);
      if (!match) continue;
      const hit = { id: term.id, index: match.index, length: match[0].length };
      if (!best || hit.index < best.index || (hit.index === best.index && hit.length > best.length))
        best = hit;
    }
  }
  return best;
}

// Tables are read by scanning: a term in a cell stays plain, and its first use in the prose
// gets the link.
const SKIP_TAGS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'a',
  'code',
  'pre',
  'sup',
  'cite',
  'table',
]);

/** The plugin for one document: needs the page's language from its file path. */
export function glossaryLinks(terms: TermForms[], component = 'GlossaryTerm') {
  return (context: PluginFactoryContext): HastPluginDefinition | false => {
    const path = context.fileURL?.pathname ?? '';
    const match = /\/content\/pages\/(de|en)\/([^/]+)\.mdx$/.exec(path);
    const lang = match?.[1];
    if (!isLang(lang) || match?.[2] === 'glossary') return false;
    const pending = terms.map((term) => ({
      id: term.id,
      patterns: term.forms[lang].map(patternOf),
    }));
    return {
      name: 'glossary-links',
      text(node, ctx) {
        if (pending.length === 0) return;
        for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
          if (parent.type === 'mdxJsxTextElement' || parent.type === 'mdxJsxFlowElement') return;
          if (parent.type === 'element' && SKIP_TAGS.has((parent as Element).tagName)) return;
          if (parent.type === 'root') break;
        }
        const parts: (Text | ReturnType<typeof termNode>)[] = [];
        let rest = node.value;
        for (let hit = firstUse(rest, pending); hit; hit = firstUse(rest, pending)) {
          const found = hit;
          if (found.index > 0) parts.push({ type: 'text', value: rest.slice(0, found.index) });
          parts.push(
            termNode(component, found.id, rest.slice(found.index, found.index + found.length)),
          );
          rest = rest.slice(found.index + found.length);
          pending.splice(
            pending.findIndex((term) => term.id === found.id),
            1,
          );
        }
        if (parts.length === 0) return;
        if (rest) parts.push({ type: 'text', value: rest });
        ctx.replaceNode(node, parts);
      },
    };
  };
}

/** The MDX JSX node `<GlossaryTerm id="…">word</GlossaryTerm>`. */
function termNode(component: string, id: string, word: string) {
  return {
    type: 'mdxJsxTextElement' as const,
    name: component,
    attributes: [{ type: 'mdxJsxAttribute' as const, name: 'id', value: id }],
    children: [{ type: 'text' as const, value: word }],
  };
}
