// router.js — the hash routes of Parley Studio.
//
//   #/                       dashboard
//   #/{lang}/{ns}?filters    key list of one language and namespace
//   #/{lang}/{ns}/{key}?…    editor of one key (the list's filters ride along, so "next key"
//                            follows the list the translator came from)
//
// Hash routing keeps the app a set of static files (the server serves /studio/ as is) and
// every view linkable. Segments are URI-encoded one by one; dotted keys stay one segment.

const listeners = new Set();

/** The current route: {view, lang, ns, key, query (URLSearchParams)}. */
export function current() {
  return parse(location.hash);
}

export function parse(hash) {
  const raw = String(hash || '').replace(/^#/, '');
  const mark = raw.indexOf('?');
  const path = mark === -1 ? raw : raw.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? '' : raw.slice(mark + 1));
  let parts;
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { view: 'notFound', query };
  }
  if (parts.length === 0) return { view: 'dashboard', query };
  if (parts.length === 2) return { view: 'list', lang: parts[0], ns: parts[1], query };
  if (parts.length === 3) return { view: 'editor', lang: parts[0], ns: parts[1], key: parts[2], query };
  return { view: 'notFound', query };
}

/** The hash for a route; `query` is a URLSearchParams or a plain object (empty values dropped). */
export function href({ lang, ns, key, query } = {}) {
  const parts = [lang, ns, key].filter((p) => p !== undefined && p !== null).map(encodeURIComponent);
  const params = query instanceof URLSearchParams ? new URLSearchParams(query) : new URLSearchParams();
  if (!(query instanceof URLSearchParams)) {
    for (const [name, value] of Object.entries(query || {})) {
      if (value !== undefined && value !== null && value !== '' && value !== false) params.set(name, String(value));
    }
  }
  const search = params.toString();
  return `#/${parts.join('/')}${search ? `?${search}` : ''}`;
}

export function navigate(hash) {
  if (location.hash === hash) notify();
  else location.hash = hash;
}

/** Changes the URL without re-rendering (filters typed into the list). */
export function replace(hash) {
  history.replaceState(history.state, '', hash);
}

export function onRoute(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

function notify() {
  const route = current();
  for (const fn of listeners) fn(route);
}

window.addEventListener('hashchange', notify);
