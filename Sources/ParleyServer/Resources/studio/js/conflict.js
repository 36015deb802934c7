// conflict.js — someone saved this key while you were editing it.
//
// Parley refuses a save whose If-Match is stale (412) and sends the current key along. This
// view puts their value and yours side by side, with a word diff, and offers the three ways
// out: keep mine (save mine over their revision), keep theirs (take it into the editor and
// drop my draft), or merge (edit a text that starts from mine, with theirs beside it, and save
// that over their revision). Until one is chosen the draft stays in localStorage.

import { h, replace } from './dom.js';
import { t, formatDateTime } from './i18n.js';
import * as values from './values.js';
import { renderDiff } from './diff.js';
import { highlighted } from './widgets.js';

/**
 * Renders into `container`. `theirs` is the current KeyView, `mine` the value typed here,
 * `categories` the plural categories (null for a plain key). Callbacks: `onKeepMine()`,
 * `onKeepTheirs()`, `onSaveMerged(value)`; each returns a Promise (buttons stay disabled
 * while it runs, and are enabled again if it fails).
 */
export function render(container, { theirs, mine, categories, lang, dir, onKeepMine, onKeepTheirs, onSaveMerged }) {
  const forms = categories || [null];
  const label = (form) => (form ? t(`editor.category.${form}`) : null);
  const theirValue = theirs.translation;

  const rows = forms.map((form) => h('div', { class: 'conflict-row' },
    form ? h('div', { class: 'conflict-form' }, label(form)) : null,
    h('div', { class: 'conflict-side theirs', dataset: { testid: 'conflict-theirs', form: form || undefined } },
      h('p', { class: 'conflict-text', lang, dir }, highlighted(values.textOf(theirValue, form)))),
    h('div', { class: 'conflict-side mine', dataset: { testid: 'conflict-mine', form: form || undefined } },
      h('p', { class: 'conflict-text', lang, dir }, highlighted(values.textOf(mine, form)))),
    h('div', { class: 'conflict-diff' },
      h('span', { class: 'muted small' }, t('conflict.difference')), ' ',
      renderDiff(values.textOf(theirValue, form), values.textOf(mine, form), { lang, dir }))));

  const buttons = [];
  const busy = (on) => { for (const b of buttons) b.disabled = on; };
  const act = (fn) => async () => {
    busy(true);
    try { await fn(); } catch { /* the editor reports the failure */ } finally { if (container.isConnected) busy(false); }
  };

  const keepMine = h('button', { type: 'button', class: 'button primary', dataset: { testid: 'keep-mine' }, on: { click: act(onKeepMine) } }, t('conflict.keepMine'));
  const keepTheirs = h('button', { type: 'button', class: 'button', dataset: { testid: 'keep-theirs' }, on: { click: act(onKeepTheirs) } }, t('conflict.keepTheirs'));
  const merge = h('button', { type: 'button', class: 'button', dataset: { testid: 'merge' }, on: { click: showMerge } }, t('conflict.merge'));
  buttons.push(keepMine, keepTheirs, merge);

  const mergeArea = h('div', { class: 'merge-area', hidden: true });
  const box = h('section', { class: 'conflict card', role: 'alertdialog', 'aria-labelledby': 'conflict-title', 'aria-describedby': 'conflict-intro', dataset: { testid: 'conflict' } },
    h('h2', { id: 'conflict-title' }, t('conflict.title')),
    h('p', { id: 'conflict-intro' }, t('conflict.intro', { author: theirs.updatedBy || '?', revision: theirs.revision, date: formatDateTime(theirs.updatedAt) })),
    h('div', { class: 'conflict-grid' },
      h('div', { class: 'conflict-heads' },
        categories ? h('span', {}) : null,
        h('h3', {}, t('conflict.theirs')),
        h('h3', {}, t('conflict.mine'))),
      rows),
    h('div', { class: 'actions' }, keepMine, keepTheirs, merge),
    mergeArea);
  container.replaceChildren(box);
  keepMine.focus();

  function showMerge() {
    const fields = forms.map((form) => {
      const id = `merge-${form || 'value'}`;
      const area = h('textarea', { id, lang, dir, rows: 2, class: 'merge-field', dataset: { testid: 'merge-field', form: form || undefined } });
      area.value = values.textOf(mine, form);
      return { form, area, block: h('div', { class: 'field' },
        h('label', { for: id }, form ? t('conflict.mergedForm', { form: label(form) }) : t('conflict.merged')),
        h('p', { class: 'muted small', lang, dir }, t('conflict.theirsWas'), ' ', h('q', {}, values.textOf(theirValue, form))),
        area) };
    });
    const save = h('button', { type: 'button', class: 'button primary', dataset: { testid: 'save-merged' } }, t('conflict.saveMerged'));
    buttons.push(save);
    save.addEventListener('click', act(() => onSaveMerged(categories
      ? { forms: Object.fromEntries(fields.map((f) => [f.form, f.area.value])) }
      : { value: fields[0].area.value })));
    replace(mergeArea, h('h3', {}, t('conflict.mergeTitle')), fields.map((f) => f.block), h('div', { class: 'actions' }, save));
    mergeArea.hidden = false;
    merge.disabled = true;
    fields[0].area.focus();
  }
}
