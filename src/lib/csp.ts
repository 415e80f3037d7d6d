// Each page's Content Security Policy names only its own inline code. Astro writes the
// hashes of every inline script and style of the whole site into every page's policy; a page
// runs one or two of them. Keeping only those makes each policy as strict as the page
// allows, and about half a kilobyte smaller, compressed, on every page.
import { createHash } from 'node:crypto';

const hashOf = (text: string): string =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The hashes of a page's inline scripts (those without `src`) and inline styles. */
export function inlineHashes(html: string): { script: Set<string>; style: Set<string> } {
  const script = new Set<string>();
  const style = new Set<string>();
  for (const m of html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g))
    script.add(hashOf(m[1] ?? ''));
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g))
    style.add(hashOf(m[1] ?? ''));
  return { script, style };
}

/**
 * The page with its `<meta>` policy's script-src and style-src hashes cut to those of the
 * page's own inline scripts and styles; every other source and directive stays as it is.
 */
export function trimPolicy(html: string): string {
  const own = inlineHashes(html);
  return html.replace(
    /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/,
    (_, open: string, policy: string, close: string) =>
      open +
      policy
        .split(';')
        .map((directive) => {
          const [name = '', ...sources] = directive.trim().split(/\s+/);
          const keep = name === 'script-src' ? own.script : name === 'style-src' ? own.style : null;
          if (!keep) return directive;
          const kept = sources.filter((s) => !s.startsWith("'sha256-") || keep.has(s));
          return `${directive.startsWith(' ') ? ' ' : ''}${[name, ...kept].join(' ')}`;
        })
        .join(';') +
      close,
  );
}
