import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { trimPolicy } from '../../src/lib/csp.ts';

const hash = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

test('a page’s policy keeps the hashes of its own inline code and drops the others', () => {
  const own = 'document.body.dataset.x = 1;';
  const page = (policy: string) =>
    `<head><meta http-equiv="content-security-policy" content="${policy}"></head>` +
    `<body><script>${own}</script><script type="module" src="/a.js"></script></body>`;
  const before = `default-src 'none'; script-src 'self' ${hash(own)} ${hash('other()')}; style-src 'self' ${hash('p{}')}`;
  assert.equal(
    trimPolicy(page(before)),
    page(`default-src 'none'; script-src 'self' ${hash(own)}; style-src 'self'`),
  );
});

test('a page without a policy is left as it is', () => {
  assert.equal(trimPolicy('<p>text</p>'), '<p>text</p>');
});
