// <glossary-term>: loaded on first hover or focus by boot.ts; shows the definition preview.
/**
 * Shows the preview while the link is hovered or focused; Escape hides it wherever focus is
 * (WCAG 1.4.13: a preview opened by the pointer must be dismissable without moving it).
 */
class GlossaryTermElement extends HTMLElement {
  #hideTimer = 0;

  connectedCallback(): void {
    for (const type of ['mouseenter', 'mouseleave', 'focusin', 'focusout'])
      this.addEventListener(type, this);
  }

  get #preview(): HTMLElement | null {
    return this.querySelector('[popover]');
  }

  handleEvent(event: Event): void {
    if (event.type === 'mouseenter' || event.type === 'focusin') this.show();
    else if (event.type === 'mouseleave') this.hideSoon();
    else if (
      event.type === 'focusout' &&
      !this.contains((event as FocusEvent).relatedTarget as Node)
    )
      this.hide();
  }

  show(): void {
    window.clearTimeout(this.#hideTimer);
    const preview = this.#preview;
    if (!preview || preview.matches(':popover-open')) return;
    preview.showPopover();
    this.#place();
    // The preview follows its link while the page scrolls.
    window.addEventListener('scroll', this.#place, { passive: true });
    document.addEventListener('keydown', this.#escape);
  }

  #escape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Focus in the preview goes back to its link, not to the page's start.
    if (this.#preview?.contains(document.activeElement)) this.querySelector('a')?.focus();
    this.hide();
  };

  /**
   * Below the link, or above it where there is more room; never over it. Where the
   * definition is taller than that room (a small or zoomed window) it scrolls, and then
   * takes focus (the next Tab stop), so the keyboard can scroll it too (WCAG 2.1.1).
   * Always inside the viewport (CSSOM).
   */
  #place = (): void => {
    const preview = this.#preview;
    const link = this.querySelector('a');
    if (!preview || !link) return;
    const box = link.getBoundingClientRect();
    const { innerWidth: width, innerHeight: height } = window;
    const gap = 6;
    const margin = 8;
    preview.style.maxHeight = '';
    const size = preview.offsetHeight;
    const roomBelow = height - margin - box.bottom - gap;
    const roomAbove = box.top - gap - margin;
    const below = size <= roomBelow || roomBelow >= roomAbove;
    const room = Math.max(0, below ? roomBelow : roomAbove);
    preview.style.maxHeight = `${room}px`;
    const shown = Math.min(size, room);
    preview.style.left = `${Math.max(margin, Math.min(box.left, width - preview.offsetWidth - margin))}px`;
    preview.style.top = `${below ? box.bottom + gap : box.top - gap - shown}px`;
    if (preview.scrollHeight > preview.clientHeight) preview.tabIndex = 0;
    else preview.removeAttribute('tabindex');
  };

  hideSoon(): void {
    // A short grace period lets the pointer move onto the preview (WCAG 1.4.13).
    window.clearTimeout(this.#hideTimer);
    this.#hideTimer = window.setTimeout(() => this.hide(), 300);
  }

  hide(): void {
    window.removeEventListener('scroll', this.#place);
    document.removeEventListener('keydown', this.#escape);
    const preview = this.#preview;
    if (preview?.matches(':popover-open')) preview.hidePopover();
  }
}

customElements.define('glossary-term', GlossaryTermElement);
