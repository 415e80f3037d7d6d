// QR codes (src/lib/qr.ts): the SVG the dialog and the handout draw decodes, with a QR
// decoder, to exactly the address it was made from, and keeps its quiet zone. The handout
// carries one per page only in a build that knows its public address (SITE_URL): checked
// for that rule, and over the built handout in dist/ for whichever build it is.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import jsQR from 'jsqr';
import { printedQr } from '../../src/lib/handout.ts';
import { QUIET, qrModules, qrSvg } from '../../src/lib/qr.ts';
import { dist } from './built-site.ts';

const SCALE = 4;

/** Draws the SVG's one path (M x y h w v1 H x z rectangles) into RGBA pixels, black on white. */
function raster(svg: string): { data: Uint8ClampedArray; size: number } {
  const units = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const size = units * SCALE;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  const d = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1] ?? '';
  for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)v1H\d+z/g)) {
    for (let py = Number(y) * SCALE; py < (Number(y) + 1) * SCALE; py++)
      for (let px = Number(x) * SCALE; px < (Number(x) + Number(w)) * SCALE; px++)
        data.fill(0, (py * size + px) * 4, (py * size + px) * 4 + 3);
  }
  return { data, size };
}

const decode = (svg: string) => {
  const { data, size } = raster(svg);
  return jsQR(data, size, size)?.data;
};

describe('qrSvg', () => {
  const addresses = [
    'https://www.example-university.de/kurs/virtualisierung/de/architecture/#die-schichten-im-bild',
    'http://127.0.0.1:4341/de/io-drivers/#io-path=hosted,step=2',
    'http://localhost:4341/en/search/?q=hypervisor+typ+1',
    'https://example.org/de/x/#kein-umweg-zu-den-ger%C3%A4ten',
  ];
  for (const address of addresses)
    test(`decodes to ${address}`, () => assert.equal(decode(qrSvg(address)), address));

  test('a letter beyond ASCII is written as UTF-8', () =>
    assert.equal(decode(qrSvg('/de/x/#geräte')), '/de/x/#geräte'));

  test('the quiet zone stays white', () => {
    const svg = qrSvg(addresses[0] ?? '');
    const n = qrModules(addresses[0] ?? '').length;
    assert.match(svg, new RegExp(`viewBox="0 0 ${n + 2 * QUIET} ${n + 2 * QUIET}"`));
    const d = /d="([^"]*)"/.exec(svg)?.[1] ?? '';
    for (const [, x, y, w] of d.matchAll(/M(\d+) (\d+)h(\d+)/g)) {
      assert.ok(Number(x) >= QUIET && Number(y) >= QUIET && Number(y) < QUIET + n);
      assert.ok(Number(x) + Number(w) <= QUIET + n);
    }
  });

  test('named as an image only when given a name, which is escaped', () => {
    assert.match(qrSvg('x'), /aria-hidden="true"/);
    assert.match(
      qrSvg('x', 'QR "a" <b> & c'),
      /role="img" aria-label="QR &#34;a&#34; &#60;b> &#38; c"/,
    );
  });
});

describe('printed codes (the handout)', () => {
  test('with SITE_URL: the code of the public address under its base, named', () => {
    const site = new URL('https://www.example-university.de/kurs/virtualisierung/');
    const svg = printedQr(site, '/kurs/virtualisierung/de/io-drivers/', 'QR-Code');
    assert.equal(
      decode(svg ?? ''),
      'https://www.example-university.de/kurs/virtualisierung/de/io-drivers/',
    );
    assert.match(svg ?? '', /role="img" aria-label="QR-Code"/);
  });

  test('without SITE_URL: none', () =>
    assert.equal(printedQr(undefined, '/de/io-drivers/', 'QR-Code'), undefined));

  const page = join(dist, 'de', 'handout', 'index.html');
  test(
    'the built handout: one code per page, each of the address printed beside it, with SITE_URL only',
    { skip: !existsSync(page) && 'dist/ not built' },
    () => {
      const html = readFileSync(page, 'utf8');
      const sections = [
        ...html.matchAll(
          /<section class="handout-section"[\s\S]*?<\/h2>(.*?)<p class="handout-url"[^>]*>[^<]*<a href="[^"]*">([^<]*)<\/a>/g,
        ),
      ];
      assert.ok(sections.length >= 8, 'the handout has its pages');
      const site = existsSync(join(dist, 'sitemap.xml'));
      for (const [, qr = '', url = ''] of sections) {
        if (!site) assert.equal(qr, '', `${url}: a code without SITE_URL`);
        else assert.equal(decode(/<svg[\s\S]*<\/svg>/.exec(qr)?.[0] ?? ''), url);
      }
      if (!site) assert.doesNotMatch(html, /class="qr-code"/);
    },
  );
});
