import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

import type { Language } from '../api/types';
import en from './en.json';
import nl from './nl.json';

export const LANGUAGES: readonly Language[] = ['nl', 'en'];
export const DEFAULT_LANGUAGE: Language = 'nl';

/** Language chosen on the sign-in page, remembered in this browser until the user signs in. */
const STORED_LANGUAGE_KEY = 'trechter.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en';
}

export function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORED_LANGUAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORED_LANGUAGE_KEY, language);
  } catch {
    // Private browsing can refuse storage; the language then resets on the next visit.
  }
}

export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  if (i18next.language !== language) await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : DEFAULT_LANGUAGE;
}

// Fails to compile when the English file lacks a key of the Dutch one.
const english: typeof nl = en;

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: english } },
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export default i18next;
