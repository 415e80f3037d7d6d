// Where diagram labels break: SVG text never wraps, so long labels go on two lines.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { breakLabel, layerAndPart } from '../../src/components/diagrams/label.ts';

describe('breakLabel', () => {
  const cases: [string, string[]][] = [
    ['Gerätetreiber', ['Gerätetreiber']],
    ['Low-Level-Treiber', ['Low-Level-', 'Treiber']],
    ['Low-level driver', ['Low-level', 'driver']],
    ['kein Gerätetreiber', ['kein', 'Gerätetreiber']],
    ['No device driver', ['No device', 'driver']],
    ['Gastbetriebssystem', ['Gastbetriebssystem']],
  ];
  for (const [text, lines] of cases)
    test(`${text} → ${lines.join(' / ')}`, () => assert.deepEqual(breakLabel(text, 13), lines));
});

describe('layerAndPart', () => {
  test('splits at the colon', () =>
    assert.deepEqual(layerAndPart('Hypervisor: low-level driver'), [
      'Hypervisor',
      'low-level driver',
    ]));
  test('leaves a label without one', () =>
    assert.deepEqual(layerAndPart('VMM as a process'), ['VMM as a process']));
});
