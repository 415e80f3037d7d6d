// The diagrams' URL fragment: valid states round-trip, everything else reads as "no state".
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatState, parseState, type StateSpec } from '../../src/lib/diagram-state.ts';

const spec: StateSpec = {
  main: ['bare-metal', 'hosted'],
  keys: { step: /^[1-4]$/, op: ['disk', 'net'] },
};

describe('parseState', () => {
  const valid: [string, ReturnType<typeof parseState>][] = [
    ['#io-path=hosted', { main: 'hosted', params: {} }],
    ['io-path=hosted,step=3', { main: 'hosted', params: { step: '3' } }],
    ['#io-path=bare-metal,op=net,step=1', { main: 'bare-metal', params: { op: 'net', step: '1' } }],
    ['#io-path%3Dhosted%2Cstep%3D2', { main: 'hosted', params: { step: '2' } }],
  ];
  for (const [hash, expected] of valid) {
    test(`reads ${hash}`, () => assert.deepEqual(parseState(hash, 'io-path', spec), expected));
  }

  const invalid = [
    '',
    '#',
    '#io-path',
    '#io-path=',
    '#io-path=cloud',
    '#io-path=hosted,step=9',
    '#io-path=hosted,step=',
    '#io-path=hosted,step',
    '#io-path=hosted,=3',
    '#io-path=hosted,colour=red',
    '#io-path=hosted,step=1,step=2',
    '#io-path=hosted,,step=1',
    '#io-path=hosted,__proto__=x',
    '#io-path=hosted,toString=x',
    '#layer-stack=hosted',
    '#io-pathx=hosted',
    '#figure-io-path',
    '#io-path=%E0%A4%A',
    '#io-path=<script>alert(1)</script>',
    `#io-path=hosted,step=1${',op=disk'.repeat(40)}`,
  ];
  for (const hash of invalid) {
    test(`rejects ${JSON.stringify(hash.slice(0, 40))}`, () =>
      assert.equal(parseState(hash, 'io-path', spec), null));
  }

  test('a pattern as main value', () => {
    const code: StateSpec = { main: /^[yn-]{4}$/ };
    assert.deepEqual(parseState('#fit=yn-y', 'fit', code), { main: 'yn-y', params: {} });
    assert.equal(parseState('#fit=yes', 'fit', code), null);
  });
});

describe('formatState', () => {
  test('writes main value then pairs, and parses back', () => {
    const state = { main: 'hosted', params: { op: 'disk', step: '3' } };
    const text = formatState('io-path', state);
    assert.equal(text, 'io-path=hosted,op=disk,step=3');
    assert.deepEqual(parseState(text, 'io-path', spec), state);
  });
});
