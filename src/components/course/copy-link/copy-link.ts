// <copy-link>: loaded on first use by boot.ts; copies `data-text` and says so.
import { announce, statusRegion } from '../../../lib/announce.ts';

/** Copies `data-text` when its button is pressed (or says that the browser cannot). */
class CopyLinkElement extends HTMLElement {
  #timer = 0;

  connectedCallback(): void {
    const button = this.querySelector('button');
    statusRegion();
    button?.addEventListener('click', this);
  }

  async handleEvent(): Promise<void> {
    const text = this.dataset['text'] ?? '';
    const done = this.querySelector<HTMLElement>('.copy-link-done');
    try {
      await navigator.clipboard.writeText(text);
      announce(this.dataset['copied'] ?? '');
      if (done) {
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
