// The one script a page runs when it opens (with the theme snippet under 1 KB compressed;
// see tests/budgets.ts): the theme switch (<theme-switch> in ThemeSwitch.astro), and hooks
// that load everything else on first use. Each feature's code waits in an inert <template>
// (LazyScripts.astro). Search loads when it is opened (header link or Ctrl/⌘+K, handled here
// always; no one-key shortcut, WCAG 2.1.4) or on the search page; copy-link buttons, the
// citation box's addresses, self-checks, glossary previews, the print button and the offline
// copy's control load when a reader first points at, focuses or uses one (the offline copy's
// worker is registered only when a reader keeps a copy). Nothing a reader does first is lost:
// a click (a tap is one) is replayed once the code runs: a self-check's "Check answer" answers
// the option chosen, also one chosen before this script ran (choosing alone answers nothing).

type Host = HTMLElement & { show?(): void; open?(from: Element | null): void };
const HOSTS =
  'copy-link,glossary-term,quiz-question,print-button,site-search,site-address,offline-copy';

/** Inserts the code of element `name` (once); resolves when the element is defined and styled. */
function load(name: string): Promise<unknown> {
  const code = document.querySelector<HTMLTemplateElement>(`template[data-lazy="${name}"]`);
  const content = code && document.importNode(code.content, true);
  // A feature that brings its own stylesheet is ready once that has loaded (or failed).
  const sheet = content?.querySelector('link');
  code?.remove();
  if (content) document.head.append(content);
  return Promise.all([
    customElements.whenDefined(name),
    sheet && new Promise((done) => (sheet.onload = sheet.onerror = done)),
  ]);
}

function openSearch(from: Element | null): void {
  const host = document.querySelector<Host>('site-search');
  if (host) void load('site-search').then(() => host.open?.(from));
}

function handle(event: Event): void {
  const target = event.target as HTMLElement;
  const { ctrlKey, metaKey, shiftKey, altKey, isComposing, key = '' } = event as KeyboardEvent;
  if (event.type === 'keydown') {
    if ((ctrlKey || metaKey) && !shiftKey && !altKey && !isComposing && /^k$/i.test(key)) {
      event.preventDefault();
      openSearch(document.activeElement);
    }
    return;
  }
  const trigger = target.closest?.('[data-search-trigger]');
  if (
    trigger &&
    event.type === 'click' &&
    !((event as MouseEvent).button || ctrlKey || metaKey || shiftKey)
  ) {
    event.preventDefault();
    return openSearch(trigger);
  }
  const host = target.closest?.<Host>(HOSTS);
  if (!host || customElements.get(host.localName)) return;
  const button = target.closest('button');
  let replay: () => unknown = () => void (host.matches(':hover,:focus-within') && host.show?.());
  if (event.type === 'click') {
    if (!button) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    replay = () => button.click();
  }
  void load(host.localName).then(replay);
}

// The theme switch: the <head> snippet has applied the stored choice; keep it in step.
const root = document.documentElement;
const select = document.querySelector<HTMLSelectElement>('theme-switch select');
if (select) {
  const apply = () => {
    const theme = select.value;
    if (theme === 'system') delete root.dataset['theme'];
    else root.dataset['theme'] = theme;
    try {
      // "system" is remembered too; the <head> snippet applies only light and dark.
      localStorage['theme'] = theme;
    } catch {
      // Storage blocked: the choice holds for this page view only.
    }
  };
  // The select shows before this script runs (html.js): a pick made by then is applied,
  // not undone.
  if (select.value === 'system') select.value = root.dataset['theme'] ?? 'system';
  else apply();
  select.onchange = apply;
}

for (const type of ['pointerover', 'focusin', 'click', 'change', 'keydown'])
  document.addEventListener(type, handle, true);

// The search page and a page reached from a search result need search at once.
if (document.querySelector('[data-search-page]') || location.search.includes('pagefind-highlight'))
  void load('site-search');
