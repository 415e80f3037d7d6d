// "Show QR code": a modal dialog with the code of one address, large enough to scan from the
// back of a lecture hall when projected, the address written under it. Loaded only when a
// reader first asks for a code (open.ts inserts it from its <template>): the QR library comes
// with it, from the site itself. The caller passes the live address, made as the copy
// buttons make it (lib/live-address.ts); this module computes no address. Once run, it
// defines <qr-code>, whose static `show` is `showQr` (how open.ts reaches it).
import { qrSvg } from '../../../lib/qr.ts';
import sheet from './qr.css?url';

let dialog: HTMLDialogElement | undefined;
let opener: HTMLElement | undefined;
let styled: Promise<unknown> | undefined;

/** The dialog's words, written into every page once (on QrLazy.astro's template). */
const words = () =>
  document.querySelector<HTMLElement>('template[data-lazy="qr-code"]')?.dataset ?? {};

/**
 * The dialog's stylesheet, linked on first use (the page's policy allows the site's own).
 * Not a <link> in QrLazy's template, as search's is: every page carries that template, and
 * the link's markup would cost the tightest pages their last bytes.
 */
function style(): Promise<unknown> {
  styled ??= new Promise((done) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = sheet;
    link.onload = link.onerror = done;
    document.head.append(link);
  });
  return styled;
}

/** Builds the dialog once: heading, close button, code and address. */
function build(): HTMLDialogElement {
  const { title = '', close = '' } = words();
  const box = document.createElement('dialog');
  box.className = 'qr-dialog';
  box.setAttribute('aria-labelledby', 'qr-title');
  box.innerHTML =
    '<div class="qr-head"><h2 id="qr-title"></h2><button type="button" class="qr-close"></button></div>' +
    '<div class="qr-frame"></div><p class="qr-address"></p>';
  const [heading, shut] = box.querySelectorAll<HTMLElement>('h2, button');
  if (heading) heading.textContent = title;
  if (shut) {
    shut.textContent = close;
    shut.addEventListener('click', () => box.close());
  }
  // A click on the backdrop (outside the box) closes too; Escape closes natively.
  box.addEventListener('click', (event) => {
    if (event.target === box) box.close();
  });
  // Focus goes back to the button that opened it (also when its click was replayed by
  // boot.ts and the button never had focus).
  box.addEventListener('close', () => opener?.focus());
  document.body.append(box);
  return box;
}

/**
 * Shows the QR code of `address` (a whole, live address, e.g. from `addressOf`) in a modal
 * dialog, and gives focus back to `opener` when it closes.
 */
export async function showQr(address: string, from: HTMLElement): Promise<void> {
  await style();
  dialog ??= build();
  opener = from;
  const frame = dialog.querySelector('.qr-frame');
  const line = dialog.querySelector('.qr-address');
  if (frame) frame.innerHTML = qrSvg(address, words()['title']);
  if (line) line.textContent = address;
  if (!dialog.open) dialog.showModal();
}

customElements.define(
  'qr-code',
  class extends HTMLElement {
    static show = showQr;
  },
);
