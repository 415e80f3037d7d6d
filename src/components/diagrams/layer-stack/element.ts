// <layer-stack-diagram>: both stacks or one, and the layer whose role is explained. On a
// change of view, each stack that moves slides from where it stood to its new place, and
// one that goes stays where it stood while it fades out (CSS); the explanation fades in.
import { DiagramElement, still, type State } from '../shared.ts';

class LayerStack extends DiagramElement {
  spec = {
    main: ['both', 'bare-metal', 'hosted'],
    keys: { layer: ['vm', 'vmm', 'host-os', 'hardware'] },
  };
  defaults = { main: 'both', layer: 'host-os' };

  override apply(state: State): void {
    const { main, layer } = this.state;
    const stacks = this.all('[data-stack]');
    const before = stacks.map((el) => el.getBoundingClientRect());
    super.apply(state);
    if (!main || still()) return;
    const timing = { duration: 300, easing: 'ease' };
    const now = state['main'];
    if (main !== now)
      stacks.forEach((el, i) => {
        const { left, top } = el.getBoundingClientRect();
        const from = `translate(${before[i]!.left - left}px,${before[i]!.top - top}px)`;
        const stays = now === 'both' || now === el.dataset['stack'];
        if (from !== 'translate(0px,0px)')
          el.animate({ transform: [from, stays ? 'none' : from] }, timing);
      });
    if (main !== now || layer !== state['layer'])
      this.querySelector('.notes')?.animate({ opacity: [0, 1] }, timing);
  }
}

customElements.define('layer-stack-diagram', LayerStack);
