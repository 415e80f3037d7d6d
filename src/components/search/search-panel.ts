// The search box and its results, shared by the dialog and the search page: a combobox
// (the input) that owns a listbox of result links, a polite status line with the count, and
// help when nothing is found. Arrow keys move through the results, Enter opens one; focus
// stays in the input. Built with DOM calls only: every text from the index or the reader
// is set as text, never as HTML.
import {
  answer,
  MAX_QUERY,
  type Answer,
  type Piece,
  type SearchEngine,
} from '../../lib/search/engine.ts';

/** The panel's words, from the page's language (Search.astro). */
export interface SearchLabels {
  title: string;
  label: string;
  close: string;
  results: string;
  one: string;
  other: string;
  none: string;
  corrected: string;
  similar: string;
  allPages: string;
  glossary: string;
  keys: string;
  loading: string;
}

/** Milliseconds the input waits after a keystroke before searching. */
const DEBOUNCE = 10;
let panels = 0;

/**
 * A label with its `{name}` slots filled. Words the reader typed (the query, its correction)
 * go in a <bdi>, so that right-to-left text in them cannot reorder the sentence around them.
 */
const fill = (template: string, values: Record<string, string | number>): (Node | string)[] =>
  template
    .split(/\{(\w+)\}/)
    .map((part, i) =>
      i % 2 === 0
        ? part
        : typeof values[part] === 'string'
          ? element('bdi', {}, values[part])
          : String(values[part] ?? ''),
    );

function element<K extends keyof HTMLElementTagNameMap>(
  name: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(name);
  for (const [key, value] of Object.entries(props))
    if (value !== undefined) el.setAttribute(key, value);
  el.append(...children);
  return el;
}

const pieces = (list: Piece[]) =>
  list.map((p) =>
    typeof p === 'string' ? document.createTextNode(p) : element('mark', {}, p.mark),
  );

export class SearchPanel {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  readonly #status: HTMLElement;
  readonly #list: HTMLElement;
  readonly #help: HTMLElement;
  readonly #labels: SearchLabels;
  readonly #engine: () => Promise<SearchEngine>;
  #timer = 0;
  #latest = 0;
  #active = -1;
  /** Called with each query searched (the search page keeps ?q= in step). */
  onSearch: (query: string) => void = () => {};

