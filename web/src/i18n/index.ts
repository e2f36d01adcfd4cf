import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { catalogEn } from './catalog.en.ts';
import { catalogVi } from './catalog.vi.ts';
import { documentsEn } from './documents.en.ts';
import { documentsVi } from './documents.vi.ts';
import { citizenEn } from './citizen.en.ts';
import { citizenVi } from './citizen.vi.ts';
import { notifyEn } from './notify.en.ts';
import { notifyVi } from './notify.vi.ts';
import { en } from './en.ts';
import { queueEn } from './queue.en.ts';
import { queueVi } from './queue.vi.ts';
import { reportsEn } from './reports.en.ts';
import { reportsVi } from './reports.vi.ts';
import { vi } from './vi.ts';

export const LANGUAGES = ['vi', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Each language is offered in its own name, whatever the current language is. */
export const LANGUAGE_AUTONYMS: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

const STORAGE_KEY = 'motcua.lang';

function storedLanguage(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage blocked (private mode, kiosk lockdown): Vietnamese
  }
}

void i18n.use(initReactI18next).init({
  // The catalog's text lives in its own files (catalog.vi.ts, catalog.en.ts) under the `catalog` key.
  resources: { vi: { translation: { ...vi, ...catalogVi, ...documentsVi, ...queueVi, ...citizenVi, ...notifyVi, ...reportsVi } }, en: { translation: { ...en, ...catalogEn, ...documentsEn, ...queueEn, ...citizenEn, ...notifyEn, ...reportsEn } } },
  lng: storedLanguage(),
  fallbackLng: 'vi',
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes
});
document.documentElement.lang = i18n.language;

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // the choice then lasts for this page only
  }
});

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

/** Locale for Intl formatting of dates and numbers in the current language. */
export function currentLocale(): string {
  return currentLang() === 'en' ? 'en-GB' : 'vi-VN';
}

export { i18n };
