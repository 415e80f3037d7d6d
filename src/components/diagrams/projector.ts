// The tour and projector mode of a figure, loaded by DiagramElement (shared.ts) when a
// reader first presses "Tour" or "Present": its own file, so a reader who never asks for it
// never loads it.
// - The tour steps through the views of src/content/tours.yaml: back / "step k of n" / next
//   and the step's title (with its citation mark) in the figure's toolbar. Each step is
//   announced once in the figure's live region and written to the address as `tour=<k>`
//   after the view's own keys, so a teacher can link to a step.
// - Projector mode shows the figure alone, full screen (the Fullscreen API), or filling the
//   viewport where full screen is refused (an iframe without `allow="fullscreen"`); the
//   rest of the page is inert meanwhile. The toolbar keeps only the tour and "Leave"; the
//   type and lines grow (projector.css). → / PageDown / Space and ← / PageUp step (a
//   presentation clicker sends PageDown / PageUp), Home / End go to the ends, Esc leaves and
//   puts the focus back on "Present".
// Outside projector mode the tour's keys act on the tour's controls only, so arrow keys keep
// their meaning everywhere else (radio groups, the I/O path's own steps).
import data from 'virtual:projector/tours';
import css from './projector.css?inline';
import { addressOf } from '../../lib/live-address.ts';
import { openQr } from '../course/qr/open.ts';
import type { DiagramElement } from './shared.ts';

interface Tour {
  group: HTMLElement;
  count: HTMLElement;
  title: HTMLElement;
  /** The last step shown (1…n). */
  at: number;
}

const tours = new WeakMap<DiagramElement, Tour>();
const lang = document.documentElement.lang;
const { words, tours: steps } = data[lang] ?? data['en']!;
/**
 * The mode's styles, adopted by the document on first use: a stylesheet of the page would
 * cost every reader its bytes, and a <style> element would need a hash in the page's CSP.
 */
const sheet = new CSSStyleSheet();
sheet.replaceSync(css);
/** What the last projector mode made inert, to give back on leaving. */
let inert: Element[] = [];

const stepsOf = (el: DiagramElement) => steps[el.id$] ?? [];
const stepText = (k: number, n: number) =>
  words.step.replace('{k}', String(k)).replace('{n}', String(n));

function button(text: string, action: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'diagram-button';
  b.textContent = text;
  b.onclick = action;
  return b;
}

/** The tour's controls in the figure's toolbar, made on first use. */
function tourOf(el: DiagramElement): Tour {
  const known = tours.get(el);
  if (known) return known;
  if (!document.adoptedStyleSheets.includes(sheet))
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  // The toolbar's "Tour" button gives way to the tour's group, "Present" moving into it.
  const group = document.createElement('div');
  group.className = 'diagram-group';
  group.dataset['tour'] = '';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', words.group);
  const back = button(words.back, () => step(el, -1));
  back.dataset['step'] = 'back';
  const next = button(words.next, () => step(el, 1));
  next.dataset['step'] = 'next';
  const count = document.createElement('span');
  count.className = 'tour-count';
  const leave = button(words.leave, () => void present(el, false));
  leave.dataset['leave'] = '';
  // The corner's "Show QR code", in projector mode only (projector.css places it): the code
  // of the view on its full page (from an embed page too), as the copy buttons make it.
  const corner = document.createElement('span');
  corner.dataset['projectorCorner'] = '';
  const qr = button(words.qr, () => {
    const open = document.querySelector<HTMLElement>(`a[data-open="${el.id$}"]`);
    const page = open?.dataset['href'] ?? el.figure.dataset['page'] ?? '';
    void openQr(`${addressOf(page)}#${el.fragment()}`, qr);
  });
  corner.append(qr);
  const title = document.createElement('p');
  title.className = 'tour-title';
  el.querySelector('[data-projector="tour"]')?.replaceWith(group);
  group.append(back, count, next, el.querySelector('[data-projector="present"]')!, leave);
  group.append(corner, title);
  group.addEventListener('keydown', (e) => {
    if (!el.dataset['projecting']) onKey(el, e);
  });
  const tour = { group, count, title, at: 0 };
  tours.set(el, tour);
  return tour;
}

/** Shows step `k` of the tour (kept within 1…n): its view, title, count and address. */
function go(el: DiagramElement, k: number): void {
  const list = stepsOf(el);
  const tour = tourOf(el);
  const at = Math.min(Math.max(k, 1), list.length);
  const s = list[at - 1];
  // At an end, "next" (or "back") stays where it is, unsaid.
  if (at === el.tour && at === tour.at) return;
  const state = s && el.read(`${el.id$}=${s.state}`);
  if (!state) return;
  el.stop();
  el.tour = at;
  el.apply(state);
  show(el, tour, at);
  el.say(`${stepText(at, list.length)}: ${s.title}. `);
  history.replaceState(history.state, '', `#${el.fragment()}`);
}

