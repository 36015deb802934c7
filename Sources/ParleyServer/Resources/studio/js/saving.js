// saving.js — the editor's writes: save (and save and next), mark reviewed, revert, discard
// the draft, and the conflict view when someone else saved first.
//
// Every write names the revision the typed text is based on (If-Match), so Parley refuses one
// that would silently overwrite a revision this translator never saw (412) and the conflict
// view opens instead. Until a value is saved it is kept as a draft over that revision, so a
// reload or a crash loses nothing. The buttons say why they are disabled (QA errors, a
// conflict to resolve, nothing to save) instead of just being grey.

import { h } from './dom.js';
import { t } from './i18n.js';
import * as api from './api.js';
import * as drafts from './drafts.js';
import * as values from './values.js';
import * as qa from './qa.js';
import * as conflict from './conflict.js';
import { errorMessage, announce } from './widgets.js';

/**
 * The writes of one key. `state` is the editor's record of it — {view (the KeyView as Parley
 * last answered), baseRevision (the revision the typed text is based on), findings, checking}
 * — read and updated here; `fields` are its form fields (fields.js), `checker` its QA checker.
 * The editor redraws through `showFindings()` and `updateMeta()`, `refreshHistory()` reloads
 * the history panel and `goNext()` opens the next key of the list. Returns {bar (the action
 * buttons), update(), edited(), save(), saveAndNext(), applyView(kv), revert(revision),
 * inConflict()}.
 */
