// <device-sharing-diagram>: how many VMs share the device, and whether the hypervisor has
// a driver for it.
import { DiagramElement } from '../shared.ts';

class DeviceSharing extends DiagramElement {
  spec = { main: /^[1-8]$/, keys: { driver: ['present', 'missing'] } };
  defaults = { main: '3', driver: 'present' };
}

customElements.define('device-sharing-diagram', DeviceSharing);
