// <copy-link>: loaded on first use by boot.ts; copies `data-text` (its address completed with
// the page's own origin, lib/live-address.ts) and says so, or shows it selected in a field
// with how to copy it where the clipboard is missing or refused (lib/copy.ts). Its "Show QR
// code" button (`data-qr`) shows the code of that same address; the QR dialog's code and
// library load only then (course/qr/open.ts).
import { announce, statusRegion } from '../../../lib/announce.ts';
import { copyText } from '../../../lib/copy.ts';
import { addressOf, localise } from '../../../lib/live-address.ts';
import { openQr } from '../qr/open.ts';

/** Copies `data-text` when its button is pressed (or shows it ready to copy by hand). */
class CopyLinkElement extends HTMLElement {
  #timer = 0;

  connectedCallback(): void {
    statusRegion();
    this.addEventListener('click', this);
  }

  async handleEvent(event: Event): Promise<void> {
    const button = (event.target as Element).closest('button');
    if (!button) return;
    const around = this.closest<HTMLElement>('[data-address]');
    localise(around ?? this);
    // Without a text of its own (a heading's), it copies the address around it; the search
    // page's link carries the search the page shows (kept in the page's address).
    const text =
      (this.dataset['text'] ?? addressOf(around?.dataset['address'] ?? '')) +
      (this.hasAttribute('data-query') ? location.search : '');
    if (button.hasAttribute('data-qr')) {
      // An embed code's code is the address it embeds.
      const address = /\bsrc="([^"]*)"/.exec(text)?.[1] ?? text;
      return openQr(address, button);
    }
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
