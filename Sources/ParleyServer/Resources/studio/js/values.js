// values.js — the three shapes of a catalog value, in one place.
//
//   {"value": "…"}                 a plain key
//   {"forms": {"one": "…", …}}     a plural group, one text per CLDR category
//   {"fixed": "true"}              a non-string value (e.g. `true`): shown, never edited
//
// Editors, drafts, suggestions, conflicts and history all compare and display values;
// doing it here keeps "what counts as the same text" consistent.

export function isPlural(v) { return !!(v && v.forms && typeof v.forms === 'object'); }
export function isFixed(v) { return !!(v && v.fixed !== undefined && v.value === undefined && v.forms === undefined); }

/** Same text (forms compared category by category; missing and empty are the same). */
export function equal(a, b) {
  if (isFixed(a) || isFixed(b)) return isFixed(a) && isFixed(b) && a.fixed === b.fixed;
  if (isPlural(a) || isPlural(b)) {
    const fa = (a && a.forms) || {};
    const fb = (b && b.forms) || {};
    const names = new Set([...Object.keys(fa), ...Object.keys(fb)]);
    for (const name of names) if ((fa[name] || '') !== (fb[name] || '')) return false;
    return true;
  }
  return ((a && a.value) || '') === ((b && b.value) || '');
}

/** The text of one form (`null` = the plain value), or '' when absent. */
export function textOf(v, form = null) {
  if (!v) return '';
  if (form === null) {
    if (typeof v.value === 'string') return v.value;
    if (isPlural(v)) return v.forms.other ?? Object.values(v.forms)[0] ?? '';
    if (isFixed(v)) return String(v.fixed);
    return '';
  }
  if (isPlural(v)) return v.forms[form] ?? '';
  return typeof v.value === 'string' ? v.value : '';
}

/** Every text of a value, in form order when `order` is given. */
export function texts(v, order = null) {
  if (!v) return [];
  if (isPlural(v)) {
    const names = order || Object.keys(v.forms);
    return names.filter((n) => n in v.forms).map((n) => v.forms[n]);
  }
  if (typeof v.value === 'string') return [v.value];
  return [];
}

/**
 * Shapes `v` for a key with `categories` (null for a plain key): a plain suggestion offered
 * for a plural key fills every form, a plural one offered for a plain key gives its `other`.
 */
export function fit(v, categories) {
  if (!categories) return { value: textOf(v) };
  const forms = {};
  for (const category of categories) {
    forms[category] = isPlural(v) ? (v.forms[category] ?? v.forms.other ?? '') : textOf(v);
  }
  return { forms };
}
