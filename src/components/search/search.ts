// <site-search>: the glue between the page and the search engines. Opens Pagefind's
// Component UI dialog when boot.ts asks (header link, `/`, Ctrl/⌘+K); on the search page it
// runs the inline search for `?q=`. Everything is loaded on first use only. Where
// Pagefind cannot start (no WebAssembly, or the site opened from file://), the same UI
// is fed by the fallback engine (src/lib/fallback-search.ts) over a classic-script index.
import {
  MAX_QUERY,
  search as fallbackSearch,
  type FallbackIndex,
} from '../../lib/fallback-search.ts';

/** The query parameter that carries the search terms to the result page. */
const HIGHLIGHT_PARAM = 'pagefind-highlight';
/** Milliseconds the input waits after a keystroke before searching (Pagefind's default: 300). */
const DEBOUNCE = '10';
/** The global that search-fallback/<lang>.js fills (see src/integrations/search-index.ts). */
const FALLBACK_GLOBAL = '__siteSearchFallback';

interface PagefindLike {
  search(term: string | null): Promise<unknown>;
  filters(): Promise<Record<string, unknown>>;
}
interface Instance {
  __pagefind__: PagefindLike | null | undefined;
  __load__?: () => Promise<void>;
  searchTerm?: string;
  triggerSearch(term: string): void;
  registerShortcut(shortcut: { label: string; description: string }, owner?: Element): void;
  on(event: string, callback: (...args: never[]) => void, owner?: unknown): void;
}
interface ModalElement extends HTMLElement {
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}
declare global {
  interface Window {
    PagefindComponents?: { getInstanceManager(): { getInstance(name?: string): Instance } };
  }
}

/** True where Pagefind itself can run: it needs WebAssembly and fetch over http(s). */
export function pagefindCanStart(): boolean {
  return (
    typeof WebAssembly === 'object' && typeof fetch === 'function' && location.protocol !== 'file:'
  );
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.addEventListener('load', () => resolve(), { once: true });
    script.addEventListener('error', () => reject(new Error(`search: could not load ${src}`)));
    document.head.append(script);
  });
}

function loadStyle(href: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error(`search: could not load ${href}`)));
    document.head.append(link);
  });
}

