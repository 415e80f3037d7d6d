// <print-button>: loaded on first use by boot.ts; prints the page.
/** Prints the page when its button is pressed. */
class PrintButton extends HTMLElement {
  connectedCallback(): void {
    this.querySelector('button')?.addEventListener('click', () => window.print());
  }
}
customElements.define('print-button', PrintButton);
