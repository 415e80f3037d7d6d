// <io-path-diagram>: the path of one I/O operation, stepped or played layer by layer.
import { DiagramElement, type State } from '../shared.ts';

/** Number of layers the figure draws on each path. */
const LENGTH: Record<string, number> = { 'bare-metal': 3, hosted: 4 };

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
    if (patch['main'] && patch['main'] !== this.state['main']) patch = { ...patch, step: '1' };
    super.set(patch);
  }

  override draw(): void {
    const step = Number(this.state['step']);
    for (const el of this.all('[data-at]')) {
      const at = Number(el.dataset['at']);
      el.classList.toggle('is-on', at === step);
      el.classList.toggle('is-done', at < step);
    }
    for (const el of this.all('[data-hop]'))
      el.classList.toggle('is-done', Number(el.dataset['hop']) <= step);
    const play = this.querySelector<HTMLElement>('[data-do="play"]');
    if (play) {
      play.textContent = (this.timer ? play.dataset['pause'] : play.dataset['play']) ?? '';
    }
  }
}

customElements.define('io-path-diagram', IoPath);
