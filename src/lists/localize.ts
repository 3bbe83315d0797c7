import type { Language } from '../db/schema.js';

/**
 * Picks a list item's text in the user's language. Default items carry both languages; items an
 * administrator adds may have only one, which is then shown in both.
 */
export function localize(language: Language, nl: string | null, en: string | null): string {
  if (language === 'en') return en ?? nl ?? '';
  return nl ?? en ?? '';
}

export function localizeOptional(language: Language, nl: string | null, en: string | null): string | null {
  if (language === 'en') return en ?? nl;
  return nl ?? en;
}
