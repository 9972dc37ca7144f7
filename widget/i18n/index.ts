// Strings in one place: a translation is one file here plus one line below. English ships in
// widget-app.js; every other language is a chunk of its own (widget-ar.js), fetched only by the
// visitors who read it, so each translation added costs the others nothing.
import en, { type Strings } from './en.ts';

const LOCALES: Record<string, () => Promise<{ default: Strings }>> = { ar: () => import('./ar.ts') };

/** The language part of a locale tag ('ar-EG' → ar). */
export const lang = (locale = ''): string => locale.toLowerCase().split('-')[0]!;

/** The strings for a locale: English at once, another known language once its chunk is loaded; unknown ones fall back to English. */
export const loadStrings = (locale: string): Strings | Promise<Strings> => LOCALES[lang(locale)]?.().then((m) => m.default) ?? en;

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

export { en };
export type { Strings };
