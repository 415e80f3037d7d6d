// <device-sharing-diagram>: how many VMs share the device. A slot of the drawing sets the
// count by pointer or touch (the last VM again removes it); VMs that come in fade in and
// their emulated copies slide into place.
import type { DiagramState } from '../../../lib/diagram-state.ts';
import { DiagramElement, still, type State } from '../shared.ts';

class DeviceSharing extends DiagramElement {
  /** `driver` was a switch teachers' links may still carry: read, then left out. */
  spec = { main: /^[1-8]$/, keys: { driver: ['present', 'missing'] } };
  defaults = { main: '3' };

  override fromFragment(s: DiagramState): State {
    return { main: s.main };
  }
  /** The count drawn before this change (0 before the first). */
  drawn = 0;

  override onClick(e: MouseEvent): void {
    const k = Number((e.target as Element).closest<SVGElement>('[data-slot]')?.dataset['slot']);
    const n = Number(this.state['main']);
    if (k) this.set({ main: String(k === n ? Math.max(1, k - 1) : k) });
    else super.onClick(e);
  }

  override draw(): void {
    const n = Number(this.state['main']);
    for (let k = this.drawn + 1; this.drawn && !still() && k <= n; k++) {
      const vm = this.querySelector(`[data-slot="${k}"] .vm`);
      const opts = {
        duration: 350,
        delay: (k - this.drawn - 1) * 40,
        easing: 'ease-out',
        fill: 'backwards',
      } as const;
      vm?.animate({ opacity: [0, 1] }, opts);
      vm?.querySelector('.copy')?.animate(
        { opacity: [0, 1], transform: ['translateY(40px)', 'none'] },
        opts,
      );
    }
    this.drawn = n;
  }
}

customElements.define('device-sharing-diagram', DeviceSharing);
