// <copy-link>: loaded on first use by boot.ts; copies `data-text` (its address completed with
// the page's own origin, lib/live-address.ts) and says so, or shows it selected in a field
// with how to copy it where the clipboard is missing or refused (lib/copy.ts).
import { announce, statusRegion } from '../../../lib/announce.ts';
import { copyText } from '../../../lib/copy.ts';
import { localise } from '../../../lib/live-address.ts';

/** Copies `data-text` when its button is pressed (or shows it ready to copy by hand). */
class CopyLinkElement extends HTMLElement {
  #timer = 0;

  connectedCallback(): void {
    const button = this.querySelector('button');
    statusRegion();
    button?.addEventListener('click', this);
  }

  async handleEvent(): Promise<void> {
    localise(this.closest('[data-address]') ?? this);
    const text = this.dataset['text'] ?? '';
    const done = this.querySelector<HTMLElement>('.copy-link-done');
    // A heading's field goes under the heading row, any other under the button; focused,
    // the field's label (how to copy) is what a screen reader says.
    const hint = this.dataset['hint'] ?? '';
    if (!(await copyText(text, this.closest('.heading') ?? this, hint))) return;
    announce(this.dataset['copied'] ?? '');
    if (done) {
      // Seen, not heard: the live region has said it, and the button keeps its name.
      done.ariaHidden = 'true';
      done.hidden = false;
      window.clearTimeout(this.#timer);
      this.#timer = window.setTimeout(() => (done.hidden = true), 2000);
    }
  }
}

customElements.define('copy-link', CopyLinkElement);
