// The SCORM packages as built (`npm run build:scorm`, in dist-scorm/): the manifest at the
// root validates against the schema files shipped beside it, it lists exactly the package's
// files, the launch page is the SCO, and the runtime stays within its byte budget.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { RewritingStream } from 'parse5-html-rewriting-stream';
import { budgets } from '../budgets.ts';
import { SUSPEND_LIMIT } from '../../src/lib/scorm.ts';
import { LAUNCH_PAGE, SCHEMA_FILES, SCORM_DIR } from '../../src/lib/scorm-package.ts';
import { manifestErrors } from './scorm-schemas.ts';

const packages = { '1.2': 'scorm12', '2004': 'scorm2004' } as const;
const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('utf8');

for (const [version, suffix] of Object.entries(packages) as [keyof typeof packages, string][]) {
  describe(`SCORM ${version} package`, () => {
    const file = new URL(`../../dist-scorm/bare-metal-explainer-${suffix}.zip`, import.meta.url);
    if (!existsSync(file))
      throw new Error(`${file.pathname} is missing: run \`npm run build:scorm\``);
    const zip = unzipSync(readFileSync(file));
    const manifest = text(zip['imsmanifest.xml']);

    test('has imsmanifest.xml at its root, valid against the schema files it ships', async () => {
      assert.ok(manifest.startsWith('<?xml'));
      const shipped = (name: string) => {
        const bytes = zip[name];
        if (!bytes) throw new Error(`${name} is not in the package root`);
        return bytes;
      };
      assert.deepEqual(await manifestErrors(manifest, version, shipped), []);
    });

    test('the manifest lists every file of the package, and each one it lists is there', () => {
      const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) =>
        (m[1] ?? '').replaceAll('&amp;', '&'),
      );
      // The control documents (the manifest and its schemas) describe the package; they are
      // not content, so no resource lists them.
      const control = ['imsmanifest.xml', ...SCHEMA_FILES[version]];
      const content = Object.keys(zip).filter((name) => !control.includes(name));
      assert.deepEqual([...listed].sort(), content.sort());
      assert.equal(new Set(listed).size, listed.length, 'no file is listed twice');
      assert.ok(listed.includes(LAUNCH_PAGE) && listed.includes('en/architecture/index.html'));
    });

    test('its one SCO is the launch page, titled with the site name', () => {
      assert.match(manifest, new RegExp(`adlcp:scorm[tT]ype="sco" href="${LAUNCH_PAGE}"`));
      assert.equal(manifest.match(/adlcp:scorm[tT]ype=/g)?.length, 1);
      assert.match(manifest, /<title>Bare Metal erklärt<\/title>/);
    });

    test('every link and asset of every page names a file of the package (no folder URL)', async () => {
      // A course platform's file server answers 404 for a folder URL: nothing may rely on an
      // index.html being served for one, neither a page's links nor the search results.
      const missing: string[] = [];
      const check = (from: string, url: string) => {
        if (/^(?:[a-z]+:|#|\/\/)/i.test(url) || url === '') return;
        const path = new URL(url, `http://package/${from}`).pathname.slice(1);
        if (!zip[decodeURIComponent(path)]) missing.push(`${url} in ${from}`);
      };
      for (const name of Object.keys(zip).filter((n) => n.endsWith('.html'))) {
        const parser = new RewritingStream();
        parser.on('startTag', (tag) => {
          for (const { name: attr, value } of tag.attrs)
            if (['href', 'src', 'action'].includes(attr) || attr.startsWith('data-href'))
              check(name, value);
        });
        await new Promise<void>((resolve) => {
          parser.on('finish', resolve);
          parser.end(text(zip[name]));
        });
      }
      for (const lang of ['de', 'en']) {
        const urls = [...text(zip[`search-fallback/${lang}.js`]).matchAll(/"u":"([^"]*)"/g)];
        assert.ok(urls.length >= 10);
        for (const [, url = ''] of urls) check('index.html', url);
      }
      assert.deepEqual(missing, []);
    });

    test('built without SITE_URL: every page hides the copy buttons and says why', () => {
      assert.match(text(zip[`${SCORM_DIR}/package.css`]), /copy-link,button\[data-copy\]/);
      for (const name of Object.keys(zip).filter((n) => /^(de|en)\/.*\.html$/.test(n))) {
        const page = text(zip[name]);
        assert.match(page, /<html data-search="fallback" data-package /, name);
        assert.match(page, /_scorm\/package\.css"><\/head>/, name);
        if (page.includes('</footer>')) assert.match(page, /class="package-note"/, name);
      }
    });

    test("search answers from the fallback index: Pagefind's engine is left out", () => {
      assert.ok(zip['search-fallback/de.js'] && zip['search-fallback/en.js']);
      assert.ok(!Object.keys(zip).some((name) => /\.pagefind$|pagefind\/index\//.test(name)));
      assert.match(text(zip['de/architecture/index.html']), /<html data-search="fallback" /);
    });
  });
}

test(`the SCORM runtime is within ${budgets.scormRuntime / 1024} KB gzip`, () => {
  const zip = unzipSync(
    readFileSync(new URL('../../dist-scorm/bare-metal-explainer-scorm12.zip', import.meta.url)),
  );
  const scripts = ['launch.js', 'runtime.js'].map((name) => zip[`${SCORM_DIR}/${name}`]);
  const bytes = scripts.reduce((sum, code) => {
    assert.ok(code?.length, 'script is in the package');
    return sum + gzipSync(code, { level: 6 }).length;
  }, 0);
  console.log(`SCORM runtime: ${bytes} B gzip (launch.js + runtime.js)`);
  assert.ok(bytes <= budgets.scormRuntime, `${bytes} B`);
});

test('the longest suspend data of the course fits SCORM 1.2', () => {
  const zip = unzipSync(
    readFileSync(new URL('../../dist-scorm/bare-metal-explainer-scorm12.zip', import.meta.url)),
  );
  const launch = text(zip[LAUNCH_PAGE]);
  const pages = /data-pages="([^"]+)"/.exec(launch)?.[1]?.split(' ') ?? [];
  const questions = /data-questions="([^"]+)"/.exec(launch)?.[1]?.split(' ') ?? [];
  assert.ok(pages.length >= 5 && questions.length >= 10);
  const longest = JSON.stringify({
    seen: pages,
    answers: Object.fromEntries(questions.map((id) => [id, [9, 1]])),
  });
  assert.ok(longest.length <= SUSPEND_LIMIT['1.2'], `${longest.length} characters`);
});
