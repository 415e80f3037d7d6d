// UI strings: one flat dictionary per language and a typed lookup. Components never hold
// German or English literals; they call t(lang, key).
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

/** The site's languages, in the order the language switch lists them. */
export const languages = ['de', 'en'] as const;
export type Lang = (typeof languages)[number];
/** Every UI key; the English dictionary is the reference, German must match it. */
export type UiKey = keyof typeof en;

const dictionaries: Record<Lang, Record<UiKey, string>> = { de, en };

/** True when `value` is one of the site's languages. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The other language of the site (there are exactly two). */
export function otherLang(lang: Lang): Lang {
  return lang === 'de' ? 'en' : 'de';
}

/** Looks up `key` for `lang` and fills `{name}` placeholders from `vars`. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** BCP 47 tags per language, for `Intl` and `hreflang`. */
export const locales: Record<Lang, string> = { de: 'de-DE', en: 'en-GB' };
