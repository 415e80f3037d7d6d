// Where diagram labels break: SVG text never wraps, so long labels go on two lines; and the
// labels in the data are short enough for the boxes they are drawn in, in both languages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { breakLabel, layerAndPart, vmLabelSize } from '../../src/components/diagrams/label.ts';
import { diagramStatements, type DiagramStatement } from './content.ts';

describe('breakLabel', () => {
  const cases: [string, string[]][] = [
    ['Gerätetreiber', ['Gerätetreiber']],
    ['Low-Level-Treiber', ['Low-Level-', 'Treiber']],
    ['Low-level driver', ['Low-level', 'driver']],
    ['kein Gerätetreiber', ['kein', 'Gerätetreiber']],
    ['Host operating system', ['Host operating', 'system']],
    ['Gastbetriebssystem', ['Gastbetriebssystem']],
  ];
  for (const [text, lines] of cases)
    test(`${text} → ${lines.join(' / ')}`, () => assert.deepEqual(breakLabel(text, 13), lines));
});

describe('layerAndPart', () => {
  test('splits at the colon', () =>
    assert.deepEqual(layerAndPart('Hypervisor (VMM): low-level driver'), [
      'Hypervisor (VMM)',
      'low-level driver',
    ]));
  test('leaves a label without one', () =>
    assert.deepEqual(layerAndPart('Host operating system'), ['Host operating system']));
});

describe('vmLabelSize', () => {
  test('short lines are drawn larger, a longer one makes the label small', () => {
    assert.equal(vmLabelSize(['Software']), 'mid');
    assert.equal(vmLabelSize(['Application']), 'small');
    assert.equal(vmLabelSize(['Guest', 'operating', 'system']), 'small');
  });
});

/** A statement of diagrams.yaml in both languages. */
function statement(id: string): DiagramStatement {
  const found = diagramStatements().find((s) => s.id === id);
  assert.ok(found, `diagrams.yaml has no ${id}`);
  return found;
}

describe('the labels in the data fit their boxes, with a reader’s wider spacing (WCAG 1.4.12)', () => {
  // Measured in Inter with 0.12 em letter and 0.16 em word spacing: inside a layer-stack VM
  // (88 units) 8 characters fit at 14 units and 11 at 12 units, in three lines at most; an
  // I/O-path row holds a layer name of 16 characters across its top and parts of up to 13
  // characters right of its badge; under the hosted hypervisor's name, two lines (12 units)
  // of up to 21 characters each say what it runs as.
  for (const lang of ['de', 'en'] as const) {
    test(`${lang}: the application and guest operating system inside each VM`, () => {
      for (const id of ['layer-stack.label-app', 'layer-stack.label-guest-os']) {
        const lines = statement(id)[lang].split('|');
        const most = vmLabelSize(lines) === 'mid' ? 8 : 11;
        assert.ok(lines.length <= 3, `${id}: ${lines.length} lines`);
        for (const line of lines) assert.ok(line.length <= most, `${id}: "${line}"`);
      }
    });

    test(`${lang}: no label abbreviates what the prose writes out`, () => {
      const labels = diagramStatements().filter((s) => /\.(label|device|op)-?/.test(s.id));
      for (const s of labels)
        assert.doesNotMatch(s[lang], /\b(OS|App|VMM als Prozess|VMM as a process)\b/, s.id);
    });

    test(`${lang}: the I/O path's layer labels`, () => {
      const ids = [
        'io-path.label-driver',
        'io-path.label-hypervisor-hosted',
        'io-path.label-host-os',
        'io-path.device-disk',
        'io-path.device-net',
      ];
      for (const id of ids) {
        const [layer = '', part] = layerAndPart(statement(id)[lang]);
        if (!part) {
          for (const line of breakLabel(layer, 12)) assert.ok(line.length <= 14, `${id}: ${line}`);
          continue;
        }
        assert.ok(layer.length <= 16, `${id}: "${layer}"`);
        for (const line of breakLabel(part, 12)) assert.ok(line.length <= 13, `${id}: "${line}"`);
      }
    });

    test(`${lang}: one label for the hypervisor layer in both stacks, the hosted one adding what it runs as`, () => {
      const name = statement('layer-stack.label-hypervisor')[lang];
      assert.equal(name, 'Hypervisor (VMM)');
      assert.equal(layerAndPart(statement('io-path.label-driver')[lang])[0], name);
      assert.equal(layerAndPart(statement('io-path.label-hypervisor-hosted')[lang])[0], name);
      for (const line of breakLabel(statement('layer-stack.label-hypervisor-hosted')[lang], 20))
        assert.ok(line.length <= 21, line);
    });
  }
});
