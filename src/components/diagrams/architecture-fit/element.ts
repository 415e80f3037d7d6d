// <architecture-fit-diagram>: four yes/no questions; the balance tips towards the
// article's arguments for or against bare metal. The fragment holds one letter per
// question (y, n, or - for not answered), e.g. #architecture-fit=yn-y.
import type { DiagramState } from '../../../lib/diagram-state.ts';
import { DiagramElement, type State } from '../shared.ts';

const KEYS = ['io', 'realtime', 'setup', 'drivers'];
const FOR = ['io', 'realtime'];

class ArchitectureFit extends DiagramElement {
  spec = { main: /^[yn-]{4}$/ };
  defaults = this.fix({ io: '-', realtime: '-', setup: '-', drivers: '-' });

  override connectedCallback(): void {
    super.connectedCallback();
    this.querySelector('[data-do="reset"]')?.addEventListener('click', () =>
      this.set(this.defaults),
    );
  }

  override fromFragment(s: DiagramState): State {
    return Object.fromEntries(KEYS.map((k, i) => [k, s.main[i] ?? '-']));
  }

  override toFragment(s: State): DiagramState {
    return { main: KEYS.map((k) => s[k]).join(''), params: {} };
  }

  /** Adds the verdict (which side the answered arguments fall on) and each side's count. */
  override fix(s: State): State {
    const yes = KEYS.filter((k) => s[k] === 'y');
    const pro = yes.filter((k) => FOR.includes(k)).length;
    const con = yes.length - pro;
    const answered = KEYS.some((k) => s[k] !== '-');
    const verdict =
      pro && con ? 'both' : pro ? 'for' : con ? 'against' : answered ? 'none' : 'open';
    return { ...s, verdict, pro: String(pro), con: String(con), tilt: String(con - pro) };
  }

  override draw(): void {
    // The heavier side goes down: the arguments against bare metal hang on the right.
    const angle = Number(this.state['tilt']) * 6;
    const drop = 90 * Math.sin((angle * Math.PI) / 180);
    const beam = this.querySelector<SVGElement>('.beam');
    if (beam) beam.style.transform = `rotate(${angle}deg)`;
    for (const pan of this.all('[data-pan]'))
      pan.style.transform = `translateY(${pan.dataset['pan'] === 'for' ? -drop : drop}px)`;
  }
}

customElements.define('architecture-fit-diagram', ArchitectureFit);
