// catalogs.js — GET /v1/catalogs, remembered for the session.
//
// The dashboard shows it. The list and the editor only need a language's direction, which
// they take from the last answer when there is one and from the browser's CLDR data
// otherwise: they never wait for this call, which computes the QA totals of every catalog and
// is the slowest one Parley has (a key list must be interactive within a few hundred ms).

import * as api from './api.js';
import * as session from './session.js';

let pending = null;
let latest = null;

/** The catalogs overview; `fresh` asks Parley again (the dashboard wants current numbers). */
export function load({ fresh = false } = {}) {
  if (fresh || !pending) {
    pending = api.catalogs().then((data) => {
      latest = data;
      session.setSourceLanguage(data.sourceLanguage || 'en');
      return data;
    }).catch((error) => { pending = null; throw error; });
  }
  return pending;
}

/** The language entry ({code, direction, source, totals}) of the last answer, or null. */
export function language(code) {
  return (latest && latest.languages.find((l) => l.code === code)) || null;
}

/** 'rtl' or 'ltr' for a language: Parley's answer if known, else the browser's CLDR data. */
export function direction(code) {
  const entry = language(code);
  if (entry && entry.direction) return entry.direction;
  try {
    const locale = new Intl.Locale(code);
    const info = typeof locale.getTextInfo === 'function' ? locale.getTextInfo() : locale.textInfo;
    if (info && info.direction) return info.direction;
  } catch { /* not a locale tag */ }
  return ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'sd', 'ug'].includes(String(code).split('-')[0]) ? 'rtl' : 'ltr';
}

export function namespaces() {
  return latest ? latest.namespaces.map((n) => n.name) : [];
}

export function forget() {
  pending = null;
  latest = null;
}
