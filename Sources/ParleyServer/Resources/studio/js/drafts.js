// drafts.js — typed text survives reloads, crashes and conflicts.
//
// Every keystroke in the editor is kept in localStorage under (language, namespace, key)
// until the value is saved or the translator throws the draft away. A draft remembers the
// revision it was typed over: when it is saved later, that revision goes into If-Match, so a
// value someone else saved in the meantime brings up the conflict view instead of being
// overwritten. Only text is stored here, never the API key.

const PREFIX = 'parley-studio:draft:';

function storageKey(lang, ns, key) {
  return `${PREFIX}${lang}\u0000${ns}\u0000${key}`;
}

/** The draft of a key: {value, baseRevision, savedAt} or null. */
export function load(lang, ns, key) {
  try {
    const raw = localStorage.getItem(storageKey(lang, ns, key));
    if (!raw) return null;
    const draft = JSON.parse(raw);
    return draft && draft.value ? draft : null;
  } catch {
    return null;
  }
}

export function save(lang, ns, key, value, baseRevision) {
  try {
    localStorage.setItem(storageKey(lang, ns, key), JSON.stringify({ value, baseRevision, savedAt: new Date().toISOString() }));
  } catch { /* storage full or disabled: the text is still in the field */ }
}

export function remove(lang, ns, key) {
  try { localStorage.removeItem(storageKey(lang, ns, key)); } catch { /* nothing to remove */ }
}

/** Every draft, newest first: [{lang, ns, key, savedAt}] (for the dashboard's reminder). */
export function all() {
  const out = [];
  try {
    for (let i = 0; i < localStorage.length; i += 1) {
      const name = localStorage.key(i);
      if (!name || !name.startsWith(PREFIX)) continue;
      const [lang, ns, key] = name.slice(PREFIX.length).split('\u0000');
      const draft = load(lang, ns, key);
      if (draft) out.push({ lang, ns, key, savedAt: draft.savedAt });
    }
  } catch { /* no storage */ }
  return out.sort((a, b) => String(b.savedAt).localeCompare(String(a.savedAt)));
}
