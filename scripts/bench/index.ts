#!/usr/bin/env node
// `npm run bench`: speed, weight and scale of the production build, measured in headless
// Chromium against the built site served locally (gzip, like a static host). It prints
// tables and writes the same figures as JSON to bench-results/; it asserts nothing.
//
//   npm run bench                      everything (Lighthouse on every page, scale 100/1,000/5,000)
//   npm run bench -- --quick           a quick pass while developing: one build, Lighthouse on
//                                      the two start pages, scale 20/100
//   npm run bench -- --only=weight,lighthouse   only some parts
//                                      (build, weight, lighthouse, search, scale)
//   npm run bench -- --only=weight --pages=/de/,/en/   only these pages (weight, lighthouse),
//                                      of the build in dist/ as it is
//   BENCH_PORT=4450 (default) … the parts use this port and the next two.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { measureLighthouse, printLighthouse, type LighthouseRow } from './lighthouse.ts';
import { median, printed, run, say, sec, sitemapPaths, table } from './lib.ts';
import { measureScale, printScale, type ScaleRow } from './scale.ts';
import { serve } from './serve.ts';
import { measureWeight, printWeight, type Weight } from './weight.ts';

const root = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const PARTS = ['build', 'weight', 'lighthouse', 'search', 'scale'];
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    pages: { type: 'string' },
  },
});
const only = new Set(values.only ? values.only.split(',') : PARTS);
const unknown = [...only].filter((p) => !PARTS.includes(p));
if (unknown.length) {
  console.error(`bench: unknown part(s) ${unknown.join(', ')}; parts are ${PARTS.join(', ')}`);
  process.exit(2);
}
const quick = values.quick;
const port = Number(process.env['BENCH_PORT'] ?? 4450);
const origin = `http://127.0.0.1:${port}`;
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string | undefined>;
};
/** Build as the site would be built for its host: canonical URLs on the origin being served. */
const buildEnv = { SITE_URL: origin, BASE_PATH: '/' };

/** Everything measured, as saved to bench-results/. */
interface Results {
  date: string;
  quick: boolean;
  machine: { node: string; cpus: number };
  build?: { runs: number[]; medianMs: number; pagefind: boolean; script: string | undefined };
  weight?: Weight;
  lighthouse?: LighthouseRow[];
  search?: { code: number | null; output: string };
  scale?: ScaleRow[];
  problems?: string[];
}

const results: Results = {
  date: new Date().toISOString(),
  quick,
  machine: { node: process.version, cpus: cpus().length },
};
const problems: string[] = [];

async function part(name: string, fn: () => Promise<void>): Promise<void> {
  if (!only.has(name)) return;
  const started = performance.now();
  console.error(`bench: ${name} …`);
  try {
    await fn();
  } catch (error) {
    problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    console.error(`bench: ${name} failed: ${error instanceof Error ? error.stack : error}`);
  }
  console.error(`bench: ${name} took ${sec(performance.now() - started)} s`);
}

// Build: the full production build (`npm run build`, Astro and Pagefind when the build
// runs it), median of three; the last one is the build every other part measures.
await part('build', async () => {
  const times: number[] = [];
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const build = await run('npm', ['run', 'build'], { cwd: root, env: buildEnv });
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.output.slice(-3000)}`);
    times.push(build.ms);
  }
  const pagefind = existsSync(join(dist, 'pagefind'));
  const script = pkg.scripts['build'];
  results.build = { runs: times, medianMs: median(times), pagefind, script };
  table(
    `Build: \`npm run build\` (${script})`,
    ['runs', 'median s', 'min s', 'max s', 'Pagefind in build'],
    [
      [
        times.length,
        sec(median(times)),
        sec(Math.min(...times)),
        sec(Math.max(...times)),
        pagefind ? 'yes' : 'no',
      ],
    ],
  );
});

// With --pages, the build in dist/ is measured as it is (a quick look, or the docs' check
// that the benchmark runs: scripts/docs-commands.ts); without, a build made for the host.
const chosen = values.pages?.split(',');
if (!existsSync(join(dist, chosen ? 'index.html' : 'sitemap.xml'))) {
  const build = await run('npm', ['run', 'build'], { cwd: root, env: buildEnv });
  if (build.code !== 0) {
    console.error(`bench: no built site and the build failed:\n${build.output.slice(-3000)}`);
    process.exit(1);
  }
}
const paths = chosen ?? sitemapPaths(dist);
const server = await serve(dist, port);
try {
  await part('weight', async () => {
    results.weight = await measureWeight(server, paths);
    printWeight(results.weight);
  });
  await part('lighthouse', async () => {
    const pages = quick ? paths.filter((p) => /^\/(de|en)\/$/.test(p)) : paths;
    results.lighthouse = await measureLighthouse(server, pages);
    printLighthouse(results.lighthouse);
  });
} finally {
  await server.close();
}

// Search figures come from the search feature's own benchmark, when the project has one.
await part('search', async () => {
  if (!pkg.scripts['bench:search']) {
    say('\nSearch: no `bench:search` script in package.json; skipped.\n');
    return;
  }
  say('\nSearch (`npm run bench:search`):\n');
  const search = await run('npm', ['run', '--silent', 'bench:search'], {
    cwd: root,
    env: { PORT: String(port + 2) },
    echo: true,
  });
  printed.push(search.output);
  results.search = { code: search.code, output: search.output };
  if (search.code !== 0) problems.push(`bench:search exited with ${search.code}`);
});

await part('scale', async () => {
  const scale: ScaleRow[] = (results.scale = []);
  for (const count of quick ? [0, 20, 100] : [0, 100, 1000, 5000]) {
    console.error(`bench: scale ${count} …`);
    scale.push(await measureScale({ root, count, port: port + 1, keep: values.keep }));
  }
  printScale(scale);
});

if (problems.length) say(`\nNot measured:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
results.problems = problems;
const outDir = join(root, 'bench-results');
mkdirSync(outDir, { recursive: true });
const stamp = results.date.replace(/[:.]/g, '-');
for (const name of [`bench-${stamp}`, 'latest']) {
  writeFileSync(join(outDir, `${name}.json`), JSON.stringify(results, null, 2) + '\n');
  writeFileSync(join(outDir, `${name}.txt`), printed.join('\n') + '\n');
}
console.error(`bench: figures in bench-results/bench-${stamp}.json (and latest.json, latest.txt)`);
// It measures, it does not judge: exit 0 when every part could measure.
process.exit(problems.length ? 1 : 0);
