// keyorder.js — the order of keys in the list a translator is working through.
//
// "Save and next" (Ctrl+Enter) moves along the list the translator came from, with its
// filters, in the order it was shown — even after the saved key drops out of a filter such
// as "untranslated". The key list leaves its last answer here; the editor reads it (or asks
// Parley for the same list when the editor was opened directly from a link).

import * as api from './api.js';

const lists = new Map(); // `${lang}/${ns}?${filters}` → [key]
const selection = new Map(); // `${lang}/${ns}` → key last opened or selected

export function filtersFrom(query) {
  return {
    state: query.get('state') || undefined,
    check: query.get('check') || undefined,
    q: query.get('q') || undefined,
    needsReview: query.get('needsReview') === 'true' ? 'true' : undefined,
  };
}

function id(lang, ns, filters) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  return `${lang}/${ns}?${params}`;
}

export function remember(lang, ns, filters, keys) {
  lists.set(id(lang, ns, filters), keys);
}

/** The keys of that list, from memory when the list was shown in this session. */
export async function keys(lang, ns, filters) {
  const known = lists.get(id(lang, ns, filters));
  if (known) return known;
  const data = await api.listKeys(lang, ns, filters);
  const order = data.keys.map((k) => k.key);
  remember(lang, ns, filters, order);
  return order;
}

export function select(lang, ns, key) { selection.set(`${lang}/${ns}`, key); }
export function selected(lang, ns) { return selection.get(`${lang}/${ns}`) || null; }
