// A clean build log: the one upstream warning the build filters is exactly that one, and the
// build step of `npm test` (tests/steps.ts) fails on a line of a warning that has no meaning.
// The build's real log is checked there, as it runs: no build of its own here.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isHeadInjectDirectiveWarning, onLog } from '../../src/integrations/build-log.ts';
import { CLEAN_BUILD, forbidden, STAGES } from '../steps.ts';

const headInject = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "src/content/pages/de/advantages.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe('the build log filter (withastro/astro#18087)', () => {
  test('drops the head-inject directive warning, and only that', () => {
    assert.equal(isHeadInjectDirectiveWarning(headInject), true);
    const others = [
      { ...headInject, message: headInject.message.replace('astro:head-inject', 'use client') },
      { ...headInject, code: 'CIRCULAR_DEPENDENCY' },
      { message: headInject.message },
    ];
    for (const log of others) assert.equal(isHeadInjectDirectiveWarning(log), false);
  });

  test('onLog passes every other log to the default handler', () => {
    const passed: unknown[] = [];
    const handler = (_level: never, log: { message: string }) => void passed.push(log);
    onLog('warn', headInject, handler);
    onLog('info', headInject, handler);
    onLog('warn', { code: 'EVAL', message: 'eval' }, handler);
    assert.equal(passed.length, 2);
  });
});

describe('the build step fails on a meaningless warning', () => {
  const build = STAGES.flat().find((step) => step.run.includes('build:scorm'));

  test('the production build step checks its log', () => assert.equal(build?.forbid, CLEAN_BUILD));

  test('the two warnings are caught, the SITE_URL notice is not', () => {
    const step = { name: 'build', run: '', forbid: CLEAN_BUILD };
    const log = [
      '00:21:22 [WARN] [config] Shiki syntax highlighting uses inline styles that are not compatible with Content Security Policy (CSP).',
      `00:21:25 [WARN] [vite] [MODULE_LEVEL_DIRECTIVE] ${headInject.message}`,
      '00:21:22 [WARN] [site-url] SITE_URL is not set: no canonical or hreflang links …',
    ];
    assert.equal(forbidden(step, log.join('\n')).length, 2);
    assert.deepEqual(forbidden(step, log[2] ?? ''), []);
  });
});
