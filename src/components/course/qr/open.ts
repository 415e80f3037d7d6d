// Opens the QR dialog from any feature (copy-link.ts; the projector mode): inserts the
// dialog's code from its inert <template> (QrLazy.astro) on first use, waits until it has
// run, and shows the code of `address`. Small and with no import() of its own, so a feature
// can bundle it without pulling in the QR library or the bundler's preload helper.
import type { showQr } from './qr.ts';

/**
 * Shows the QR code of `address` (a whole, live address, as the copy buttons make it) in the
 * modal dialog; focus returns to `opener` when it closes.
 */
export async function openQr(address: string, opener: HTMLElement): Promise<void> {
  const code = document.querySelector<HTMLTemplateElement>('template[data-lazy="qr-code"]');
  if (code && !code.hasAttribute('data-loaded')) {
    code.setAttribute('data-loaded', '');
    document.head.append(document.importNode(code.content, true));
  }
  await customElements.whenDefined('qr-code');
  const dialog = customElements.get('qr-code') as unknown as { show: typeof showQr };
  return dialog.show(address, opener);
}
