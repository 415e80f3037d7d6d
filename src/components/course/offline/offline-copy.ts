// <offline-copy>: loaded on first use by boot.ts. Its button opens a panel that says what
// keeping the page's language costs, then keeps it: registers the service worker (only
// now, for a reader who asked; it stays registered and serves their pages from then on),
// asks it to fetch the language's files into its cache and shows the progress; or removes
// everything (caches deleted, worker unregistered). Where no worker can run (plain HTTP on
// another host, inside a frame) the panel says why. Words come with the listing.
import { announce, statusRegion } from '../../../lib/announce.ts';
import {
  cachePrefix,
  formatBytes,
  listingUrl,
  WORKER_FILE,
  type Listing,
} from '../../../lib/offline.ts';

type Reply = { done?: number; total?: number; ok?: boolean; error?: string };

class OfflineCopy extends HTMLElement {
  #toggle = this.querySelector('button') as HTMLButtonElement;
  #panel = document.createElement('div');
  #text = document.createElement('p');
  #bar = document.createElement('progress');
  #action = document.createElement('button');
  #busy = false;
  #listing: Listing | undefined;

  get #base(): string {
    return this.dataset['base'] ?? '/';
  }
  get #lang(): string {
    return document.documentElement.lang;
  }

  connectedCallback(): void {
    statusRegion();
    const id = `offline-panel-${this.#lang}`;
    this.#panel.id = id;
    this.#panel.className = 'print-hint';
    this.#panel.hidden = true;
    this.#text.id = `${id}-text`;
    this.#text.tabIndex = -1;
    this.#bar.setAttribute('aria-labelledby', this.#text.id);
    // Both wait until the state is known: a button without its name is never there to press.
    this.#bar.hidden = this.#action.hidden = true;
    this.#action.type = 'button';
    this.#action.className = 'copy-link copy-link-labelled';
    this.#panel.append(this.#text, this.#bar, this.#action);
    this.append(this.#panel);
    this.#toggle.setAttribute('aria-controls', id);
    this.#toggle.ariaExpanded = 'false';
    this.#toggle.addEventListener(
      'click',
      () => void this.#open(this.#toggle.ariaExpanded !== 'true'),
    );
    this.#action.addEventListener('click', () => void this.#act());
  }

  async #open(open: boolean): Promise<void> {
    this.#toggle.ariaExpanded = String(open);
    this.#panel.hidden = !open;
    if (open) await this.#render();
  }

  /** The listing from the network; from the cache when the network is gone. */
  async #load(): Promise<Listing | undefined> {
    const url = listingUrl(this.#base, this.#lang);
    // Offline, a kept copy has its listing in the cache (asking the network would only fail).
    if (navigator.onLine)
      try {
        const response = await fetch(url, { cache: 'no-cache' });
        if (response.ok) return (await response.json()) as Listing;
      } catch {
        // The network failed after all: the cache may still have it.
      }
    return (await (await window.caches?.match(url))?.json()) as Listing | undefined;
  }

  #say(key: string, vars: Record<string, string> = {}): string {
    const text = this.#listing?.text[key] ?? '';
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  }

  #size(bytes: number): string {
    return formatBytes(bytes, document.documentElement.lang);
  }

  /** Shows the state: why it cannot work, the size before a download, or the kept copy. */
  async #render(): Promise<void> {
    if (this.#busy) return;
    this.#listing ??= await this.#load();
    const listing = this.#listing;
    const kept = !!listing && (await this.#kept());
    // A download or removal begun meanwhile shows its own state.
    if (this.#busy) return;
    this.#bar.hidden = true;
    this.#action.hidden = true;
    if (!listing) {
      this.#text.textContent = this.dataset['unavailable'] ?? '';
      return;
    }
    const size = this.#size(listing.bytes);
    if (!('serviceWorker' in navigator) || !window.caches) {
      this.#text.textContent = this.#say('insecure');
      return;
    }
    if (window.top !== window) {
      this.#text.textContent = this.#say('framed');
      return;
    }
    this.#text.textContent = this.#say(kept ? 'kept' : 'size', { size });
    this.#action.textContent = this.#say(kept ? 'remove' : 'download', { size });
    this.#action.dataset['act'] = kept ? 'remove' : 'keep';
    this.#action.hidden = false;
  }

  /** Kept: a worker is registered for the site and a cache holds this language's listing. */
  async #kept(): Promise<boolean> {
    if (!('serviceWorker' in navigator) || !window.caches) return false;
    const registration = await navigator.serviceWorker.getRegistration(this.#base);
    return !!registration && !!(await caches.match(listingUrl(this.#base, this.#lang)));
  }

  async #act(): Promise<void> {
    if (this.#busy) return;
    this.#busy = true;
    // While it works, the button goes; focus waits on the text that says how far it is,
    // and comes back to the button (now the opposite action) when it is done.
    const focused = document.activeElement === this.#action;
    this.#action.hidden = true;
    if (focused) this.#text.focus();
    try {
      if (this.#action.dataset['act'] === 'remove') await this.#remove();
      else await this.#keep();
    } finally {
      this.#busy = false;
      this.#action.hidden = false;
      if (focused) this.#action.focus();
    }
  }

  async #keep(): Promise<void> {
    const total = this.#listing?.bytes ?? 0;
    const show = (done: number) => {
      this.#bar.max = total;
      this.#bar.value = done;
      this.#text.textContent = this.#say('progress', {
        done: this.#size(done),
        size: this.#size(total),
      });
    };
    show(0);
    this.#bar.hidden = false;
    announce(this.#text.textContent ?? '');
    try {
      const url = new URL(this.#base + WORKER_FILE, location.href);
      // Fetched past the HTTP cache, so an update is seen on the next visit.
      await navigator.serviceWorker.register(url, { scope: this.#base, updateViaCache: 'none' });
      const worker = (await navigator.serviceWorker.ready).active;
      const reply = await new Promise<Reply>((done) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = ({ data }: MessageEvent<Reply>) => {
          if (data.done !== undefined) show(data.done);
          else done(data);
        };
        worker?.postMessage({ keep: this.#lang }, [channel.port2]);
      });
      if (reply.error) throw new Error(reply.error);
      this.#busy = false;
      await this.#render();
      announce(this.#say('saved'));
    } catch {
      this.#bar.hidden = true;
      this.#text.textContent = this.#say('failed');
      announce(this.#text.textContent);
    }
  }

  /** Undoes it all: every cache of the site's copy deleted, its worker unregistered. */
  async #remove(): Promise<void> {
    const prefix = cachePrefix(this.#base);
    for (const name of await caches.keys()) if (name.startsWith(prefix)) await caches.delete(name);
    const registration = await navigator.serviceWorker.getRegistration(this.#base);
    await registration?.unregister();
    this.#busy = false;
    await this.#render();
    announce(this.#say('removed'));
  }
}

customElements.define('offline-copy', OfflineCopy);
