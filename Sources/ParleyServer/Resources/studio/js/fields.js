// fields.js — the editor's translation fields: one per plural form of the target language (or
// one for a plain key), each beside its English form, with a live preview and the bidi
// controls it contains made visible.
//
// The toolbar inserts into the field that last had the focus (its buttons keep the focus
// where it is on mousedown), so a placeholder lands where the translator was typing, not in
// the first field. Whether the controls are revealed is a preference kept across keys and
// reloads: someone checking Arabic isolates wants them on every key, not switched on each time.

import { h, replace } from './dom.js';
import { t, languageName } from './i18n.js';
import * as values from './values.js';
import * as qa from './qa.js';
import * as preview from './preview.js';
import * as glossary from './glossary.js';
import { revealed, CONTROLS, INSERTABLE } from './bidi.js';
import { uniqueTokens, insertToken } from './placeholders.js';

const BIDI_PREFERENCE = 'parley-studio:show-bidi';

/**
 * Builds the fields of key `key` (KeyView `kv`) for `forms` (the KeyView's plural forms, `[null]`
 * for a plain key, `[]` for a fixed one). `onEdited()` runs after every keystroke. Returns
 * {rows, toolbar(), value(), set(value), target(), markErrors(findings), first()}.
 */
export function create({ forms, kv, key, lang, dir, writable, isSource, categories, onEdited }) {
  const fields = []; // [{form, example, area, previewEl, revealEl}]
  let focused = null; // the field placeholders are inserted into
  let showBidi = readBidiPreference();
  const rows = forms.map((form) => fieldFor(form));

  function fieldFor(form) {
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
    area.addEventListener('input', () => { fit(area); renderField(field); onEdited(); });
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

  /** The placeholders of the English text, the bidi controls (right-to-left targets) and the reveal toggle. */
  function toolbar() {
    const tokens = uniqueTokens(values.texts(kv.source));
    return h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': t('editor.toolbar') },
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

  /** The typed value, shaped like a catalog value: {value} or {forms}. */
  function value() {
    if (!categories) return { value: fields[0] ? fields[0].area.value : '' };
    return { forms: Object.fromEntries(fields.map((f) => [f.form, f.area.value])) };
  }

  function set(newValue) {
    const shaped = values.fit(newValue, categories);
    for (const f of fields) {
      f.area.value = categories ? (shaped.forms[f.form] ?? '') : shaped.value;
      fit(f.area);
      renderField(f);
    }
  }

  function target() {
    return focused || fields[0];
  }

  function insert(token) {
    const field = target();
    if (!field || !writable) return;
    insertToken(field.area, token, { rtl: dir === 'rtl' });
  }

  function insertRaw(text) {
    const field = target();
    if (!field || !writable) return;
    const area = field.area;
    area.focus();
    area.setRangeText(text, area.selectionStart ?? area.value.length, area.selectionEnd ?? area.value.length, 'end');
    // As if typed: the preview, the draft and QA follow.
    area.dispatchEvent(new Event('input', { bubbles: true }));
  }

  /** Marks the fields QA errors are about: a finding names its form in its key (`…_few`); one without is a plain key's. */
  function markErrors(findings) {
    const byForm = new Map();
    for (const f of findings) {
      if (f.severity !== 'error') continue;
      byForm.set(qa.formOf(f, key) ?? '*', true);
    }
    for (const field of fields) {
      const bad = byForm.has('*') && !categories ? true : byForm.has(field.form ?? '*');
      field.area.setAttribute('aria-invalid', bad ? 'true' : 'false');
    }
  }

  return { rows, toolbar, value, set, target, markErrors, first: () => fields[0] };
}

function readBidiPreference() {
  try { return localStorage.getItem(BIDI_PREFERENCE) === '1'; } catch { return false; }
}
