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
const HELPER = '\0projector-preload-helper';

export default function projectorData() {
  return {
    name: 'projector-data',
    /**
     * The figures' script has one import(), of the tour's file, which has no static imports
     * or styles to fetch ahead of it. Vite wraps every import() in its preload helper (0.9 KB
     * gzip, which would put the I/O path's script over its 4 KB); for the figures it gets a
     * helper that only calls the import. Search keeps Vite's, inside its own file as before.
     */
    resolveId(id: string, importer?: string) {
      if (id.endsWith('vite/preload-helper.js') && importer?.includes('/components/diagrams/'))
        return HELPER;
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(this: { addWatchFile(path: string): void }, id: string) {
      if (id === HELPER) return 'export const __vitePreload = (load) => load();';
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
  };
}
