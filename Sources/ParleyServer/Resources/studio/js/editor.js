// editor.js — one key: the English source beside the translation, and everything needed to
// get it right before saving.
//
// A plain key has one field; a plural key has one field per CLDR category of the TARGET
// language (Arabic six, Irish five, Russian four…), each labelled with its category and an
// example number and shown next to the English form for that number. Around the fields:
// clickable placeholders, glossary terms, a live preview, revealed bidi controls, QA as you
// type, suggestions, history, review — and saving with If-Match, where a stale revision opens
// the conflict view instead of overwriting someone's work. Every keystroke is kept as a
// draft until the value is saved.

import { h, replace } from './dom.js';
import { t, languageName, formatDateTime } from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';
import * as catalogs from './catalogs.js';
import * as prefetch from './prefetch.js';
import * as drafts from './drafts.js';
import * as keyorder from './keyorder.js';
import * as values from './values.js';
import * as qa from './qa.js';
import * as preview from './preview.js';
import * as conflict from './conflict.js';
import * as historyPanel from './history.js';
import * as suggestions from './suggestions.js';
import * as glossary from './glossary.js';
import { revealed, CONTROLS, INSERTABLE } from './bidi.js';
import { uniqueTokens, insertToken } from './placeholders.js';
import { renderDiff } from './diff.js';
import { href, navigate } from './router.js';
import { stateBadge, needsReviewMarker, loading, errorBox, errorMessage, announce } from './widgets.js';

const BIDI_PREFERENCE = 'parley-studio:show-bidi';

