import { LANGUAGE_TAG, LIMITS, type CategoryLabels } from '../protocol/index.ts';
import { EDGE_LIMITS } from '../protocol/schemas/limits.ts';

/** What the category editor holds while an admin edits: categories one per line, languages, and names per language. */
export interface CategoryDraft { categories: string; languages: string[]; names: CategoryLabels }
export type CategoryResult = { categories: string[]; categoryLabels: CategoryLabels | null } | { error: string };

/** The categories of the textarea: one per line, trimmed, blanks dropped. */
export const categoryLines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** A site's saved settings as a draft. */
export function categoryDraft(categories: readonly string[], labels: CategoryLabels | null | undefined): CategoryDraft {
  const names: CategoryLabels = {};
  for (const [lang, byCategory] of Object.entries(labels ?? {})) names[lang] = { ...byCategory };
  return { categories: categories.join('\n'), languages: Object.keys(names), names };
}

/** A language typed by the admin, made a key (`DE` → `de`), or why it cannot be one. */
export function languageKey(typed: string, languages: readonly string[]): { lang: string } | { error: string } {
  const lang = typed.trim().toLowerCase().replace('_', '-');
  if (!LANGUAGE_TAG.test(lang)) return { error: `"${typed.trim()}" is not a language tag: two or three letters, like ar, de or pt.` };
  // The widget looks names up by the first part of the browser's language (pt-BR → pt): a region key would never be read.
  const base = lang.split('-')[0]!;
  if (base !== lang) return { error: `Use ${base}: the widget matches a customer's language by its first part, so ${base} serves every ${base}-… browser.` };
  if (languages.includes(lang)) return { error: `${lang} is already there.` };
  if (languages.length >= EDGE_LIMITS.labelLanguages.items) return { error: `At most ${EDGE_LIMITS.labelLanguages.items} languages.` };
  return { lang };
}

/**
 * The PATCH a draft stands for, checked as the server checks it: names kept only for categories
 * that remain, blank ones dropped, and no languages at all is `null` (removes them).
 */
export function categorySettings(d: CategoryDraft): CategoryResult {
  const categories = categoryLines(d.categories);
  if (!categories.length) return { error: 'Give at least one category: the ticket form offers them.' };
  if (categories.length > EDGE_LIMITS.categories.items) return { error: `At most ${EDGE_LIMITS.categories.items} categories.` };
  const long = categories.find((c) => c.length > LIMITS.category);
  if (long) return { error: `"${long.slice(0, 20)}…" is longer than ${LIMITS.category} characters.` };
  const twice = categories.find((c, i) => categories.indexOf(c) !== i);
  if (twice) return { error: `${twice} is listed twice.` };
  const labels: CategoryLabels = {};
  for (const lang of d.languages) {
    const named: Record<string, string> = {};
    for (const c of categories) {
      const name = d.names[lang]?.[c]?.trim();
      if (!name) continue;
      if (name.length > LIMITS.category) return { error: `The ${lang} name of ${c} is longer than ${LIMITS.category} characters.` };
      named[c] = name;
    }
    if (Object.keys(named).length) labels[lang] = named;
  }
  return { categories, categoryLabels: Object.keys(labels).length ? labels : null };
}
