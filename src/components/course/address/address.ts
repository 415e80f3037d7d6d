// <site-address>: around addresses a reader sees (a page's "cite this page" box). Its code
// loads on first use (boot.ts) or, where addresses are shown in the open (teachers' page,
// handout), with the page; either way it puts the page's own origin into every address of
// the page (lib/live-address.ts).
import { localise } from '../../../lib/live-address.ts';

localise(document);
customElements.define('site-address', class extends HTMLElement {});
