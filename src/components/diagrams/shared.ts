// The one client module the diagrams share. A diagram's element extends DiagramElement,
// which keeps its state in ARIA attributes and the URL fragment and lets the
// server-rendered markup do the rest:
// - controls carry `data-key`: a role="radiogroup" of role="radio" buttons or an
//   <input type="range">;
// - any element with `data-show="key=a|b other=c"` is shown only while every condition holds;
// - the visible `[data-say]` elements are what the live region announces (see say());
// - the figure mirrors each state key as `data-state-<key>` for the CSS.
// Controls start `hidden` (no dead buttons without JavaScript) and are revealed here.
// The "Tour" and "Present" buttons are made here (no markup: the pages' bytes are spent);
// what they do is in projector.ts, its own file, loaded when a reader first presses one.
import {
  formatState,
  parseState,
  type DiagramState,
  type StateSpec,
} from '../../lib/diagram-state.ts';
import { addressOf, localise } from '../../lib/live-address.ts';
import { tourButtons } from 'virtual:projector/labels';

export type State = Record<string, string>;

/** True when the reader asks for reduced motion: a figure then changes without moving. */
export const still = (): boolean => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Shows or hides an element: HTML and a whole <svg> by `hidden`, the parts of a picture
 * (SVG has no `hidden` attribute) by `display`.
 */
function show(el: Element, shown: boolean): void {
  if (el instanceof SVGElement && el.ownerSVGElement)
    if (shown) el.removeAttribute('display');
    else el.setAttribute('display', 'none');
  else el.toggleAttribute('hidden', !shown);
}

/** The most words one announcement may have. */
const MAX_WORDS = 25;

/**
 * The sentences (and clauses after a semicolon) of `el` as a reader sees them, block by
 * block: hidden parts and citation marks left out, each heading, paragraph or list item a
 * block of its own.
 */
function sentences(el: Element): string[][] {
  const copy = el.cloneNode(true) as Element;
  for (const part of copy.querySelectorAll('.cite, [hidden]')) part.remove();
  for (const block of copy.querySelectorAll('h2, h3, p, li')) block.append('\n');
  return (copy.textContent ?? '')
    .split('\n')
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((block) => (/[.!?:]$/.test(block) ? block : `${block}.`).split(/(?<=[.!?;])\s+/));
}

/**
 * Whole sentences of `elements`, block by block, as long as they fit in MAX_WORDS words;
 * a block stops at its first sentence that does not fit.
 */
function brief(elements: Element[]): string {
  const out: string[] = [];
  let words = 0;
  for (const block of elements.flatMap(sentences))
    for (const sentence of block) {
      const n = sentence.split(' ').length;
      if (words + n > MAX_WORDS) break;
      out.push(sentence);
      words += n;
    }
  // A clause that ends the announcement ends it as a sentence.
  return out.join(' ').replace(/;$/, '.');
}

export abstract class DiagramElement extends HTMLElement {
  /** What the fragment may hold. */
  abstract spec: StateSpec;
  /** The default view; its keys are the state's keys. */
  abstract defaults: State;
  state: State = {};
  figure!: HTMLElement;
  /** The `[data-say]` elements shown before the last change. */
  #said = new Set<Element>();
  id$ = '';
  /** The tour step this view is (1…n, `tour=<k>` in the fragment); 0 or unset: none. */
  declare tour: number;

  /** Fragment state → internal state (override when the two differ). */
  fromFragment(s: DiagramState): State {
    return { main: s.main, ...s.params };
  }
  /** Internal state → fragment state; keys at their default value are left out. */
  toFragment(s: State): DiagramState {
    const { main = '', ...rest } = s;
    const params = Object.fromEntries(
      Object.entries(rest).filter(([k, v]) => v !== this.defaults[k]),
    );
    return { main, params };
  }
  /** Keeps a state valid (e.g. a step beyond the path's end); called on every change. */
  fix(s: State): State {
    return s;
  }
  /** Anything beyond the declarative markup, run after each state change. */
  draw(): void {}

