// Two virtual modules for the figures' scripts, made at build time from the data, so the
// browser gets only what it shows (and src/i18n stays the one home of interface words):
// - `virtual:projector/labels`: the labels of the "Tour" and "Present" buttons in both
//   languages, which every figure's script adds to its toolbar (a few bytes);
// - `virtual:projector/tours`: the tours (src/content/tours.yaml) and the tour's words, read
//   only by the tour's own file, which a figure loads when a reader first asks for it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { projectorWords, toursIn, type TourEntry } from '../lib/tours.ts';

const file = (path: string) => new URL(`../${path}`, import.meta.url);
const PREFIX = 'virtual:projector/';

export default function projectorData() {
  return {
    name: 'projector-data',
    /**
     * The preload helper is a file of its own now that two scripts use it (search and, until
     * generateBundle below, the figures'). Vite would then list it among what each of
     * search's import()s preloads, and a list that is not empty makes the helper resolve
     * URLs against `import.meta.url`, which the portable copy's classic scripts lack. So the
     * helper is never a dependency to preload (it is loaded already when it runs), and a
     * list left with the imported file alone is empty, as Vite leaves it itself.
     */
    config: () => ({
      build: {
        modulePreload: {
          resolveDependencies: (_: string, deps: string[]) => {
            const rest = deps.filter((dep) => !dep.includes('preload-helper'));
            return rest.length > 1 ? rest : [];
          },
        },
      },
    }),
    resolveId(id: string) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(this: { addWatchFile(path: string): void }, id: string) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const paths = ['i18n/de.json', 'i18n/en.json', 'content/tours.yaml'];
      for (const path of paths) this.addWatchFile(file(path).pathname);
      const [de, en] = paths
        .slice(0, 2)
        .map((path) => projectorWords(JSON.parse(readFileSync(file(path), 'utf8'))));
      const words = { de: de!, en: en! };
      if (id.endsWith('/labels')) {
        // Written as short as HTML allows: every figure's script carries it.
        const buttons = Object.fromEntries(
          Object.entries(words).map(([lang, w]) => [
            lang,
            `<button class=diagram-button data-projector=tour>${w.tour}</button><button class=diagram-button data-projector=present>${w.present}</button>`,
          ]),
        );
        return `export const tourButtons = ${JSON.stringify(buttons)};`;
      }
      const entries = parse(readFileSync(file('content/tours.yaml'), 'utf8')) as TourEntry[];
      const data = Object.fromEntries(
        (['de', 'en'] as const).map((lang) => [
          lang,
          { words: words[lang], tours: toursIn(entries, lang) },
        ]),
      );
      return `export default ${JSON.stringify(data)};`;
    },
    /**
     * Leaves the figures' one dynamic import (`load`, above) unwrapped. Vite wraps every
     * import() of the browser's code in its preload helper, which fetches a chunk's static
     * imports and styles early; the tour's file has neither, and the helper (0.9 KB gzip)
     * would be the largest part of every figure's script, over its 4 KB budget. Without a
     * wrapper left in the chunk, its import of the helper goes too.
     */
    generateBundle(_: unknown, bundle: Record<string, { code?: string; imports?: string[] }>) {
      for (const chunk of Object.values(bundle)) {
        if (!chunk.code?.includes('import(`./projector.')) continue;
        chunk.code = chunk.code.replace(
          /[\w$]+\(\(\)=>(import\(`\.\/projector\.[\w-]+\.js`\)),__VITE_PRELOAD__\)/,
          '$1',
        );
        if (chunk.code.includes('__VITE_PRELOAD__')) continue;
        const helper = /import\{[^}]*\}from"\.\/(preload-helper\.[\w-]+\.js)";/;
        const name = chunk.code.match(helper)?.[1];
        chunk.code = chunk.code.replace(helper, '');
        if (chunk.imports) chunk.imports = chunk.imports.filter((file) => !file.endsWith(name!));
      }
    },
  };
}
