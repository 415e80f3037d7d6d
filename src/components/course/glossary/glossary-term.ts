// <glossary-term>: loaded on first hover or focus by boot.ts; shows the definition preview.
/** Shows the preview while the link is hovered or focused; Escape hides it. */
class GlossaryTermElement extends HTMLElement {
  #hideTimer = 0;

  connectedCallback(): void {
    for (const type of ['mouseenter', 'mouseleave', 'focusin', 'focusout', 'keydown'])
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
    else if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') this.hide();
  }

  show(): void {
    window.clearTimeout(this.#hideTimer);
    const preview = this.#preview;
    if (!preview || preview.matches(':popover-open')) return;
    preview.showPopover();
    this.#place();
    // The preview follows its link while the page scrolls.
    window.addEventListener('scroll', this.#place, { passive: true });
  }

  /** Below the link (or above, if there is no room), inside the viewport (CSSOM). */
  #place = (): void => {
    const preview = this.#preview;
    const link = this.querySelector('a');
    if (!preview || !link) return;
    const box = link.getBoundingClientRect();
    const left = Math.max(8, Math.min(box.left, window.innerWidth - preview.offsetWidth - 8));
    const below = box.bottom + 6;
    const top =
      below + preview.offsetHeight > window.innerHeight && box.top > preview.offsetHeight + 6
        ? box.top - preview.offsetHeight - 6
        : below;
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
    const preview = this.#preview;
    if (preview?.matches(':popover-open')) preview.hidePopover();
  }
}

customElements.define('glossary-term', GlossaryTermElement);
