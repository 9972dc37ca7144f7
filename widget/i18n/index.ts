// Strings in one place: a translation is one file here plus one line below.
import ar from './ar.ts';
import en, { type Strings } from './en.ts';

const LOCALES: Record<string, Strings> = { en, ar };

/** The best match for a locale tag ('ar-EG' → ar), falling back to English. */
export const strings = (locale = ''): Strings => LOCALES[locale.toLowerCase().split('-')[0]!] ?? en;

/** Fills `{name}` placeholders. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));

export type { Strings };
