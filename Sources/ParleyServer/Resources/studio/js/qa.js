// qa.js — QA as you type: the save-time checks of Parley, run on the unsaved text.
//
// POST …/check runs exactly the checks a save would (placeholders, plural forms, markup,
// whitespace, Arabic punctuation and isolates, glossary…) without storing anything, so the
// editor can disable "Save" before the server would refuse it with 422. Calls are debounced
// (250 ms after the last keystroke) and answers that arrive out of order are dropped.

import { h } from './dom.js';
import { t } from './i18n.js';
import * as values from './values.js';

/**
 * `run(value)` → Promise of {findings, errors, warnings}. `onResult(result, value)` gets every
 * current answer; `onPending(true|false)` says whether a check is outstanding.
 */
export function createChecker({ run, onResult, onError = () => {}, onPending = () => {}, delay = 250 }) {
  let sequence = 0;
  let timer = null;
  let latest = null; // {value, result}
  let disposed = false;

  async function execute(value) {
    const mine = ++sequence;
    onPending(true);
    try {
      const result = await run(value);
      if (disposed || mine !== sequence) return result;
      latest = { value, result };
      onPending(false);
      onResult(result, value);
      return result;
    } catch (error) {
      if (!disposed && mine === sequence) { onPending(false); onError(error); }
      throw error;
    }
  }

  return {
    /** Checks `value` once typing pauses. */
    schedule(value) {
      clearTimeout(timer);
      onPending(true);
      timer = setTimeout(() => { timer = null; execute(value).catch(() => {}); }, delay);
    },
    /** The answer for `value` now: the last one if it was for the same text, else a new call. */
    async now(value) {
      clearTimeout(timer);
      timer = null;
      if (latest && values.equal(latest.value, value)) return latest.result;
      return execute(value);
    },
    /** Forget pending work (e.g. the stored findings are current again). */
    reset(value, result) {
      clearTimeout(timer);
      timer = null;
      sequence += 1;
      latest = value ? { value, result } : null;
      onPending(false);
    },
    dispose() { disposed = true; clearTimeout(timer); },
  };
}

/** The plural category a finding is about (`messageItem.replyCount_few` → `few`), or null. */
export function formOf(finding, key) {
  const k = finding.key || '';
  return k.startsWith(`${key}_`) ? k.slice(key.length + 1) : null;
}

export function counts(findings) {
  let errors = 0;
  let warnings = 0;
  for (const f of findings || []) {
    if (f.severity === 'error') errors += 1;
    else if (f.severity === 'warning') warnings += 1;
  }
  return { errors, warnings };
}

/** The list items for findings, errors first. */
export function renderFindings(findings, key) {
  const order = { error: 0, warning: 1, info: 2 };
  return [...(findings || [])].sort((a, b) => (order[a.severity] ?? 3) - (order[b.severity] ?? 3)).map((f) => {
    const form = formOf(f, key);
    return h('li', { class: `finding ${f.severity}`, dataset: { testid: 'finding', severity: f.severity, check: f.check, form: form || undefined } },
      h('span', { class: `badge ${f.severity}` }, t(`qa.severity.${f.severity}`)),
      form ? h('span', { class: 'badge subtle' }, t(`editor.category.${form}`)) : null,
      // Parley words its findings in English.
      h('span', { class: 'finding-message', lang: 'en', dir: 'auto' }, f.message),
      h('code', { class: 'finding-check muted small' }, f.check),
      f.machine ? h('span', { class: 'muted small' }, t('qa.fromMachine')) : null);
  });
}
