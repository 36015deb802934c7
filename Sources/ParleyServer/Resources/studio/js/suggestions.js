// suggestions.js — machine translations and translation-memory matches for one key.
//
// GET …/suggestions answers with what the configured MT backends propose (named, so a
// translator learns which engine to trust) and with similar English texts already translated
// elsewhere in the catalogs (similarity in %). Accepting one fills the editor's field(s); it
// is saved only when the translator saves. An MT failure is reported, not treated as fatal:
// the memory matches still show.

import { h } from './dom.js';
import { t, formatPercent } from './i18n.js';
import * as api from './api.js';
import * as values from './values.js';
import { loading, errorBox, highlighted } from './widgets.js';

/**
 * Renders the panel into `container`. `categories` are the target's plural categories (null
 * for a plain key); `onAccept(value)` receives the suggestion shaped for the key;
 * `canAccept` is false for read-only users (no buttons).
 */
export function render(container, { lang, ns, key, dir, categories, canAccept, onAccept }) {
  let disposed = false;
  const list = h('div', { class: 'suggestion-body' }, loading(t('suggestions.loading')));
  container.replaceChildren(h('section', { class: 'panel suggestions', dataset: { testid: 'suggestions' }, 'aria-labelledby': 'suggestions-title' },
    h('h2', { id: 'suggestions-title' }, t('suggestions.title')), list));
  load();

  async function load() {
    try {
      const data = await api.suggestions(lang, ns, key);
      if (!disposed) list.replaceChildren(...body(data));
    } catch (error) {
      if (!disposed) list.replaceChildren(errorBox(error, () => { list.replaceChildren(loading(t('suggestions.loading'))); load(); }));
    }
  }

  function body(data) {
    const out = [];
    const machine = data.machine || [];
    const memory = data.memory || [];
    if (data.machineError) {
      out.push(h('p', { class: 'notice polite', dataset: { testid: 'machine-error' } },
        t('suggestions.machineUnavailable', { message: data.machineError.message || data.machineError.code || '' })));
    }
    if (machine.length) {
      out.push(h('h3', {}, t('suggestions.machine')));
      out.push(h('ul', { class: 'suggestion-list' }, machine.map((s) => item(s.value, 'machine',
        // A text made entirely of glossary terms is answered without an engine: no name then.
        s.backend ? h('span', { class: 'badge subtle', dataset: { testid: 'backend' } }, t('suggestions.backend', { backend: s.backend })) : null,
        s.cached ? h('span', { class: 'muted small' }, t('suggestions.cached')) : null))));
    }
    if (memory.length) {
      out.push(h('h3', {}, t('suggestions.memory')));
      out.push(h('ul', { class: 'suggestion-list' }, memory.map((m) => item(m.translation, 'memory',
        h('span', { class: m.exact ? 'badge reviewed' : 'badge subtle', dataset: { testid: 'similarity' } },
          m.exact ? t('suggestions.exact') : t('suggestions.similarity', { percent: formatPercent((m.similarity || 0) / 100) })),
        h('span', { class: 'muted small' }, t('suggestions.from', { namespace: m.namespace, key: m.key })),
        m.source ? h('p', { class: 'memory-source muted small', lang: 'en', dir: 'ltr' }, t('suggestions.sourceWas'), ' ', h('q', {}, m.source)) : null))));
    }
    if (!machine.length && !memory.length && !data.machineError) out.push(h('p', { class: 'muted' }, t('suggestions.none')));
    else if (!machine.length && !memory.length) out.push(h('p', { class: 'muted' }, t('suggestions.noMemory')));
    return out;
  }

  function item(value, kind, ...meta) {
    const shaped = values.fit(value, categories);
    const text = values.isPlural(value)
      ? h('dl', { class: 'forms' }, (categories || Object.keys(value.forms)).filter((form) => form in value.forms).map((form) => [
        h('dt', {}, t(`editor.category.${form}`)),
        h('dd', { lang, dir }, highlighted(value.forms[form]))]))
      : h('p', { class: 'suggestion-text', lang, dir }, highlighted(values.textOf(value)));
    return h('li', { class: `suggestion ${kind}`, dataset: { testid: 'suggestion', kind } },
      h('div', { class: 'suggestion-meta' }, meta),
      text,
      canAccept ? h('button', {
        type: 'button', class: 'button small', dataset: { testid: 'accept-suggestion' },
        on: { click: () => onAccept(shaped) },
      }, t('suggestions.accept')) : null);
  }

  return () => { disposed = true; };
}
