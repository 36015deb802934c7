// prefetch.js — the first view's data, asked for while the app is still starting.
//
// On a page load of a key list or an editor, the request for its keys would otherwise wait
// for the UI strings and GET /v1/me. With a key kept from before the reload, main.js starts
// it at once and the view takes the answer when it renders; only the first render uses it
// (later filters and navigation ask afresh).

import * as api from './api.js';
import { filtersFrom } from './keyorder.js';

const pending = new Map();

export function listId(lang, ns, filters) {
  return `list:${lang}/${ns}?${new URLSearchParams(Object.entries(filters).filter(([, v]) => v))}`;
}

export function keyId(lang, ns, key) {
  return `key:${lang}/${ns}/${key}`;
}

/** Starts the request `route` will make first (list or editor); other views need none. */
export function start(route) {
  if (route.view === 'list') {
    const filters = filtersFrom(route.query);
    remember(listId(route.lang, route.ns, filters), api.listKeys(route.lang, route.ns, filters));
  } else if (route.view === 'editor') {
    remember(keyId(route.lang, route.ns, route.key), api.getKey(route.lang, route.ns, route.key));
  }
}

function remember(id, promise) {
  promise.catch(() => {}); // a view that never asks must not leave an unhandled rejection
  pending.set(id, promise);
}

/** The prefetched answer for `id` (once), or null. */
export function take(id) {
  const promise = pending.get(id) || null;
  pending.delete(id);
  return promise;
}
