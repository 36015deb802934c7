// history.js — every revision of a key: who, when, what kind of change, and a word-level
// diff of old → new, newest first. Older revisions with a value can be restored ("revert"
// writes that value as a new revision, so nothing is ever lost from the history itself).

import { h } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import * as api from './api.js';
import * as values from './values.js';
import { renderDiff } from './diff.js';
import { loading, errorBox } from './widgets.js';

/**
 * Renders the panel into `container`. `view()` returns the current KeyView (its revision
 * decides which entries can be restored); `onRevert(revision)` does the revert.
 * Returns {refresh(), dispose()}.
 */
export function create(container, { lang, ns, key, dir, categories, canRevert, view, onRevert }) {
  let disposed = false;
  let sequence = 0;
  const list = h('div', { class: 'history-body' }, loading(t('history.loading')));
  container.replaceChildren(h('section', { class: 'panel history', dataset: { testid: 'history' }, 'aria-labelledby': 'history-title' },
    h('h2', { id: 'history-title' }, t('history.title')), list));

  async function refresh() {
    const mine = ++sequence;
    try {
      const data = await api.history(lang, ns, key);
      if (disposed || mine !== sequence) return;
      const revisions = [...(data.revisions || [])].sort((a, b) => b.revision - a.revision);
      list.replaceChildren(revisions.length
        ? h('ol', { class: 'history-list' }, revisions.map(entry))
        : h('p', { class: 'muted' }, t('history.empty')));
    } catch (error) {
      if (!disposed && mine === sequence) list.replaceChildren(errorBox(error, refresh));
    }
  }

  function entry(rev) {
    const current = view();
    const restorable = canRevert && current && rev.kind !== 'suggestion' && rev.revision < current.revision && rev.new && !values.isFixed(rev.new)
      && !values.equal(rev.new, current.translation);
    return h('li', { class: `history-entry kind-${rev.kind}`, dataset: { testid: 'history-entry', revision: rev.revision, kind: rev.kind } },
      h('div', { class: 'history-head' },
        h('span', { class: 'badge subtle' }, t(`history.kind.${rev.kind}`)),
        h('span', { class: 'history-rev' }, t('history.revision', { revision: rev.revision })),
        h('span', { class: 'history-author', dataset: { testid: 'history-author' } }, rev.author),
        h('time', { datetime: rev.at, class: 'muted small' }, formatDateTime(rev.at))),
      stateChange(rev),
      change(rev),
      rev.note ? h('p', { class: 'history-note muted small' }, rev.note) : null,
      restorable ? h('button', {
        type: 'button', class: 'button small', dataset: { testid: 'revert' },
        on: { click: (event) => { event.currentTarget.disabled = true; onRevert(rev.revision); } },
      }, t('history.revert', { revision: rev.revision })) : null);
  }

  function stateChange(rev) {
    if (!rev.newState || rev.oldState === rev.newState) return null;
    return h('p', { class: 'muted small' }, rev.oldState
      ? t('history.stateChange', { from: t(`states.${rev.oldState}`), to: t(`states.${rev.newState}`) })
      : t('history.stateSet', { state: t(`states.${rev.newState}`) }));
  }

  function change(rev) {
    if (values.equal(rev.old, rev.new)) return null;
    if (values.isPlural(rev.old) || values.isPlural(rev.new)) {
      const names = categories || Object.keys({ ...(rev.old && rev.old.forms), ...(rev.new && rev.new.forms) });
      const changed = names.filter((n) => values.textOf(rev.old, n) !== values.textOf(rev.new, n));
      return h('dl', { class: 'forms diff-forms' }, changed.map((n) => [
        h('dt', {}, t(`editor.category.${n}`)),
        h('dd', {}, renderDiff(values.textOf(rev.old, n), values.textOf(rev.new, n), { lang, dir }))]));
    }
    return h('p', { class: 'history-diff' }, renderDiff(values.textOf(rev.old), values.textOf(rev.new), { lang, dir }));
  }

  refresh();
  return { refresh, dispose() { disposed = true; } };
}
