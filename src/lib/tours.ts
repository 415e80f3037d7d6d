// The tours of the diagrams (src/content/tours.yaml) and the projector's interface words
// (src/i18n, keys `projector.…`) in the shape the figures' scripts read: pure functions,
// used by the build's virtual modules (src/integrations/projector-data.ts) and the tests.

/** One step as written in tours.yaml. */
export interface TourEntryStep {
  state: string;
  shows: string[];
  de: string;
  en: string;
  cites: string[];
}

/** One diagram's tour as written in tours.yaml. */
export interface TourEntry {
  id: string;
  steps: TourEntryStep[];
}

/** One step as the browser gets it: the view's fragment value, its title and its ids. */
export interface TourStep {
  state: string;
  title: string;
  cites: string[];
}

/** The words the tour's controls show, by key without the `projector.` prefix. */
export const projectorKeys = [
  'projector.present',
  'projector.tour',
  'projector.group',
  'projector.back',
  'projector.next',
  'projector.step',
  'projector.leave',
  'projector.qr',
] as const;

export type ProjectorWord = (typeof projectorKeys)[number] extends `projector.${infer K}`
  ? K
  : never;

/** The projector's words of one language's dictionary. */
export function projectorWords(dictionary: Record<string, string>): Record<ProjectorWord, string> {
  return Object.fromEntries(
    projectorKeys.map((key) => {
      const word = dictionary[key];
      if (!word) throw new Error(`src/i18n: no "${key}"`);
      return [key.slice('projector.'.length), word];
    }),
  ) as Record<ProjectorWord, string>;
}

/** Every diagram's tour in `lang`: the steps in order, each with its title in that language. */
export function toursIn(entries: TourEntry[], lang: 'de' | 'en'): Record<string, TourStep[]> {
  return Object.fromEntries(
    entries.map(({ id, steps }) => [
      id,
      steps.map((s) => ({ state: s.state, title: s[lang], cites: s.cites })),
    ]),
  );
}
