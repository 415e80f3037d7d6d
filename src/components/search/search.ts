// <site-search>: the site's own search dialog and the search page's live search, over one
// interface for both engines (src/lib/search/engine.ts). Pagefind answers through its
// documented JS API where it can start; where it cannot (no WebAssembly, the site opened
// from file://, or its files failing to load), the fallback engine (MiniSearch over the
// same enriched records) answers instead. Everything loads on first use only.
import type { SearchData, SearchEngine } from '../../lib/search/engine.ts';
import { DATA_GLOBAL, MAX_QUERY } from '../../lib/search/engine.ts';
import { pagefindEngine } from '../../lib/search/pagefind-engine.ts';
import { SearchPanel, type SearchLabels } from './search-panel.ts';

/** The query parameter that carries the search terms to the result page. */
const HIGHLIGHT_PARAM = 'pagefind-highlight';

/**
 * True where Pagefind itself can run: it needs WebAssembly and fetch over http(s), and a copy
 * that ships it (the SCORM package marks its pages `<html data-search="fallback">`).
 */
export function pagefindCanStart(): boolean {
  return (
    typeof WebAssembly === 'object' &&
    typeof fetch === 'function' &&
    location.protocol !== 'file:' &&
    document.documentElement.dataset['search'] !== 'fallback'
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

/** On file:// every page link must name its index.html. */
const fileUrl = (url: string) =>
  location.protocol === 'file:' ? url.replace(/\/(?=[?#]|$)/, '/index.html') : url;

class SiteSearch extends HTMLElement {
  #engine: Promise<SearchEngine> | undefined;
  #data: Promise<SearchData> | undefined;
  #dialog: HTMLDialogElement | undefined;
  #panel: SearchPanel | undefined;
  #returnTo: Element | null = null;

  get searchLang(): string {
    return this.dataset['lang'] ?? document.documentElement.lang;
  }

  /** The site root as written into the page (`/`, `/kurs/x/`, or relative in a portable copy). */
  get base(): string {
    return this.dataset['base'] ?? '/';
  }

  get labels(): SearchLabels {
    return JSON.parse(this.dataset['labels'] ?? '{}') as SearchLabels;
  }

  /** The search page's container, when this page is the search page. */
  get page(): HTMLElement | null {
    return document.querySelector<HTMLElement>('[data-search-page]');
  }

  connectedCallback(): void {
    this.querySelector('[data-search-trigger]')?.setAttribute('aria-haspopup', 'dialog');
    if (this.page) void this.#startPage(this.page);
    void this.#highlight();
  }

  /** The language's data file (a classic script, so it also loads from file://). */
  #loadData(): Promise<SearchData> {
    this.#data ??= (async () => {
      const globals = globalThis as unknown as Record<string, Record<string, SearchData>>;
      if (!globals[DATA_GLOBAL]?.[this.searchLang])
        await loadScript(`${this.base}search-fallback/${this.searchLang}.js`);
      const data = globals[DATA_GLOBAL]?.[this.searchLang];
      if (!data) throw new Error('search: the search data is missing');
      return data;
    })();
    return this.#data;
  }

  async #fallback(): Promise<SearchEngine> {
    const [{ fallbackEngine }, { stem }, data] = await Promise.all([
      import('../../lib/search/fallback-engine.ts'),
      import('../../lib/search/stem.ts'),
      this.#loadData(),
    ]);
    this.dataset['engine'] = 'fallback';
    return fallbackEngine(data, {
      // On file:// the base is a relative path (see the portable build); no highlighting
      // there, nor in a SCORM package, which ships no Pagefind (so no highlighter).
      root: this.base,
      ...(location.protocol !== 'file:' &&
        document.documentElement.dataset['search'] !== 'fallback' && {
          highlightParam: HIGHLIGHT_PARAM,
        }),
      link: fileUrl,
      stem,
    });
  }

  /** Pagefind where it can start, else the fallback; a Pagefind that fails later hands over too. */
  #start(): Promise<SearchEngine> {
    this.#engine ??= (async () => {
      if (pagefindCanStart()) {
        try {
          const pagefind = await pagefindEngine(
            this.searchLang,
            `${this.base}pagefind/`,
            this.base,
            HIGHLIGHT_PARAM,
            () => this.#loadData(),
          );
          this.dataset['engine'] = 'pagefind';
          return this.#guard(pagefind);
        } catch {
          // Pagefind's files could not load: the fallback answers.
        }
      }
      return this.#fallback();
    })();
    return this.#engine;
  }

  /** Pagefind, switching to the fallback if a search fails (e.g. its index cannot load). */
  #guard(engine: SearchEngine): SearchEngine {
    let current: SearchEngine | Promise<SearchEngine> = engine;
    return {
      name: engine.name,
      lang: engine.lang,
      data: () => this.#loadData(),
      search: async (query) => {
        try {
          return await (await current).search(query);
        } catch {
          current = this.#fallback();
          return (await current).search(query);
        }
      },
    };
  }

  #newPanel(): SearchPanel {
    const panel = new SearchPanel(this.labels, () => this.#start());
    panel.pageUrl = (url) => fileUrl(`${this.base}${url}`);
    return panel;
  }

  /** Opens the dialog (or, on the search page, moves to its field). */
  async open(returnTo: Element | null): Promise<void> {
    if (this.#dialog?.open) return;
    const pageInput = this.page?.querySelector<HTMLInputElement>('[data-search-live] input');
    if (pageInput) {
      pageInput.focus();
      return;
    }
    this.#returnTo = returnTo;
    if (!this.#dialog) {
      const labels = this.labels;
      const panel = this.#newPanel();
      const dialog = document.createElement('dialog');
      dialog.className = 'search-dialog';
      dialog.setAttribute('aria-label', labels.title);
      const giveBack = () => (this.#returnTo as HTMLElement | null)?.focus?.();
      // Closing hands focus back at once, so the reader's next key lands where they were.
      const shut = () => {
        dialog.close();
        giveBack();
      };
      const close = document.createElement('button');
      close.type = 'button';
      close.className = 'search-close';
      close.textContent = labels.close;
      close.addEventListener('click', shut);
      // A click on the backdrop (outside the box) closes too.
      dialog.addEventListener('click', (event) => {
        if (event.target === dialog) shut();
      });
      // Escape closes, as the key hint says, also while the field holds a query (a search
      // field's own Escape would only empty it).
      dialog.addEventListener('keydown', (event) => {
        if (event.key !== 'Escape' || event.isComposing) return;
        event.preventDefault();
        shut();
      });
      // Closed another way (the browser's own close request): focus returns later, and only
      // if the reader has not moved it on meanwhile.
      dialog.addEventListener('close', () => {
        if (!document.activeElement || document.activeElement === document.body) giveBack();
      });
      dialog.append(panel.root, close);
      document.body.append(dialog);
      this.#dialog = dialog;
      this.#panel = panel;
      // Start the engine while the reader types the first word.
      void this.#start().catch(() => undefined);
    }
    this.#dialog.showModal();
    this.#panel?.input.focus();
  }

  /** The search page: runs the query from `?q=` and keeps the address in step. */
  async #startPage(page: HTMLElement): Promise<void> {
    const live = page.querySelector<HTMLElement>('[data-search-live]');
    if (!live) return;
    const panel = this.#newPanel();
    live.append(panel.root);
    page.querySelector<HTMLFormElement>('form')?.setAttribute('hidden', '');
    for (const note of page.querySelectorAll<HTMLElement>('[data-search-nojs]')) note.hidden = true;
    live.hidden = false;
    panel.onSearch = (term) => {
      const url = new URL(location.href);
      if (term) url.searchParams.set('q', term);
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url);
    };
    const query = (new URLSearchParams(location.search).get('q') ?? '').slice(0, MAX_QUERY);
    // The linked query shows at once, while the engine loads.
    if (query.trim()) panel.input.value = query;
    panel.input.focus();
    try {
      await this.#start();
    } catch {
      const status = page.querySelector<HTMLElement>('[data-search-status]');
      if (status) {
        status.hidden = false;
        status.textContent = this.dataset['unavailable'] ?? '';
      }
      return;
    }
    // A reader who typed while the engine loaded keeps their own words and their results.
    if (query.trim() && panel.input.value === query) await panel.search(query);
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
