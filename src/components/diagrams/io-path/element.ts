// <io-path-diagram>: the path of one I/O operation, stepped or played layer by layer, in a
// bare-metal and a hosted column side by side. A layer of either column is a radio button:
// choosing it chooses its path and jumps the step there.
import { DiagramElement, type State } from '../shared.ts';

/** Number of layers the figure draws on each path. */
const LENGTH: Record<string, number> = { 'bare-metal': 3, hosted: 4 };
/** Distance between two rows in the drawing, in its units (P in Diagram.astro). */
const PITCH = 90;

class IoPath extends DiagramElement {
  spec = {
    main: ['bare-metal', 'hosted'],
    keys: { op: ['disk', 'net'], step: /^[1-4]$/ },
  };
  defaults = { main: 'bare-metal', op: 'disk', step: '1' };
  timer = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    const steps = this.querySelector<HTMLElement>('[data-steps]');
    steps?.addEventListener('click', (e) => {
      const action = (e.target as Element).closest<HTMLElement>('[data-do]')?.dataset['do'];
      if (action) this.act(action);
    });
    steps?.addEventListener('keydown', (e) => {
      const action = { ArrowRight: 'next', ArrowLeft: 'back', Home: 'first', End: 'last' }[e.key];
      if (!action) return;
      e.preventDefault();
      this.act(action);
    });
  }

  override fix(s: State): State {
    const last = LENGTH[s['main'] ?? ''] ?? 3;
    return { ...s, step: String(Math.min(Number(s['step']) || 1, last)) };
  }

  act(action: string): void {
    const step = Number(this.state['step']);
    const last = LENGTH[this.state['main'] ?? ''] ?? 3;
    if (action === 'play') return this.timer ? this.stop() : this.play(step >= last);
    this.stop();
    const to = { first: 1, last, back: Math.max(1, step - 1), next: Math.min(last, step + 1) }[
      action
    ];
    if (to) this.set({ step: String(to) });
  }

  play(fromStart: boolean): void {
    if (fromStart) this.set({ step: '1' });
    this.timer = window.setInterval(() => {
      const step = Number(this.state['step']);
      if (step >= (LENGTH[this.state['main'] ?? ''] ?? 3)) this.stop();
      else this.set({ step: String(step + 1) });
    }, 1600);
    this.draw();
  }

  override stop(): void {
    clearInterval(this.timer);
    this.timer = 0;
    this.draw();
  }

  override set(patch: State): void {
    if (patch['main'] && patch['main'] !== this.state['main'] && !patch['step'])
      patch = { ...patch, step: '1' };
    super.set(patch);
  }

  /** A layer's radio chooses its path and that step; a path's head, the path from its start. */
  override pickRadio(group: HTMLElement, radio: HTMLElement): void {
    const path = group.dataset['path'];
    if (path || group.dataset['key'] === 'main') this.stop();
    if (!path) return super.pickRadio(group, radio);
    this.set({ main: path, step: radio.dataset['value'] ?? '1' });
    radio.focus();
  }

  override draw(): void {
    const { main = '', step: at = '1' } = this.state;
    const step = Number(at);
    for (const svg of this.all('svg[data-arch]')) {
      const on = svg.dataset['arch'] === main;
      for (const el of svg.querySelectorAll<SVGElement>('[data-at],[data-hop]')) {
        const n = Number(el.dataset['at'] ?? el.dataset['hop']);
        el.classList.toggle('is-on', on && n === step && !el.dataset['hop']);
        el.classList.toggle('is-done', on && (el.dataset['hop'] ? n <= step : n < step));
      }
      const packet = svg.querySelector<SVGElement>('.packet');
      if (packet) packet.style.transform = `translateY(${(step - 1) * PITCH}px)`;
    }
    for (const group of this.all('[data-path]')) {
      const on = group.dataset['path'] === main;
      group.querySelectorAll<HTMLElement>('[role="radio"]').forEach((radio, i) => {
        const checked = on && radio.dataset['value'] === at;
        radio.setAttribute('aria-checked', String(checked));
        radio.tabIndex = checked || (!on && !i) ? 0 : -1;
      });
    }
    const count = this.querySelector('[data-count]');
    if (count) count.textContent = `${step} / ${LENGTH[main] ?? 3}`;
    const play = this.querySelector<HTMLElement>('[data-do="play"]');
    if (play) play.textContent = (this.timer ? play.dataset['pause'] : play.dataset['play']) ?? '';
  }
}

customElements.define('io-path-diagram', IoPath);
