// placeholders.js — the parts of a source text a translation must keep exactly.
//
// i18next interpolation `{{name}}` (also `{{- url}}`, `{{count, number}}`), nesting
// `$t(ns:key)` and markup tags `<strong>`, `</1>`, `<br/>`: QA rejects a translation that
// drops or alters them, so the editor highlights them in the source and inserts them with a
// click instead of making translators retype braces.

import { FSI, PDI } from './bidi.js';

// One pattern for all three kinds; the order of alternatives matters (`{{` before tags).
const TOKEN = /\{\{[^{}]*\}\}|\$t\((?:[^()]|\([^()]*\))*\)|<\/?[A-Za-z0-9][^<>]*>/g;

/** The kind of a token: 'interpolation', 'nesting' or 'tag'. */
export function kindOf(token) {
  if (token.startsWith('{{')) return 'interpolation';
  if (token.startsWith('$t(')) return 'nesting';
  return 'tag';
}

/** Splits a text into [{text, kind?}] runs: kind is set on tokens, absent on plain text. */
export function segments(text) {
  const out = [];
  let last = 0;
  for (const match of String(text || '').matchAll(TOKEN)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ text: match[0], kind: kindOf(match[0]) });
    last = match.index + match[0].length;
  }
  if (last < String(text || '').length) out.push({ text: text.slice(last) });
  return out;
}

/** The distinct tokens of several texts, in order of first appearance. */
export function uniqueTokens(texts) {
  const seen = new Set();
  const out = [];
  for (const text of texts) {
    for (const match of String(text || '').matchAll(TOKEN)) {
      if (!seen.has(match[0])) { seen.add(match[0]); out.push({ text: match[0], kind: kindOf(match[0]) }); }
    }
  }
  return out;
}

/** The name inside `{{ name, format }}` / `{{- name}}`, and its format. */
export function interpolationParts(token) {
  const inner = token.slice(2, -2).trim().replace(/^-\s*/, '');
  const [name, format] = inner.split(',').map((s) => s.trim());
  return { name, format: format || null };
}

/**
 * Inserts `token` at the caret of `field` (replacing a selection). In a right-to-left target,
 * interpolations and nestings go in wrapped in FSI…PDI: the value they stand for is often
 * Latin (a handle, a number), and i18next does no bidi isolation of its own. Tags are left
 * bare because they produce elements, not text. Fires `input` so drafts and QA follow.
 */
export function insertToken(field, token, { rtl = false } = {}) {
  const kind = kindOf(token);
  const text = rtl && kind !== 'tag' ? `${FSI}${token}${PDI}` : token;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.focus();
  field.setRangeText(text, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true }));
}