  constructor(labels: SearchLabels, engine: () => Promise<SearchEngine>) {
    this.#labels = labels;
    this.#engine = engine;
    const id = `search-${++panels}`;
    this.input = element('input', {
      id: `${id}-input`,
      type: 'search',
      role: 'combobox',
      'aria-expanded': 'false',
      'aria-controls': `${id}-list`,
      'aria-autocomplete': 'list',
      'aria-describedby': `${id}-status`,
      autocomplete: 'off',
      spellcheck: 'false',
      maxlength: String(MAX_QUERY),
      enterkeyhint: 'search',
    });
    this.#status = element('p', { id: `${id}-status`, class: 'search-status', role: 'status' });
    this.#list = element('div', {
      id: `${id}-list`,
      class: 'search-results',
      role: 'listbox',
      'aria-label': labels.results,
    });
    this.#help = element('div', { class: 'search-help' });
    this.#help.hidden = true;
    this.root = element(
      'div',
      { class: 'search-panel' },
      element('label', { for: this.input.id, class: 'search-label' }, labels.label),
      this.input,
      this.#status,
      this.#list,
      this.#help,
      element('p', { class: 'search-keys', 'aria-hidden': 'true' }, labels.keys),
    );
    this.input.addEventListener('input', () => this.#schedule());
    this.input.addEventListener('keydown', (event) => this.#key(event));
  }

  /** Searches `query` now (as if typed). */
  search(query: string): Promise<void> {
    this.input.value = query.slice(0, MAX_QUERY);
    return this.#run();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => void this.#run(), DEBOUNCE);
  }

  async #run(): Promise<void> {
    const query = this.input.value.slice(0, MAX_QUERY);
    const ticket = ++this.#latest;
    this.onSearch(query);
    if (!query.trim()) {
      this.#show({ query, hits: [] });
      return;
    }
    if (!this.#list.childElementCount) this.#status.textContent = this.#labels.loading;
    const engine = await this.#engine();
    const found = await answer(engine, query);
    // An older query that answers late must not replace a newer one's results.
    if (ticket === this.#latest) await this.#show(found, engine);
  }

  async #show(found: Answer, engine?: SearchEngine): Promise<void> {
    const labels = this.#labels;
    const options: HTMLElement[] = [];
    for (const hit of found.hits) {
      options.push(this.#option(hit.url, hit.title, hit.excerpt, 'page'));
      for (const s of hit.sections)
        options.push(this.#option(s.url, s.title, s.excerpt, 'section'));
    }
    options.forEach((option, i) => (option.id = `${this.#list.id}-${i}`));
    this.#list.replaceChildren(...options);
    this.#active = -1;
    this.input.removeAttribute('aria-activedescendant');
    this.input.setAttribute('aria-expanded', String(options.length > 0));
    const n = found.hits.length;
    const q = found.query.trim();
    this.#status.replaceChildren(
      ...(!q
        ? []
        : found.corrected && n
          ? fill(labels.corrected, { q, c: found.corrected, n })
          : n
            ? fill(n === 1 ? labels.one : labels.other, { q, n })
            : fill(labels.none, { q })),
    );
    this.#help.hidden = !q || n > 0;
    if (q && n === 0 && engine) await this.#suggest(found, engine);
  }

  #option(url: string, title: string, excerpt: Piece[], kind: 'page' | 'section'): HTMLElement {
    return element(
      'a',
      {
        href: url,
        role: 'option',
        class: 'search-option',
        'data-kind': kind,
        'aria-selected': 'false',
      },
      element('span', { class: 'search-option-title' }, title),
      element('span', { class: 'search-option-excerpt' }, ...pieces(excerpt)),
    );
  }

  /** No results: the closest index words, the glossary and every page. */
  async #suggest(found: Answer, engine: SearchEngine): Promise<void> {
    const data = await engine.data();
    const labels = this.#labels;
    const help: Node[] = [];
    if (found.similar?.length) {
      const buttons = found.similar.map((word) => {
        const button = element('button', { type: 'button', class: 'search-similar' }, word);
        button.addEventListener('click', () => {
          void this.search(word);
          this.input.focus();
        });
        return element('li', {}, button);
      });
      help.push(
        element('p', {}, labels.similar),
        element('ul', { class: 'search-similar-list' }, ...buttons),
      );
    }
    const root = (url: string) => this.pageUrl(url);
    const glossary = data.pages.find((p) => p.g);
    if (glossary)
      help.push(element('p', {}, element('a', { href: root(glossary.u) }, labels.glossary)));
    help.push(
      element('p', {}, labels.allPages),
      element(
        'ul',
        { class: 'search-pages' },
        ...data.pages.map((p) => element('li', {}, element('a', { href: root(p.u) }, p.t))),
      ),
    );
    this.#help.replaceChildren(...help);
  }

  /** Turns a site-relative page URL from the data into a link (set by the host). */
  pageUrl: (url: string) => string = (url) => `/${url}`;

  #key(event: KeyboardEvent): void {
    const options = [...this.#list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (options.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.#activate(options, (this.#active + step + options.length) % options.length);
    } else if (event.key === 'Enter' && !event.isComposing) {
      const target = options[this.#active] ?? options[0];
      if (!target) return;
      event.preventDefault();
      target.click();
    }
  }

  #activate(options: HTMLElement[], index: number): void {
    options[this.#active]?.setAttribute('aria-selected', 'false');
    this.#active = index;
    const option = options[index];
    if (!option) return;
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }
}