/** Puts step `at` in the tour's controls: the count, the title and its citation mark. */
function show(el: DiagramElement, tour: Tour, at: number): void {
  const list = stepsOf(el);
  const s = list[at - 1];
  tour.at = at;
  tour.count.textContent = stepText(at, list.length);
  tour.title.textContent = s?.title ?? '';
  // The mark is the figure's own: each cited id is shown by one of the statements the step
  // shows (tests/unit/tours.test.ts), whose server-rendered mark links to it.
  const links = (s?.cites ?? []).flatMap((id) => {
    const a = el.figure.querySelector(`.cite a[href$="#${id}"]`);
    return a ? [a.cloneNode(true)] : [];
  });
  if (links.length) {
    const mark = tour.title.appendChild(document.createElement('sup'));
    mark.className = 'cite';
    links.forEach((a, i) => mark.append(...(i ? [', ', a] : [a])));
  }
  for (const b of tour.group.querySelectorAll<HTMLElement>('[data-step]'))
    b.setAttribute(
      'aria-disabled',
      String(b.dataset['step'] === 'back' ? at <= 1 : at >= list.length),
    );
}

function step(el: DiagramElement, by: number): void {
  go(el, (tours.get(el)?.at ?? 0) + by);
}

/** The tour's keys: in projector mode on the whole view, else on the tour's controls. */
function onKey(el: DiagramElement, e: KeyboardEvent): void {
  const target = e.target as Element;
  // A dialog over the view (the QR code) has the keys: Esc closes it, not projector mode.
  if (document.querySelector('dialog:modal')) return;
  if (e.key === 'Escape' && el.dataset['projecting']) {
    e.preventDefault();
    void present(el, false);
    return;
  }
  // A radio group's arrows (and Home / End) keep their meaning; Space on a link, summary
  // or field does what it does there.
  if (target.closest('[role="radiogroup"], input') && /^(Arrow|Home|End)/.test(e.key)) return;
  if (e.key === ' ' && target.closest('a, summary, input, [role="radio"]')) return;
  const n = stepsOf(el).length;
  const at = tours.get(el)?.at ?? 0;
  const to = {
    ArrowRight: at + 1,
    PageDown: at + 1,
    ' ': at + 1,
    ArrowLeft: at - 1,
    PageUp: at - 1,
    Home: 1,
    End: n,
  }[e.key];
  if (to === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  go(el, to);
}

let keys: ((e: KeyboardEvent) => void) | undefined;

/** Enters (`on`) or leaves projector mode. */
async function present(el: DiagramElement, on: boolean): Promise<void> {
  const tour = tourOf(el);
  if (!on) {
    if (!el.dataset['projecting']) return;
    delete el.dataset['projecting'];
    for (const other of inert) other.removeAttribute('inert');
    inert = [];
    if (keys) removeEventListener('keydown', keys);
    keys = undefined;
    if (document.fullscreenElement) await document.exitFullscreen().catch(() => {});
    el.querySelector<HTMLElement>('[data-projector="present"]')?.focus();
    return;
  }
  if (el.dataset['projecting']) return;
  el.dataset['projecting'] = 'overlay';
  // Everything but the figure leaves the keyboard's and the screen reader's way.
  for (let n: Element = el; n.parentElement && n !== document.body; n = n.parentElement)
    for (const other of n.parentElement.children)
      // A closed dialog (the QR code's) stays out of it: it opens over projector mode.
      if (other !== n && !other.matches('[inert], script, dialog')) {
        other.setAttribute('inert', '');
        inert.push(other);
      }
  keys = (e) => onKey(el, e);
  addEventListener('keydown', keys);
  tour.group.querySelector<HTMLElement>('[data-step="next"]')?.focus();
  if (!document.fullscreenEnabled) return;
  try {
    await el.requestFullscreen({ navigationUI: 'hide' });
    el.dataset['projecting'] = 'full';
  } catch {
    // Refused (no user gesture left, a browser setting): the overlay stays.
  }
}

addEventListener('fullscreenchange', () => {
  // Full screen ended by the browser (Esc, F11, a gesture): projector mode ends with it.
  for (const el of document.querySelectorAll<DiagramElement>('[data-projecting="full"]'))
    if (document.fullscreenElement !== el) void present(el, false);
});

/**
 * Runs `action` for `el`: `tour` shows the tour's controls, `present` projector mode. Both
 * go on from the step the view is (a link to one) or was last, or start at step 1.
 */
export function run(el: DiagramElement, action: string): void {
  const tour = tourOf(el);
  if (el.tour) show(el, tour, el.tour);
  else go(el, tour.at || 1);
  if (action === 'present') void present(el, true);
  else tour.group.querySelector<HTMLElement>('[data-step="next"]')?.focus();
}
