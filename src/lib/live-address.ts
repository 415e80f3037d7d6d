// The browser side of urls.ts `liveAddress`: what the running page knows about where it is,
// and the rewrite of the addresses the build wrote into the page.
import { liveAddress, publicUrl, type Whereabouts } from './urls.ts';

/**
 * The running page's whereabouts: its own address, and its canonical link if it has one. A
 * page of a SCORM package (`<html data-package>`) is served by the course platform, whose
 * address is no one else's: it counts as not served, so its addresses are the public site's.
 */
export function here(): Whereabouts {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const packaged = document.documentElement.hasAttribute('data-package');
  return {
    protocol: packaged ? 'package:' : location.protocol,
    origin: location.origin,
    canonical,
  };
}

/** A site path (`/base/en/x/#y`) as the address a reader should copy from this page. */
export const addressOf = (path: string, where = here()): string => liveAddress(path, where);

/** `text` with each `from` replaced by `to`, leaving any `to` already there alone. */
const swap = (text: string, from: string, to: string) =>
  text
    .split(to)
    .map((part) => part.replaceAll(from, to))
    .join(to);

/**
 * Puts the page's own address into every address under `root` (itself included). An element
 * with `data-address="<site path>"` holds, in its text and in `data-text` / `data-url` (its own
 * or its descendants', e.g. a copy button's), the
 * address the build wrote for that path (`publicUrl`: `SITE_URL` + path, or the bare path);
 * each becomes {@link addressOf} that path. A note asking the reader to add the server's
 * address (`[data-address-note]`) goes once the addresses are complete. Safe to run twice.
 */
export function localise(root: Element | Document): void {
  const where = here();
  const own = root instanceof Element && root.matches('[data-address]') ? [root] : [];
  for (const el of [...own, ...root.querySelectorAll<HTMLElement>('[data-address]')]) {
    const path = el.getAttribute('data-address') ?? '';
    const [from, to] = [publicUrl(where.canonical, path), addressOf(path, where)];
    if (from === to) continue;
    for (const node of [el, ...el.querySelectorAll('[data-text],[data-url]')])
      for (const name of ['data-text', 'data-url']) {
        const value = node.getAttribute(name);
        if (value !== null) node.setAttribute(name, swap(value, from, to));
      }
    const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      const node = texts.currentNode;
      if (node.nodeValue?.includes(from)) node.nodeValue = swap(node.nodeValue, from, to);
    }
  }
  if (/^https?:/.test(addressOf('/', where)))
    for (const note of root.querySelectorAll<HTMLElement>('[data-address-note]'))
      note.hidden = true;
}
