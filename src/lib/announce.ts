// One polite live region per page for short status messages ("Link copied"). Elements
// that will speak create it when they start, so it exists before its first message.

const ID = 'site-status';

/** The page's live region, created on first call. */
export function statusRegion(): HTMLElement {
  let region = document.getElementById(ID);
  if (!region) {
    region = document.createElement('div');
    region.id = ID;
    region.className = 'sr-only';
    region.setAttribute('role', 'status');
    document.body.append(region);
  }
  return region;
}

/** Announces `message` to assistive technology through the page's live region. */
export function announce(message: string): void {
  const region = statusRegion();
  // Clearing first makes a repeated, identical message count as a change.
  region.textContent = '';
  window.setTimeout(() => (region.textContent = message), 50);
}
