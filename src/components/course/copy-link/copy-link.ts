// <copy-link>: loaded on first use by boot.ts; copies `data-text` (its address completed with
// the page's own origin, lib/live-address.ts) and says so.
import { announce, statusRegion } from '../../../lib/announce.ts';
import { localise } from '../../../lib/live-address.ts';

/** Copies `data-text` when its button is pressed (or says that the browser cannot). */
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
    try {
      await navigator.clipboard.writeText(text);
      announce(this.dataset['copied'] ?? '');
      if (done) {
        // Seen, not heard: the live region has said it, and the button keeps its name.
        done.ariaHidden = 'true';
        done.hidden = false;
        window.clearTimeout(this.#timer);
        this.#timer = window.setTimeout(() => (done.hidden = true), 2000);
      }
    } catch {
      announce(this.dataset['failed'] ?? '');
    }
  }
}

customElements.define('copy-link', CopyLinkElement);
