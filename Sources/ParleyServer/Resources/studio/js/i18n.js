// i18n.js — Parley Studio's own UI strings (namespace `studio`, i18next JSON v4).
//
// The strings are served by Parley itself at /locales/{lang}/studio.json, the same route
// protoimsg's client uses, so translators translate this app with this app. Only the small
// part of i18next the app needs is implemented: nested keys, `{{name}}` interpolation and
// `key_<category>` plurals chosen with Intl.PluralRules of the UI language (falling back to
// `_other`). English is loaded too, as the fallback for keys a translation lacks.

export const UI_LANGUAGES = ['en', 'es', 'ru', 'ar', 'uk', 'ga', 'sw', 'ha'];
// Each UI language as its speakers write it, for the language selector: a user lost in a
// foreign interface looks for their own name of their language. (Browsers' CLDR data lacks
// some of these, e.g. Irish "Gaeilge".)
export const ENDONYMS = { en: 'English', es: 'español', ru: 'русский', ar: 'العربية', uk: 'українська', ga: 'Gaeilge', sw: 'Kiswahili', ha: 'Hausa' };
const STORAGE_KEY = 'parley-studio:ui-lang';
const RTL = new Set(['ar']);

let current = 'en';
let strings = {};
let english = {};
let plurals = new Intl.PluralRules('en');
const listeners = new Set();
const loaded = new Map(); // lang → Promise of its JSON, so switching back costs no request

/** The UI language to start with: the stored choice, else the browser's if we have it, else en. */
export function initialLanguage() {
  let stored = null;
  try { stored = localStorage.getItem(STORAGE_KEY); } catch { /* storage disabled: fall through */ }
  if (UI_LANGUAGES.includes(stored)) return stored;
  for (const tag of navigator.languages || [navigator.language || 'en']) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (UI_LANGUAGES.includes(base)) return base;
  }
  return 'en';
}

function fetchStrings(lang) {
  if (!loaded.has(lang)) {
    loaded.set(lang, fetch(`/locales/${encodeURIComponent(lang)}/studio.json`, { headers: { Accept: 'application/json' } })
      .then((response) => {
        if (!response.ok) throw new Error(`UI strings for ${lang}: HTTP ${response.status}`);
        return response.json();
      })
      .catch((error) => { loaded.delete(lang); throw error; }));
  }
  return loaded.get(lang);
}

/** Loads `lang`'s strings (and English as fallback), then lays the document out for it. */
export async function setLanguage(lang, { persist = true } = {}) {
  if (!UI_LANGUAGES.includes(lang)) lang = 'en';
  const [en, own] = await Promise.all([fetchStrings('en'), lang === 'en' ? null : fetchStrings(lang)]);
  english = en;
  strings = own || en;
  current = lang;
  plurals = new Intl.PluralRules(lang);
  const root = document.documentElement;
  root.lang = lang;
  root.dir = RTL.has(lang) ? 'rtl' : 'ltr';
  if (persist) { try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* not fatal */ } }
  document.title = t('app.title');
  for (const fn of listeners) fn(lang);
}

export function uiLanguage() { return current; }

/** Calls `fn(lang)` after every language change; returns an unsubscribe function. */
export function onLanguageChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function lookup(table, key) {
  let node = table;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !(part in node)) return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

function find(key, count) {
  if (typeof count === 'number') {
    const category = plurals.select(count);
    for (const table of [strings, english]) {
      const text = lookup(table, `${key}_${category}`) ?? lookup(table, `${key}_other`);
      if (text !== undefined) return text;
    }
  }
  return lookup(strings, key) ?? lookup(english, key);
}

/**
 * Translates `key` (dotted path). `vars.count` (a number) picks the plural form; every
 * `{{name}}` is replaced by `vars.name`, isolated in FSI…PDI so that a value of the other
 * direction (an Arabic language name in an English sentence, a Latin key name in an Arabic
 * one) cannot reorder the sentence around it — what Parley's QA asks of Arabic catalogs,
 * done here for every language. A missing key shows itself, so a gap is visible rather
 * than an empty label.
 */
export function t(key, vars = {}) {
  const text = find(key, vars.count);
  if (text === undefined) return key;
  return text.replace(/\{\{\s*(-\s*)?([\w.]+)\s*(?:,\s*([\w]+))?\s*\}\}/g, (whole, _unescaped, name) => {
    if (!(name in vars)) return whole;
    const value = vars[name];
    return `\u2068${typeof value === 'number' ? formatNumber(value) : String(value)}\u2069`;
  });
}

// ---- Formatting in the UI language ----

export function formatNumber(n) {
  return new Intl.NumberFormat(current).format(n);
}

export function formatPercent(fraction) {
  return new Intl.NumberFormat(current, { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso ?? '');
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The name of a language code in the UI language ("Arabic", "árabe"), or the code itself. */
export function languageName(code, inLanguage = current) {
  try {
    const name = new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(code);
    if (name && name !== code) return name;
  } catch { /* unknown code */ }
  return code;
}
