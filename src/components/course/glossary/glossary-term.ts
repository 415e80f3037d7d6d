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
    if (event.key === 'Escape') this.hide();
  };

  /**
   * Below the link, or above it if only there is room; where neither has room (a small
   * or zoomed window), as low as it fits, over the link. Always inside the viewport (CSSOM).
   */
  #place = (): void => {
    const preview = this.#preview;
    const link = this.querySelector('a');
    if (!preview || !link) return;
    const box = link.getBoundingClientRect();
    const { innerWidth: width, innerHeight: height } = window;
    const size = preview.offsetHeight;
    const left = Math.max(8, Math.min(box.left, width - preview.offsetWidth - 8));
    const below = box.bottom + 6;
    const above = box.top - size - 6;
    const top =
      below + size <= height - 8 ? below : above >= 8 ? above : Math.max(8, height - size - 8);
    preview.style.left = `${left}px`;
    preview.style.top = `${top}px`;
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
