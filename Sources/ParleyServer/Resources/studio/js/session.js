// session.js — who is signed in and what they may do.
//
// The API key lives in sessionStorage only: it survives a reload of the tab (a translator
// reloading mid-work stays signed in) but not the closing of the browser, and it is never
// written to localStorage or put in a URL, where it would outlive the session or leak into
// history and logs. `me` is the answer of GET /v1/me.

import * as api from './api.js';

const STORAGE_KEY = 'parley-studio:api-key';
let profile = null;

export function storedKey() {
  try { return sessionStorage.getItem(STORAGE_KEY); } catch { return null; }
}

/** Checks `key` with GET /v1/me; on success keeps it for this tab and returns the profile. */
export async function signIn(key) {
  const me = await api.me(key);
  try { sessionStorage.setItem(STORAGE_KEY, key); } catch { /* the key then lasts until reload */ }
  api.setKey(key);
  profile = me;
  return me;
}

/**
 * Re-checks a key kept from before a reload. It is not written again: if the tab's storage
 * was cleared while the check was on its way, the key stays forgotten.
 */
export async function resume() {
  const key = storedKey();
  if (!key) return null;
  const me = await api.me(key);
  if (storedKey() !== key) throw Object.assign(new Error('signed out meanwhile'), { status: 401, code: 'unauthorized' });
  api.setKey(key);
  profile = me;
  return me;
}

export function signOut() {
  try { sessionStorage.removeItem(STORAGE_KEY); } catch { /* nothing stored */ }
  api.setKey(null);
  profile = null;
}

export function me() { return profile; }
export function signedIn() { return profile !== null; }

/** May save values of `lang`. English is the source: only an admin changes it. */
export function canWrite(lang) {
  if (!profile) return false;
  if (profile.admin) return true;
  if (lang === sourceLanguage) return false;
  return (profile.writeLanguages || []).includes(lang);
}

/** May mark values of `lang` reviewed. */
export function canReview(lang) {
  if (!profile) return false;
  if (profile.admin) return true;
  if (lang === sourceLanguage) return false;
  return (profile.reviewLanguages || []).includes(lang);
}

// The source language comes with GET /v1/catalogs; "en" until that answer is known.
let sourceLanguage = 'en';
export function setSourceLanguage(code) { sourceLanguage = code; }
export function source() { return sourceLanguage; }