export function create({ lang, ns, key, categories, dir, writable, reviewer, state, fields, checker, notices, conflictHost,
  isDisposed, showFindings, updateMeta, refreshHistory, goNext }) {
  let saving = false;
  let inConflict = false;

  const saveButton = h('button', { type: 'button', class: 'button primary', dataset: { testid: 'save' }, on: { click: () => save() } }, t('editor.save'));
  const saveNextButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'save-next' }, on: { click: () => saveAndNext() } }, t('editor.saveAndNext'));
  const reviewButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'review' }, on: { click: () => markReviewed() } }, t('editor.review'));
  const discardButton = h('button', { type: 'button', class: 'button subtle', dataset: { testid: 'discard-draft' }, on: { click: () => discardDraft() } }, t('editor.discard'));
  const reason = h('p', { class: 'save-reason', id: 'save-reason', dataset: { testid: 'save-reason' }, 'aria-live': 'polite' });
  const bar = h('div', { class: 'actions editor-actions' },
    writable ? saveButton : null,
    writable ? saveNextButton : null,
    reviewer ? reviewButton : null,
    writable ? discardButton : null,
    reason);

  function dirty() {
    return !values.equal(fields.value(), state.view.translation);
  }

  /** Whether saving would change anything: new text, or a person confirming a machine or flagged value. */
  function worthSaving() {
    return dirty() || (!!state.view.translation && (state.view.state === 'machine' || state.view.needsReview));
  }

  /** After every change of the typed text: keep it as a draft (or drop the draft), check it, update the buttons. */
  function edited() {
    if (!writable) return;
    if (dirty()) drafts.save(lang, ns, key, fields.value(), state.baseRevision);
    else { drafts.remove(lang, ns, key); state.baseRevision = state.view.revision; }
    checker.schedule(fields.value());
    update();
  }

  function update() {
    const { view, findings, checking } = state;
    if (!view) return;
    const { errors } = qa.counts(findings);
    let why = '';
    if (inConflict) why = t('editor.resolveConflict');
    else if (saving) why = t('editor.saving');
    else if (errors > 0 && (dirty() || worthSaving())) why = t('qa.blocked', { count: errors });
    else if (!worthSaving()) why = t('editor.nothingToSave');
    const blocked = inConflict || saving || (errors > 0) || !worthSaving();
    saveButton.disabled = blocked;
    saveButton.setAttribute('aria-describedby', 'save-reason');
    saveNextButton.disabled = inConflict || saving || (errors > 0 && worthSaving());
    reason.textContent = why;
    reason.className = errors > 0 && !inConflict && !saving ? 'save-reason error' : 'save-reason';
    if (checking && !why) reason.textContent = t('qa.checking');
    discardButton.hidden = !dirty();
    const reviewable = !!view.translation && (view.state !== 'reviewed' || view.needsReview);
    reviewButton.disabled = inConflict || saving || dirty() || !reviewable || errors > 0;
    reviewButton.title = dirty() ? t('editor.reviewSaveFirst') : (!reviewable ? t('editor.reviewNothing') : '');
  }

  /**
   * Saves `value` over `revision`. Before the PUT, the current revision is read and QA run
   * (in parallel): a key changed meanwhile opens the conflict view and a QA error is shown,
   * without the server having to refuse the write. The PUT still carries If-Match, so a save
   * racing another one is refused (412) and lands in the same conflict view.
   */
  async function save({ value = fields.value(), revision = state.baseRevision } = {}) {
    if (saving) return false;
    saving = true;
    update();
    try {
      const check = values.equal(value, fields.value()) ? checker.now(value) : api.checkKey(lang, ns, key, value);
      const [fresh, result] = await Promise.all([api.getKey(lang, ns, key), check]);
      if (isDisposed()) return false;
      state.findings = result.findings || [];
      showFindings();
      if ((result.errors ?? qa.counts(state.findings).errors) > 0) {
        announce(t('qa.blocked', { count: qa.counts(state.findings).errors }), 'error');
        return false;
      }
      if (fresh.revision !== revision) {
        openConflict(fresh, value);
        return false;
      }
      const saved = await api.saveKey(lang, ns, key, value, revision);
      if (isDisposed()) return true;
      closeConflict();
      // Text typed while the save was on its way is kept (as a draft over the new revision).
      const typedMeanwhile = !values.equal(fields.value(), value);
      applyView(saved, { keepFields: typedMeanwhile });
      if (typedMeanwhile) edited(); else drafts.remove(lang, ns, key);
      announce(t('editor.saved', { revision: saved.revision }), 'success');
      refreshHistory();
      return true;
    } catch (error) {
      if (isDisposed()) return false;
      if (error.status === 412 && error.details.current) openConflict(error.details.current, value);
      else if (error.status === 422) {
        state.findings = error.details.findings || [];
        showFindings();
        announce(t('qa.blocked', { count: Math.max(1, qa.counts(state.findings).errors) }), 'error');
      } else announce(t('editor.saveFailed', { message: errorMessage(error) }), 'error');
      return false;
    } finally {
      saving = false;
      update();
    }
  }

  async function saveAndNext() {
    if (!writable || !worthSaving()) { goNext(); return; }
    if (await save()) goNext();
  }

  /** Takes a KeyView from Parley into the editor: fields (unless `keepFields`), revision, state, findings. */
  function applyView(kv, { keepFields = false } = {}) {
    state.view = kv;
    state.baseRevision = kv.revision;
    if (!keepFields) fields.set(kv.translation || (categories ? { forms: {} } : { value: '' }));
    state.findings = kv.findings || [];
    const { findings } = state;
    checker.reset(values.equal(fields.value(), kv.translation) ? fields.value() : null,
      { findings, errors: qa.counts(findings).errors, warnings: qa.counts(findings).warnings });
    for (const n of notices.querySelectorAll('[data-testid="draft-restored"]')) n.remove();
    showFindings();
    updateMeta();
    update();
  }

  function discardDraft() {
    drafts.remove(lang, ns, key);
    applyView(state.view);
    announce(t('editor.discarded'));
  }

  // ---- conflicts ----

  function openConflict(theirs, mine) {
    inConflict = true;
    update();
    conflict.render(conflictHost, {
      theirs, mine, categories, lang, dir,
      onKeepMine: () => save({ value: mine, revision: theirs.revision }),
      onKeepTheirs: async () => {
        drafts.remove(lang, ns, key);
        closeConflict();
        applyView(theirs);
        refreshHistory();
        announce(t('conflict.tookTheirs'));
      },
      onSaveMerged: async (merged) => {
        fields.set(merged);
        drafts.save(lang, ns, key, merged, theirs.revision);
        state.baseRevision = theirs.revision;
        await save({ value: merged, revision: theirs.revision });
      },
    });
    conflictHost.scrollIntoView({ block: 'nearest' });
    announce(t('conflict.title'), 'error');
  }

  function closeConflict() {
    inConflict = false;
    conflictHost.replaceChildren();
  }

  // ---- review and revert ----

  async function markReviewed() {
    if (dirty() || saving) return;
    saving = true;
    update();
    try {
      const kv = await api.review(lang, ns, key, state.view.revision);
      if (isDisposed()) return;
      const typedMeanwhile = dirty();
      applyView(kv, { keepFields: typedMeanwhile });
      if (typedMeanwhile) edited();
      announce(t('editor.reviewed'), 'success');
      refreshHistory();
    } catch (error) {
      if (isDisposed()) return;
      if (error.status === 412 && error.details.current) {
        applyView(error.details.current);
        refreshHistory();
        announce(t('editor.changedMeanwhile'), 'error');
      } else announce(t('editor.reviewFailed', { message: errorMessage(error) }), 'error');
    } finally {
      saving = false;
      update();
    }
  }

  async function revert(revision) {
    if (dirty()) {
      announce(t('history.saveFirst'), 'error');
      refreshHistory();
      return;
    }
    try {
      const kv = await api.revert(lang, ns, key, revision, state.view.revision);
      if (isDisposed()) return;
      drafts.remove(lang, ns, key);
      applyView(kv);
      announce(t('history.reverted', { revision }), 'success');
    } catch (error) {
      if (isDisposed()) return;
      if (error.status === 412 && error.details.current) { applyView(error.details.current); announce(t('editor.changedMeanwhile'), 'error'); }
      else if (error.status === 422) { state.findings = error.details.findings || []; showFindings(); announce(t('history.revertBlocked'), 'error'); }
      else announce(t('history.revertFailed', { message: errorMessage(error) }), 'error');
    }
    refreshHistory();
  }

  return { bar, update, edited, save, saveAndNext, applyView, revert, inConflict: () => inConflict };
}
