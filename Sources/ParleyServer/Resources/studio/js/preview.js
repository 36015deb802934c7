// preview.js — a translation as the protoimsg client would show it.
//
// Placeholders are filled with sample values (a plural form's `{{count}}` with that form's
// example number, so "few · 3" reads "3 ردود"), markup tags become the elements they stand
// for, and `$t(ns:key)` is looked up in the served catalog. Samples are inserted as plain,
// un-isolated text — exactly what i18next does — so a missing FSI…PDI shows up here as the
// scrambled word order a user would see.

import { segments, interpolationParts } from './placeholders.js';
import * as api from './api.js';

const catalogs = new Map(); // `${lang}/${ns}` → {doc, promise} of the served JSON

/** Sample values by placeholder name; anything else shows its own name. */
function sample(name, format, { lang, example }) {
  const number = (n) => new Intl.NumberFormat(lang).format(Number(n));
  if (name === 'count') return format === 'number' ? number(example ?? 3) : String(example ?? 3);
  if (format === 'number') return number(42);
  const samples = {
    lang: () => languageSample(lang),
    language: () => languageSample(lang),
    handle: () => 'alice.bsky.social',
    name: () => 'Alice',
    displayName: () => 'Alice',
    user: () => 'alice.bsky.social',
    url: () => 'https://example.com',
    link: () => 'https://example.com',
    date: () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(2026, 4, 17)),
    time: () => new Intl.DateTimeFormat(lang, { timeStyle: 'short' }).format(new Date(2026, 4, 17, 14, 30)),
    max: () => '300',
    min: () => '3',
    preview: () => 'See you at 8!',
    room: () => 'Book club',
    group: () => 'Book club',
  };
  if (samples[name]) return samples[name]();
  if (/did$/i.test(name)) return 'did:plc:alice';
  if (/count$|number$|total$/i.test(name)) return '5';
  return name;
}

function languageSample(lang) {
  try { return new Intl.DisplayNames([lang], { type: 'language' }).of('es') || 'Español'; } catch { return 'Español'; }
}

function nested(token, lang, onLoaded) {
  // $t(ns:key): looked up in the served catalog of the target language. Without a
  // namespace the key is shown as is (the preview does not know the caller's namespace).
  const inner = token.slice(3, -1).split(',')[0].trim();
  const shown = `⟦${inner}⟧`;
  const colon = inner.indexOf(':');
  if (colon === -1) return shown;
  const ns = inner.slice(0, colon);
  const id = `${lang}/${ns}`;
  let entry = catalogs.get(id);
  if (!entry) {
    entry = { doc: null, promise: null };
    entry.promise = api.servedCatalog(lang, ns).then((doc) => { entry.doc = doc || {}; }, () => { entry.doc = {}; });
    catalogs.set(id, entry);
  }
  if (!entry.doc) { entry.promise.then(onLoaded); return shown; }
  let node = entry.doc;
  for (const part of inner.slice(colon + 1).split('.')) node = node && typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : shown;
}

/**
 * Fills `target` with the preview of `text` in language `lang`; `example` is the plural form's
 * example number (or null). `onChange` is called when a nested catalog arrives later.
 */
export function render(target, text, { lang, example = null, onChange = () => {} }) {
  const root = document.createDocumentFragment();
  const stack = [{ el: root, tag: null }];
  const top = () => stack[stack.length - 1].el;
  for (const seg of segments(text)) {
    if (!seg.kind) { top().append(seg.text); continue; }
    if (seg.kind === 'interpolation') {
      const { name, format } = interpolationParts(seg.text);
      const span = document.createElement('span');
      span.className = 'sample';
      span.textContent = sample(name, format, { lang, example });
      top().append(span);
    } else if (seg.kind === 'nesting') {
      const span = document.createElement('span');
      span.className = 'sample';
      span.textContent = nested(seg.text, lang, onChange);
      top().append(span);
    } else {
      const m = /^<(\/)?([A-Za-z0-9]+)[^>]*?(\/)?>$/.exec(seg.text);
      if (!m) { top().append(seg.text); continue; }
      const [, closing, name, selfClosing] = m;
      if (selfClosing) { if (name === 'br') top().append(document.createElement('br')); continue; }
      if (closing) {
        // Close the innermost matching tag; a stray closing tag is shown as text.
        const index = stack.map((s) => s.tag).lastIndexOf(name);
        if (index > 0) stack.length = index;
        else top().append(seg.text);
        continue;
      }
      const known = { strong: 'strong', b: 'strong', em: 'em', i: 'em', code: 'code', u: 'u', s: 's' };
      const el = document.createElement(known[name] || 'span');
      if (!known[name]) el.className = 'markup';
      top().append(el);
      stack.push({ el, tag: name });
    }
  }
  target.replaceChildren(root);
}