export function render(container, route) {
  const { lang, ns, key } = route;
  const filters = keyorder.filtersFrom(route.query);
  keyorder.select(lang, ns, key);

  let disposed = false;
  let view = null; // the KeyView as Parley last answered
  let baseRevision = 0; // the revision the typed text is based on (goes into If-Match)
  let fields = []; // [{form, example, area, previewEl, revealEl}]
  let focused = null; // the field placeholders are inserted into
  let findings = [];
  let checking = false;
  let saving = false;
  let inConflict = false;
  let writable = false;
  let reviewer = false;
  let categories = null;
  let dir = 'ltr';
  let checker = null;
  let history = null;
  let disposeSuggestions = () => {};
  let showBidi = readBidiPreference();

  // Parts rebuilt as the key changes.
  const meta = h('div', { class: 'editor-meta' });
  const notices = h('div', { class: 'notices' });
  const findingList = h('ul', { class: 'findings', dataset: { testid: 'findings' }, 'aria-live': 'polite' });
  const saveButton = h('button', { type: 'button', class: 'button primary', dataset: { testid: 'save' }, on: { click: () => save() } }, t('editor.save'));
  const saveNextButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'save-next' }, on: { click: () => saveAndNext() } }, t('editor.saveAndNext'));
  const reviewButton = h('button', { type: 'button', class: 'button', dataset: { testid: 'review' }, on: { click: () => markReviewed() } }, t('editor.review'));
  const discardButton = h('button', { type: 'button', class: 'button subtle', dataset: { testid: 'discard-draft' }, on: { click: () => discardDraft() } }, t('editor.discard'));
  const reason = h('p', { class: 'save-reason', id: 'save-reason', dataset: { testid: 'save-reason' }, 'aria-live': 'polite' });
  const conflictHost = h('div', { class: 'conflict-host' });
  const sideSuggestions = h('div', {});
  const sideHistory = h('div', {});
  const position = h('span', { class: 'muted small', dataset: { testid: 'position' } });
  const prevLink = h('a', { class: 'button subtle small', dataset: { testid: 'prev-key' }, hidden: true }, t('editor.previous'));
  const nextLink = h('a', { class: 'button subtle small', dataset: { testid: 'next-key' }, hidden: true }, t('editor.next'));

  container.replaceChildren(loading());
  container.addEventListener('keydown', onKey);
  load();

  async function load() {
    try {
      const kv = await (prefetch.take(prefetch.keyId(lang, ns, key)) || api.getKey(lang, ns, key));
      if (disposed) return;
      build(kv);
    } catch (error) {
      if (!disposed) container.replaceChildren(errorBox(error, () => { container.replaceChildren(loading()); load(); }));
    }
  }

  // ---- building the view ----

  function build(kv) {
    view = kv;
    baseRevision = kv.revision;
    dir = catalogs.direction(lang);
    const isSource = lang === session.source();
    const fixed = values.isFixed(kv.source) || values.isFixed(kv.translation);
    writable = session.canWrite(lang) && !fixed && !kv.obsolete;
    reviewer = session.canReview(lang) && !isSource && !fixed && !kv.obsolete;
    categories = kv.plural ? (kv.pluralForms || []).map((f) => f.category) : null;

    const draft = writable ? drafts.load(lang, ns, key) : null;
    const restored = draft && !values.equal(draft.value, kv.translation) ? draft : null;
    if (draft && !restored) drafts.remove(lang, ns, key);

    const sourceTexts = values.texts(kv.source);
    const tokens = uniqueTokens(sourceTexts);

    const formsBlock = fixed
      ? h('p', { class: 'notice', dataset: { testid: 'fixed' } }, t('editor.fixed', { value: values.textOf(kv.source || kv.translation) }))
      : h('div', { class: 'forms-block' }, (categories ? kv.pluralForms : [null]).map((form) => fieldFor(form, kv, isSource)));

    const toolbar = fixed ? null : h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('editor.toolbar') },
      tokens.length ? h('div', { class: 'tool-group' },
        h('span', { class: 'tool-label' }, t('editor.placeholders')),
        tokens.map((token) => h('button', {
          type: 'button', class: `chip token ${token.kind}`, disabled: !writable, dataset: { testid: 'placeholder', token: token.text },
          title: t('editor.insertHint'), on: { mousedown: (e) => e.preventDefault(), click: () => insert(token.text) },
        }, token.text))) : h('span', { class: 'muted small' }, t('editor.noPlaceholders')),
      writable && dir === 'rtl' ? h('div', { class: 'tool-group' },
        h('span', { class: 'tool-label' }, t('editor.insertControl')),
        INSERTABLE.map((ch) => h('button', {
          type: 'button', class: 'chip control', dataset: { testid: 'insert-control', control: CONTROLS.get(ch).name }, title: CONTROLS.get(ch).title,
          on: { mousedown: (e) => e.preventDefault(), click: () => insertRaw(ch) },
        }, CONTROLS.get(ch).name))) : null,
      h('button', {
        type: 'button', class: 'button subtle small', 'aria-pressed': String(showBidi), dataset: { testid: 'bidi-toggle' },
        on: { click: (e) => toggleBidi(e.currentTarget) },
      }, t('editor.showBidi')));

    const main = h('div', { class: 'editor-main' },
      notices,
      toolbar,
      formsBlock,
      h('section', { class: 'qa', 'aria-labelledby': 'qa-title' },
        h('h2', { id: 'qa-title', class: 'visually-hidden' }, t('qa.title')),
        findingList),
      conflictHost,
      fixed ? null : h('div', { class: 'actions editor-actions' },
        writable ? saveButton : null,
        writable ? saveNextButton : null,
        reviewer ? reviewButton : null,
        writable ? discardButton : null,
        reason),
      writable ? h('p', { class: 'muted small hint' }, t('editor.keyboardHint')) : null);

    const side = h('aside', { class: 'editor-side', 'aria-label': t('editor.sidePanels') },
      glossary.panel(kv.glossary, { lang, dir }),
      fixed || isSource ? null : sideSuggestions,
      sideHistory);

    container.replaceChildren(h('section', { class: 'editor-page', dataset: { testid: 'editor', key, lang, ns } },
      h('nav', { class: 'breadcrumb', 'aria-label': t('app.breadcrumb') },
        h('a', { href: href() }, t('dashboard.title')), h('span', { 'aria-hidden': 'true' }, ' › '),
        h('a', { href: href({ lang, ns, query: filters }), dataset: { testid: 'back-to-list' } }, t('editor.listLink', { language: languageName(lang), namespace: ns })),
        h('span', { 'aria-hidden': 'true' }, ' › '),
        h('code', { 'aria-current': 'page' }, key)),
      h('div', { class: 'editor-head' },
        h('h1', {}, h('code', {}, key)),
        h('div', { class: 'key-nav' }, prevLink, position, nextLink)),
      meta,
      h('div', { class: 'editor-grid' }, main, side)));

    if (!writable && !fixed) notices.append(h('p', { class: 'notice', dataset: { testid: 'read-only' } }, kv.obsolete ? t('editor.obsolete') : t('editor.readOnly', { language: languageName(lang) })));
    if (isSource && writable) notices.append(h('p', { class: 'notice' }, t('editor.sourceWarning')));
    if (kv.needsReview && !isSource) showSourceChange(notices);
    if (restored) {
      setFields(restored.value);
      baseRevision = restored.baseRevision ?? kv.revision;
      notices.append(h('p', { class: 'notice draft', dataset: { testid: 'draft-restored' } }, t('editor.draftRestored', { date: formatDateTime(restored.savedAt) })));
    }

    checker = qa.createChecker({
      run: (value) => api.checkKey(lang, ns, key, value),
      onResult: (result) => { findings = result.findings || []; showFindings(); },
      onPending: (on) => { checking = on; updateActions(); },
      onError: (error) => { if (error.status !== 401) announce(t('qa.checkFailed', { message: errorMessage(error) }), 'error'); },
    });
    findings = kv.findings || [];
    showFindings();
    if (restored) checker.schedule(currentValue());

    updateMeta();
    updateActions();
    history = historyPanel.create(sideHistory, {
      lang, ns, key, dir, categories, canRevert: writable, view: () => view, onRevert: revert,
    });
    if (!fixed && !isSource) {
      disposeSuggestions = suggestions.render(sideSuggestions, {
        lang, ns, key, dir, categories, canAccept: writable, onAccept: accept,
      });
    }
    placeInList();
    if (writable && fields[0]) {
      const first = fields[0].area;
      first.focus();
      first.setSelectionRange(first.value.length, first.value.length);
    }
  }

  function fieldFor(form, kv, isSource) {
    const id = `field-${form ? form.category : 'value'}`;
    const category = form ? form.category : null;
    const example = form ? form.example : null;
    const sourceText = form ? (form.source || '') : values.textOf(kv.source);
    const area = h('textarea', {
      id, lang, dir, rows: 1, spellcheck: 'true', class: 'translation',
      readOnly: !writable, 'aria-describedby': `${id}-preview`,
      dataset: { testid: 'translation', form: category || undefined },
    });
    area.value = form ? (form.translation || '') : values.textOf(kv.translation);
    const previewEl = h('div', { class: 'preview-text', id: `${id}-preview`, lang, dir, dataset: { testid: 'preview', form: category || undefined } });
    const revealEl = h('div', { class: 'reveal-text', lang, dir, hidden: !showBidi, dataset: { testid: 'bidi-reveal', form: category || undefined } });
    const field = { form: category, example, area, previewEl, revealEl };
    fields.push(field);
    area.addEventListener('input', () => { fit(area); renderField(field); edited(); });
    area.addEventListener('focus', () => { focused = field; });
    renderField(field);
    requestAnimationFrame(() => fit(area));

    const label = form
      ? t('editor.formLabel', { category: t(`editor.category.${category}`), example })
      : t('editor.translationLabel', { language: languageName(lang) });
    return h('div', { class: 'form-row', dataset: { form: category || undefined } },
      isSource ? null : h('div', { class: 'source-side' },
        h('div', { class: 'side-label' }, form ? t('editor.sourceForm', { example }) : t('editor.source')),
        h('p', { class: 'source-text', lang: 'en', dir: 'ltr', dataset: { testid: 'source', form: category || undefined } },
          glossary.highlightSource(sourceText, kv.glossary))),
      h('div', { class: 'target-side' },
        h('label', { for: id, class: 'side-label' }, label),
        area,
        h('div', { class: 'preview' }, h('span', { class: 'preview-label muted small' }, t('editor.preview')), previewEl),
        revealEl));
  }

  /** Grows a textarea with its text (no inner scrollbars for two-line values). */
  function fit(area) {
    area.style.blockSize = 'auto';
    area.style.blockSize = `${area.scrollHeight + 2}px`;
  }

  function renderField(field) {
    preview.render(field.previewEl, field.area.value, { lang, example: field.example, onChange: () => renderField(field) });
    replace(field.revealEl, revealed(field.area.value));
  }

  function toggleBidi(button) {
    showBidi = !showBidi;
    button.setAttribute('aria-pressed', String(showBidi));
    for (const f of fields) f.revealEl.hidden = !showBidi;
    try { localStorage.setItem(BIDI_PREFERENCE, showBidi ? '1' : '0'); } catch { /* preference only */ }
  }

  /**
   * What changed in English, for a key flagged "source changed": the last English revision
   * that changed the text, as a word diff. Translators then fix the translation for that
   * change instead of re-reading the whole text.
   */
  async function showSourceChange(into) {
    const source = session.source();
    let revisions = [];
    try { revisions = (await api.history(source, ns, key)).revisions || []; } catch { return; }
    if (disposed) return;
    const change = [...revisions].sort((a, b) => b.revision - a.revision)
      .find((r) => r.kind !== 'suggestion' && r.old && r.new && !values.equal(r.old, r.new));
    if (!change) return;
    const forms = values.isPlural(change.new) ? Object.keys(change.new.forms) : [null];
    into.append(h('div', { class: 'notice source-change', dataset: { testid: 'source-change' } },
      h('p', {}, t('editor.sourceChanged', { author: change.author, date: formatDateTime(change.at) })),
      forms.map((form) => h('p', { class: 'history-diff', lang: 'en', dir: 'ltr' },
        form ? h('span', { class: 'badge subtle' }, t(`editor.category.${form}`)) : null,
        renderDiff(values.textOf(change.old, form), values.textOf(change.new, form), { lang: 'en', dir: 'ltr' })))));
  }

  // ---- values ----

  function currentValue() {
    if (!categories) return { value: fields[0] ? fields[0].area.value : '' };
    return { forms: Object.fromEntries(fields.map((f) => [f.form, f.area.value])) };
  }

  function setFields(value) {
    const shaped = values.fit(value, categories);
    for (const f of fields) {
      f.area.value = categories ? (shaped.forms[f.form] ?? '') : shaped.value;
      fit(f.area);
      renderField(f);
    }
  }

  function dirty() {
    return !values.equal(currentValue(), view.translation);
  }

  /** Whether saving would change anything: new text, or a person confirming a machine or flagged value. */
  function worthSaving() {
    return dirty() || (!!view.translation && (view.state === 'machine' || view.needsReview));
  }

  function edited() {
    if (!writable) return;
    if (dirty()) drafts.save(lang, ns, key, currentValue(), baseRevision);
    else { drafts.remove(lang, ns, key); baseRevision = view.revision; }
    checker.schedule(currentValue());
    updateActions();
  }

  function insert(token) {
    const field = focused || fields[0];
    if (!field || !writable) return;
    insertToken(field.area, token, { rtl: dir === 'rtl' });
  }

  function insertRaw(text) {
    const field = focused || fields[0];
    if (!field || !writable) return;
    const area = field.area;
    area.focus();
    area.setRangeText(text, area.selectionStart ?? area.value.length, area.selectionEnd ?? area.value.length, 'end');
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function accept(value) {
    setFields(value);
    edited();
    announce(t('suggestions.accepted'));
    (focused || fields[0]).area.focus();
  }

  // ---- display ----

  function updateMeta() {
    replace(meta,
      stateBadge(view.state),
      view.needsReview ? needsReviewMarker() : null,
      h('span', { class: 'muted small', dataset: { testid: 'revision' } }, t('editor.revision', { revision: view.revision })),
      view.updatedBy ? h('span', { class: 'muted small' }, t('editor.updated', { author: view.updatedBy, date: formatDateTime(view.updatedAt) })) : null);
    const page = container.querySelector('[data-testid="editor"]');
    if (page) { page.dataset.revision = view.revision; page.dataset.state = view.state; }
  }

  function showFindings() {
    replace(findingList, qa.renderFindings(findings, key));
    const byForm = new Map();
    for (const f of findings) {
      if (f.severity !== 'error') continue;
      byForm.set(qa.formOf(f, key) ?? '*', true);
    }
    for (const field of fields) {
      const bad = byForm.has('*') && !categories ? true : byForm.has(field.form ?? '*');
      field.area.setAttribute('aria-invalid', bad ? 'true' : 'false');
    }
    updateActions();
  }

  function updateActions() {
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

  async function placeInList() {
    try {
      const order = await keyorder.keys(lang, ns, filters);
      if (disposed) return;
      const index = order.indexOf(key);
      const link = (el, target) => {
        el.hidden = !target;
        if (target) el.href = href({ lang, ns, key: target, query: filters });
      };
      link(prevLink, index > 0 ? order[index - 1] : null);
      link(nextLink, index >= 0 ? order[index + 1] : order[0]);
      position.textContent = index >= 0 ? t('editor.position', { index: index + 1, total: order.length }) : '';
    } catch { /* no list: no prev/next links */ }
  }

  async function goNext() {
    let order = [];
    try { order = await keyorder.keys(lang, ns, filters); } catch { order = []; }
    if (disposed) return;
    const index = order.indexOf(key);
    const next = index >= 0 ? order[index + 1] : order.find((k) => k !== key);
    if (next) navigate(href({ lang, ns, key: next, query: filters }));
    else {
      announce(t('editor.endOfList'));
      navigate(href({ lang, ns, query: filters }));
    }
  }

  // ---- saving ----

  /**
   * Saves `value` over `revision`. Before the PUT, the current revision is read and QA run
   * (in parallel): a key changed meanwhile opens the conflict view and a QA error is shown,
   * without the server having to refuse the write. The PUT still carries If-Match, so a save
   * racing another one is refused (412) and lands in the same conflict view.
   */
  async function save({ value = currentValue(), revision = baseRevision } = {}) {
    if (saving) return false;
    saving = true;
    updateActions();
    try {
      const check = values.equal(value, currentValue()) ? checker.now(value) : api.checkKey(lang, ns, key, value);
      const [fresh, result] = await Promise.all([api.getKey(lang, ns, key), check]);
      if (disposed) return false;
      findings = result.findings || [];
      showFindings();
      if ((result.errors ?? qa.counts(findings).errors) > 0) {
        announce(t('qa.blocked', { count: qa.counts(findings).errors }), 'error');
        return false;
      }
      if (fresh.revision !== revision) {
        openConflict(fresh, value);
        return false;
      }
      const saved = await api.saveKey(lang, ns, key, value, revision);
      if (disposed) return true;
      closeConflict();
      // Text typed while the save was on its way is kept (as a draft over the new revision).
      const typedMeanwhile = !values.equal(currentValue(), value);
      applyView(saved, { keepFields: typedMeanwhile });
      if (typedMeanwhile) edited(); else drafts.remove(lang, ns, key);
      announce(t('editor.saved', { revision: saved.revision }), 'success');
      history.refresh();
      return true;
    } catch (error) {
      if (disposed) return false;
      if (error.status === 412 && error.details.current) openConflict(error.details.current, value);
      else if (error.status === 422) {
        findings = error.details.findings || [];
        showFindings();
        announce(t('qa.blocked', { count: Math.max(1, qa.counts(findings).errors) }), 'error');
      } else announce(t('editor.saveFailed', { message: errorMessage(error) }), 'error');
      return false;
    } finally {
      saving = false;
      updateActions();
    }
  }

  async function saveAndNext() {
    if (!writable || !worthSaving()) { goNext(); return; }
    if (await save()) goNext();
  }

  /** Takes a KeyView from Parley into the editor: fields (unless `keepFields`), revision, state, findings. */
  function applyView(kv, { keepFields = false } = {}) {
    view = kv;
    baseRevision = kv.revision;
    if (!keepFields) setFields(kv.translation || (categories ? { forms: {} } : { value: '' }));
    findings = kv.findings || [];
    checker.reset(values.equal(currentValue(), kv.translation) ? currentValue() : null,
      { findings, errors: qa.counts(findings).errors, warnings: qa.counts(findings).warnings });
    for (const n of notices.querySelectorAll('[data-testid="draft-restored"]')) n.remove();
    showFindings();
    updateMeta();
    updateActions();
  }

  function discardDraft() {
    drafts.remove(lang, ns, key);
    applyView(view);
    announce(t('editor.discarded'));
  }

  // ---- conflicts ----

  function openConflict(theirs, mine) {
    inConflict = true;
    updateActions();
    conflict.render(conflictHost, {
      theirs, mine, categories, lang, dir,
      onKeepMine: () => save({ value: mine, revision: theirs.revision }),
      onKeepTheirs: async () => {
        drafts.remove(lang, ns, key);
        closeConflict();
        applyView(theirs);
        history.refresh();
        announce(t('conflict.tookTheirs'));
      },
      onSaveMerged: async (merged) => {
        setFields(merged);
        drafts.save(lang, ns, key, merged, theirs.revision);
        baseRevision = theirs.revision;
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
    updateActions();
    try {
      const kv = await api.review(lang, ns, key, view.revision);
      if (disposed) return;
      const typedMeanwhile = dirty();
      applyView(kv, { keepFields: typedMeanwhile });
      if (typedMeanwhile) edited();
      announce(t('editor.reviewed'), 'success');
      history.refresh();
    } catch (error) {
      if (disposed) return;
      if (error.status === 412 && error.details.current) {
        applyView(error.details.current);
        history.refresh();
        announce(t('editor.changedMeanwhile'), 'error');
      } else announce(t('editor.reviewFailed', { message: errorMessage(error) }), 'error');
    } finally {
      saving = false;
      updateActions();
    }
  }

  async function revert(revision) {
    if (dirty()) {
      announce(t('history.saveFirst'), 'error');
      history.refresh();
      return;
    }
    try {
      const kv = await api.revert(lang, ns, key, revision, view.revision);
      if (disposed) return;
      drafts.remove(lang, ns, key);
      applyView(kv);
      announce(t('history.reverted', { revision }), 'success');
    } catch (error) {
      if (disposed) return;
      if (error.status === 412 && error.details.current) { applyView(error.details.current); announce(t('editor.changedMeanwhile'), 'error'); }
      else if (error.status === 422) { findings = error.details.findings || []; showFindings(); announce(t('history.revertBlocked'), 'error'); }
      else announce(t('history.revertFailed', { message: errorMessage(error) }), 'error');
    }
    history.refresh();
  }

  // ---- keyboard ----

  function onKey(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && view) {
      event.preventDefault();
      if (!inConflict) saveAndNext();
    }
  }

  return () => {
    disposed = true;
    container.removeEventListener('keydown', onKey);
    if (checker) checker.dispose();
    if (history) history.dispose();
    disposeSuggestions();
  };
}

function readBidiPreference() {
  try { return localStorage.getItem(BIDI_PREFERENCE) === '1'; } catch { return false; }
}