/** On file:// every page link must name its index.html. */
const fileUrl = (url: string) =>
  location.protocol === 'file:' ? url.replace(/\/(?=[?#]|$)/, '/index.html') : url;

/** Pagefind's search API, answered by the fallback engine over `index`. */
function fallbackPagefind(index: FallbackIndex, root: string): PagefindLike {
  const highlightParam = location.protocol === 'file:' ? undefined : HIGHLIGHT_PARAM;
  return {
    filters: async () => ({}),
    search: async (term) => {
      const found = fallbackSearch(index, term ?? '', {
        root,
        ...(highlightParam && { highlightParam }),
      });
      return {
        results: found.map((result) => ({
          id: result.url,
          score: result.score,
          words: [],
          data: async () => ({
            url: fileUrl(result.url),
            raw_url: result.url,
            meta: { title: result.title },
            excerpt: result.excerpt,
            content: '',
            word_count: 0,
            filters: {},
            anchors: [],
            locations: [],
            weighted_locations: [],
            sub_results: result.sections.map((s) => ({
              title: s.title,
              url: fileUrl(s.url),
              excerpt: s.excerpt,
              locations: [],
              weighted_locations: [],
            })),
          }),
        })),
        unfilteredResultCount: found.length,
        filters: {},
        totalFilters: {},
        timings: [],
      };
    },
  };
}

/**
 * Wraps the query that a result summary repeats in <bdi>, so that right-to-left characters
 * in it cannot reorder the words around it ("3 results for …").
 */
function isolateQuery(root: Element): void {
  const wrap = () => {
    for (const summary of root.querySelectorAll('.pf-summary')) {
      const term = root.querySelector<HTMLInputElement>('input')?.value.trim() ?? '';
      const text = summary.textContent ?? '';
      const at = term ? text.lastIndexOf(term) : -1;
      if (at < 0 || summary.querySelector('bdi')) continue;
      const bdi = document.createElement('bdi');
      bdi.textContent = term;
      summary.replaceChildren(text.slice(0, at), bdi, text.slice(at + term.length));
    }
  };
  new MutationObserver(wrap).observe(root, { childList: true, subtree: true, characterData: true });
}

/** Pagefind's search field, quicker to answer than by default. */
function input(): HTMLElement {
  const field = document.createElement('pagefind-input');
  field.setAttribute('debounce', DEBOUNCE);
  return field;
}

class SiteSearch extends HTMLElement {
  #ready: Promise<Instance> | undefined;
  #modal: ModalElement | undefined;
  #returnTo: Element | null = null;

  get searchLang(): string {
    return this.dataset['lang'] ?? document.documentElement.lang;
  }

  /** The site root as written into the page (`/`, `/kurs/x/`, or relative in a portable copy). */
  get base(): string {
    return this.dataset['base'] ?? '/';
  }

  /** The search page's live region, when this page is the search page. */
  get page(): HTMLElement | null {
    return document.querySelector<HTMLElement>('[data-search-page]');
  }

  connectedCallback(): void {
    const trigger = this.querySelector<HTMLAnchorElement>('[data-search-trigger]');
    // The header link, `/` and Ctrl/⌘+K call open() from boot.ts, which loaded this code.
    trigger?.setAttribute('aria-haspopup', 'dialog');
    if (this.page) void this.#startPage(this.page);
    void this.#highlight();
  }

  /** Loads the Component UI (and, where needed, the fallback) once; resolves to its instance. */
  #load(): Promise<Instance> {
    this.#ready ??= (async () => {
      const bundle = `${this.base}pagefind/`;
      await Promise.all([
        loadStyle(`${bundle}pagefind-component-ui.css`),
        loadScript(`${bundle}pagefind-component-ui.js`),
      ]);
      const components = window.PagefindComponents;
      if (!components) throw new Error('search: the search interface did not start');
      const instance = components.getInstanceManager().getInstance('default');
      // In the dialog, Escape closes it (the dialog's own shortcut); the field's "esc: clear"
      // hint would say otherwise, so only the dialog may name Escape.
      const register = instance.registerShortcut.bind(instance);
      instance.registerShortcut = (shortcut, owner) => {
        if (shortcut.label !== 'esc' || owner?.localName === 'pagefind-modal')
          register(shortcut, owner);
      };
      if (!pagefindCanStart()) await this.#useFallback(instance);
      instance.on('error', (error: { type?: string }) => {
        if (error?.type === 'bundle_load_failed') void this.#useFallback(instance, true);
      });
      const config = document.createElement('pagefind-config');
      config.setAttribute('bundle-path', bundle);
      config.setAttribute('lang', this.searchLang);
      config.setAttribute('highlight-param', HIGHLIGHT_PARAM);
      // Search on the page's thread: for an index this small a worker only adds a file.
      config.setAttribute('no-worker', '');
      config.hidden = true;
      this.append(config);
      // Start the engine before the first keystroke: searches sent while it is still
      // loading can otherwise answer out of order (an older query's results shown).
      await instance.__load__?.();
      return instance;
    })();
    return this.#ready;
  }

  async #useFallback(instance: Instance, retry = false): Promise<void> {
    const globals = globalThis as unknown as Record<string, Record<string, FallbackIndex>>;
    if (!globals[FALLBACK_GLOBAL]?.[this.searchLang]) {
      await loadScript(`${this.base}search-fallback/${this.searchLang}.js`);
    }
    const index = globals[FALLBACK_GLOBAL]?.[this.searchLang];
    if (!index) throw new Error('search: the fallback index is missing');
    // On file:// the base is a relative path (see scripts/portable.mjs); the results UI
    // accepts relative links but not file:// ones.
    instance.__pagefind__ = fallbackPagefind(index, this.base);
    this.dataset['engine'] = 'fallback';
    if (retry && instance.searchTerm) instance.triggerSearch(instance.searchTerm);
  }

  /** Opens the dialog (or, on the search page, moves to its field). */
  async open(returnTo: Element | null): Promise<void> {
    if (this.#modal?.isOpen) return;
    const pageInput = this.page?.querySelector<HTMLInputElement>('input');
    if (pageInput) {
      pageInput.focus();
      return;
    }
    this.#returnTo = returnTo;
    try {
      await this.#load();
    } catch {
      // The search interface could not load: the search page explains and lists pages.
      const link = this.querySelector<HTMLAnchorElement>('[data-search-trigger]');
      if (link) location.href = link.href;
      return;
    }
    if (!this.#modal) {
      // The dialog builds its own parts: given parts, it would move them into its <dialog>
      // and their second start would add a second close button.
      const modal = document.createElement('pagefind-modal') as ModalElement;
      modal.setAttribute('reset-on-close', 'false');
      document.body.append(modal);
      await customElements.whenDefined('pagefind-modal');
      modal.querySelector('pagefind-input')?.setAttribute('debounce', DEBOUNCE);
      isolateQuery(modal);
      modal.addEventListener(
        'close',
        () => (this.#returnTo as HTMLElement | null)?.focus?.(),
        true,
      );
      this.#modal = modal;
    }
    this.#modal.open();
  }

  /** The search page: runs the query from `?q=` in the inline search. */
  async #startPage(page: HTMLElement): Promise<void> {
    const status = page.querySelector<HTMLElement>('[data-search-status]');
    let instance: Instance;
    try {
      instance = await this.#load();
    } catch {
      if (status) status.textContent = this.dataset['unavailable'] ?? '';
      return;
    }
    const live = page.querySelector<HTMLElement>('[data-search-live]');
    const form = page.querySelector<HTMLFormElement>('form');
    if (!live) return;
    const field = input();
    field.setAttribute('autofocus', '');
    const summary = document.createElement('pagefind-summary');
    const results = document.createElement('pagefind-results');
    live.append(field, summary, results);
    isolateQuery(live);
    if (form) form.hidden = true;
    for (const note of page.querySelectorAll<HTMLElement>('[data-search-nojs]')) note.hidden = true;
    live.hidden = false;
    // Keep ?q= in step with what is searched, so the address can be shared.
    instance.on('search', (term: string) => {
      const url = new URL(location.href);
      if (term) url.searchParams.set('q', term);
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url);
    });
    const query = (new URLSearchParams(location.search).get('q') ?? '').slice(0, MAX_QUERY);
    if (query.trim()) instance.triggerSearch(query);
  }

  /** On a page reached from a result: marks the searched terms (Pagefind's highlighter). */
  async #highlight(): Promise<void> {
    if (!new URLSearchParams(location.search).has(HIGHLIGHT_PARAM)) return;
    try {
      const url = new URL(`${this.base}pagefind/pagefind-highlight.js`, location.href).href;
      const module = (await import(/* @vite-ignore */ url)) as {
        default: new (options: object) => unknown;
      };
      new module.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
    } catch {
      // No highlighter here (e.g. opened from disk): the page reads fine without marks.
    }
  }
}

customElements.define('site-search', SiteSearch);
