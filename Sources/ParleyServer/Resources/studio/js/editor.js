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
//
// This module lays the page out and wires its parts together; the fields and their toolbar
// are fields.js, the writes (save, review, revert, conflicts, drafts) saving.js, and the
// previous/next links keynav.js.

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
import * as historyPanel from './history.js';
import * as suggestions from './suggestions.js';
import * as glossary from './glossary.js';
import * as formFields from './fields.js';
import * as saving from './saving.js';
import * as keynav from './keynav.js';
import { renderDiff } from './diff.js';
import { href } from './router.js';
import { stateBadge, needsReviewMarker, loading, errorBox, errorMessage, announce } from './widgets.js';

export function render(container, route) {
  const { lang, ns, key } = route;
  const filters = keyorder.filtersFrom(route.query);
  keyorder.select(lang, ns, key);

  let disposed = false;
  // The key as it is being edited, shared with saving.js (which writes it and takes Parley's
  // answers into it): the KeyView as Parley last answered, the revision the typed text is
  // based on (goes into If-Match), the QA findings shown and whether a check is outstanding.
  const state = { view: null, baseRevision: 0, findings: [], checking: false };
  let fields = null; // fields.js
  let writes = null; // saving.js
  let checker = null;
  let history = null;
  let disposeSuggestions = () => {};

  // Parts rebuilt as the key changes.
  const meta = h('div', { class: 'editor-meta' });
  const notices = h('div', { class: 'notices' });
  const findingList = h('ul', { class: 'findings', dataset: { testid: 'findings' }, 'aria-live': 'polite' });
  const conflictHost = h('div', { class: 'conflict-host' });
  const sideSuggestions = h('div', {});
  const sideHistory = h('div', {});
  const nav = keynav.create({ lang, ns, key, filters, isDisposed: () => disposed });

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
    state.view = kv;
    state.baseRevision = kv.revision;
    const dir = catalogs.direction(lang);
    const isSource = lang === session.source();
    const fixed = values.isFixed(kv.source) || values.isFixed(kv.translation);
    const writable = session.canWrite(lang) && !fixed && !kv.obsolete;
    const reviewer = session.canReview(lang) && !isSource && !fixed && !kv.obsolete;
    const categories = kv.plural ? (kv.pluralForms || []).map((f) => f.category) : null;

    const draft = writable ? drafts.load(lang, ns, key) : null;
    const restored = draft && !values.equal(draft.value, kv.translation) ? draft : null;
    if (draft && !restored) drafts.remove(lang, ns, key);

    fields = formFields.create({
      forms: fixed ? [] : (categories ? kv.pluralForms : [null]),
      kv, key, lang, dir, writable, isSource, categories, onEdited: () => writes.edited(),
    });
    checker = qa.createChecker({
      run: (value) => api.checkKey(lang, ns, key, value),
      onResult: (result) => { state.findings = result.findings || []; showFindings(); },
      onPending: (on) => { state.checking = on; writes.update(); },
      onError: (error) => { if (error.status !== 401) announce(t('qa.checkFailed', { message: errorMessage(error) }), 'error'); },
    });
    writes = saving.create({
      lang, ns, key, categories, dir, writable, reviewer, state, fields, checker, notices, conflictHost,
      isDisposed: () => disposed, showFindings, updateMeta, refreshHistory: () => history.refresh(), goNext: nav.next,
    });

    const formsBlock = fixed
      ? h('p', { class: 'notice', dataset: { testid: 'fixed' } }, t('editor.fixed', { value: values.textOf(kv.source || kv.translation) }))
      : h('div', { class: 'forms-block' }, fields.rows);

    const main = h('div', { class: 'editor-main' },
      notices,
      fixed ? null : fields.toolbar(),
      formsBlock,
      h('section', { class: 'qa', 'aria-labelledby': 'qa-title' },
        h('h2', { id: 'qa-title', class: 'visually-hidden' }, t('qa.title')),
        findingList),
      conflictHost,
      fixed ? null : writes.bar,
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
        nav.element),
      meta,
      h('div', { class: 'editor-grid' }, main, side)));

    if (!writable && !fixed) notices.append(h('p', { class: 'notice', dataset: { testid: 'read-only' } }, kv.obsolete ? t('editor.obsolete') : t('editor.readOnly', { language: languageName(lang) })));
    if (isSource && writable) notices.append(h('p', { class: 'notice' }, t('editor.sourceWarning')));
    if (kv.needsReview && !isSource) showSourceChange(notices);
    if (restored) {
      fields.set(restored.value);
      state.baseRevision = restored.baseRevision ?? kv.revision;
      notices.append(h('p', { class: 'notice draft', dataset: { testid: 'draft-restored' } }, t('editor.draftRestored', { date: formatDateTime(restored.savedAt) })));
    }

    state.findings = kv.findings || [];
    showFindings();
    if (restored) checker.schedule(fields.value());

    updateMeta();
    writes.update();
    history = historyPanel.create(sideHistory, {
      lang, ns, key, dir, categories, canRevert: writable, view: () => state.view, onRevert: writes.revert,
    });
    if (!fixed && !isSource) {
      disposeSuggestions = suggestions.render(sideSuggestions, {
        lang, ns, key, dir, categories, canAccept: writable, onAccept: accept,
      });
    }
    nav.place();
    const first = writable && fields.first();
    if (first) {
      first.area.focus();
      first.area.setSelectionRange(first.area.value.length, first.area.value.length);
    }
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

  /** A suggestion fills the fields; like typed text, it is a draft until saved. */
  function accept(value) {
    fields.set(value);
    writes.edited();
    announce(t('suggestions.accepted'));
    fields.target().area.focus();
  }

  // ---- display ----

  function updateMeta() {
    const { view } = state;
    replace(meta,
      stateBadge(view.state),
      view.needsReview ? needsReviewMarker() : null,
      h('span', { class: 'muted small', dataset: { testid: 'revision' } }, t('editor.revision', { revision: view.revision })),
      view.updatedBy ? h('span', { class: 'muted small' }, t('editor.updated', { author: view.updatedBy, date: formatDateTime(view.updatedAt) })) : null);
    const page = container.querySelector('[data-testid="editor"]');
    if (page) { page.dataset.revision = view.revision; page.dataset.state = view.state; }
  }

  function showFindings() {
    replace(findingList, qa.renderFindings(state.findings, key));
    fields.markErrors(state.findings);
    writes.update();
  }

  // ---- keyboard ----

  // Ctrl+Enter (⌘+Enter) anywhere in the editor: save and go to the next key of the list.
  function onKey(event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && state.view) {
      event.preventDefault();
      if (!writes.inConflict()) writes.saveAndNext();
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
