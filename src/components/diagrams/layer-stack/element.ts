// <layer-stack-diagram>: both stacks or one, and the layer whose role is explained.
import { DiagramElement } from '../shared.ts';

class LayerStack extends DiagramElement {
  spec = {
    main: ['both', 'bare-metal', 'hosted'],
    keys: { layer: ['vm', 'vmm', 'host-os', 'hardware'] },
  };
  defaults = { main: 'both', layer: 'host-os' };
}

customElements.define('layer-stack-diagram', LayerStack);