  connectedCallback(): void {
    const figure = this.querySelector<HTMLElement>('figure[data-diagram]');
    if (!figure) return;
    this.figure = figure;
    this.id$ = figure.dataset['diagram'] ?? '';
    for (const el of this.all('[data-controls]')) el.hidden = false;
    figure
      .querySelector('.diagram-controls')
      ?.insertAdjacentHTML('beforeend', tourButtons[document.documentElement.lang] ?? '');
    figure.dataset['enhanced'] = '';
    const snippet = this.querySelector('[data-snippet]');
    if (snippet) localise(snippet);
    this.addEventListener('click', (e) => this.onClick(e));
    this.addEventListener('keydown', (e) => this.onKey(e));
    this.addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      const key = input.dataset['key'];
      if (key && input.type === 'range') this.set({ [key]: input.value });
    });
    addEventListener('hashchange', () => this.restore(true));
    this.restore(false);
  }

  all<T extends Element = HTMLElement>(selector: string): T[] {
    return [...this.querySelectorAll<T>(selector)];
  }

  /** Stops anything running (playback), so that it cannot change the view or address. */
  stop(): void {}

  /**
   * On opening: applies the fragment's state, or the default when the fragment is not for
   * us. On a later fragment change (`announce`): stops playback, and applies a state only
   * when the fragment is for us; a link elsewhere on the page (skip link, contents, heading
   * anchor) keeps the view.
   */
  restore(announce: boolean): void {
    const read = this.read(location.hash);
    if (announce) this.stop();
    if (announce && !read) return;
    this.apply(read ?? this.defaults);
    if (read) {
      this.figure.scrollIntoView({ block: 'start' });
      if (announce) this.say();
    }
  }

  /**
   * The view that `hash` holds for this figure, or null; its tour step (`tour`, 0: none)
   * comes last (`#io-path=hosted,step=2,tour=5`), so older links read as they did.
   */
  read(hash: string): State | null {
    const [view = '', tour] = hash.split(',tour=');
    const parsed = parseState(view, this.id$, this.spec);
    if (!parsed) return null;
    this.tour = +tour!; // NaN without one: no step
    return this.fix({ ...this.defaults, ...this.fromFragment(parsed) });
  }

  /** Changes part of the state, announces it and writes it to the fragment. */
  set(patch: State): void {
    const next = this.fix({ ...this.state, ...patch });
    if (Object.keys(next).every((k) => next[k] === this.state[k])) return;
    this.tour = 0;
    this.apply(next);
    this.say();
    history.replaceState(history.state, '', `#${this.fragment()}`);
  }

  fragment(): string {
    const view = formatState(this.id$, this.toFragment(this.state));
    return this.tour ? `${view},tour=${this.tour}` : view;
  }

  apply(state: State): void {
    this.#said = new Set(this.shownSays());
    this.state = state;
    for (const [key, value] of Object.entries(state)) {
      this.figure.setAttribute(`data-state-${key}`, value);
      for (const group of this.all(`[role="radiogroup"][data-key="${key}"]`)) {
        const radios = [...group.querySelectorAll<HTMLElement>('[role="radio"]')];
        const none = !radios.some((r) => r.dataset['value'] === value);
        radios.forEach((radio, i) => {
          const on = radio.dataset['value'] === value;
          radio.setAttribute('aria-checked', String(on));
          radio.tabIndex = on || (none && !i) ? 0 : -1;
        });
      }
      for (const input of this.all<HTMLInputElement>(`input[data-key="${key}"]`))
        input.value = value;
    }
    for (const el of this.all('[data-show]')) {
      const shown = (el.dataset['show'] ?? '').split(' ').every((cond) => {
        const [key = '', values = ''] = cond.split('=');
        return values.split('|').includes(state[key] ?? '');
      });
      show(el, shown);
    }
    for (const el of this.all('[data-pick]')) {
      const [key = '', value] = (el.dataset['pick'] ?? '').split('=');
      el.classList.toggle('is-on', state[key] === value);
    }
    const open = document.querySelector<HTMLAnchorElement>(`a[data-open="${this.id$}"]`);
    if (open) open.href = `${open.dataset['href']}#${this.fragment()}`;
    this.share();
    this.draw();
  }

  /** The `[data-say]` elements shown now. */
  shownSays(): Element[] {
    return this.all('[data-say]').filter((el) => !el.closest('[hidden]'));
  }

  /**
   * Announces, in the diagram's one live region, what the last change brought into view
   * (or, where it only took something away, what is shown): plain sentences without the
   * citation marks, at most MAX_WORDS words, so a change is heard in one short breath;
   * `lead` goes before it (a tour step's number and title).
   */
  say(lead = ''): void {
    const live = this.querySelector('[data-live]');
    if (!live) return;
    const shown = this.shownSays();
    const fresh = shown.filter((el) => !this.#said.has(el));
    this.#said = new Set(shown);
    live.textContent = lead + brief(fresh.length ? fresh : shown);
  }

  onClick(e: MouseEvent): void {
    const target = e.target as Element;
    // "Tour" or "Present": their code, a file of its own, loads on the first press (with a
    // preload helper that only calls import(): src/integrations/projector-data.ts).
    const act = target.closest<HTMLElement>('[data-projector]')?.dataset['projector'];
    if (act) return void import('./projector.ts').then((m) => m.run(this, act));
    const radio = target.closest<HTMLElement>('[role="radio"]');
    const group = radio?.closest<HTMLElement>('[role="radiogroup"]');
    const pick = target.closest<SVGElement>('[data-pick]');
    if (radio && group) this.pickRadio(group, radio);
    else if (pick) {
      const [key = '', value = ''] = (pick.dataset['pick'] ?? '').split('=');
      this.set({ [key]: value });
    }
  }

  pickRadio(group: HTMLElement, radio: HTMLElement): void {
    this.set({ [group.dataset['key'] ?? '']: radio.dataset['value'] ?? '' });
    radio.focus();
  }

  onKey(e: KeyboardEvent): void {
    const radio = (e.target as Element).closest<HTMLElement>('[role="radio"]');
    const group = radio?.closest<HTMLElement>('[role="radiogroup"]');
    if (!radio || !group) return;
    const radios = [...group.querySelectorAll<HTMLElement>('[role="radio"]:not([hidden])')];
    const i = radios.indexOf(radio);
    const n = radios.length;
    const to = {
      ArrowRight: i + 1,
      ArrowDown: i + 1,
      ArrowLeft: i - 1 + n,
      ArrowUp: i - 1 + n,
      Home: 0,
      End: n - 1,
    }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = radios[to % n];
    if (next) this.pickRadio(group, next);
  }

  /**
   * Keeps the copy buttons under the figure (<copy-link data-copy>) and the embed code shown
   * there on the current view: the link to this view, and the embed code pointing at it, the
   * one shown being the one copied.
   */
  share(): void {
    const { page = '', embed = '' } = this.figure.dataset;
    const hash = `#${this.fragment()}`;
    const snippet = this.querySelector('[data-snippet]');
    if (snippet) {
      const texts = document.createTreeWalker(snippet, NodeFilter.SHOW_TEXT);
      while (texts.nextNode()) {
        const node = texts.currentNode;
        node.nodeValue = (node.nodeValue ?? '').replace(
          /src="[^"]*"/,
          `src="${addressOf(embed)}${hash}"`,
        );
      }
    }
    for (const copy of this.all('copy-link[data-copy]'))
      copy.dataset['text'] =
        copy.dataset['copy'] === 'embed' ? (snippet?.textContent ?? '') : addressOf(page) + hash;
  }
}
