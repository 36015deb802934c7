// diff.js — word-level differences between two texts, for history and conflicts.
//
// Translators compare sentences, not characters: the texts are cut into words, punctuation
// and whole placeholders (`{{count}}` is one token, so a moved placeholder reads as one
// change), each carrying the spaces after it, and the tokens are aligned on their words with
// a longest-common-subsequence table (so two texts never "share" only their spaces).
// Catalog values are short (a few dozen tokens): the quadratic table is cheap.

import { h } from './dom.js';

const TOKENS = /(^\s+)|(\{\{[^{}]*\}\}|\$t\([^)]*\)|<[^<>]+>|[\p{L}\p{M}\p{N}_'’-]+|[^\s])(\s*)/gsu;

/** [{word, text}]: `word` is compared, `text` (the word and the spaces after it) is shown. */
export function tokenize(text) {
  const out = [];
  for (const m of String(text || '').matchAll(TOKENS)) {
    if (m[1]) out.push({ word: m[1], text: m[1] });
    else out.push({ word: m[2], text: m[2] + m[3] });
  }
  return out;
}

/** [{type: 'same'|'del'|'ins', text}] turning `before` into `after`. */
export function diffWords(before, after) {
  const a = tokenize(before);
  const b = tokenize(after);
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = length of the LCS of a[i:] and b[j:]
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lcs[i][j] = a[i].word === b[j].word ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  const push = (type, text) => {
    const last = out[out.length - 1];
    if (last && last.type === type) last.text += text;
    else out.push({ type, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    // Same word: keep the wider spacing of the two, so a deletion next to it stays apart.
    if (a[i].word === b[j].word) { push('same', a[i].text.length > b[j].text.length ? a[i].text : b[j].text); i += 1; j += 1; }
    else if (lcs[i + 1][j] >= lcs[i][j + 1]) { push('del', a[i].text); i += 1; }
    else { push('ins', b[j].text); j += 1; }
  }
  while (i < n) { push('del', a[i].text); i += 1; }
  while (j < m) { push('ins', b[j].text); j += 1; }
  return out;
}

/** A <span> showing the diff: deletions struck through, insertions underlined. */
export function renderDiff(before, after, { lang, dir } = {}) {
  const el = h('span', { class: 'diff', lang, dir });
  for (const part of diffWords(before, after)) {
    if (part.type === 'same') el.append(part.text);
    else if (part.type === 'del') el.append(h('del', {}, part.text));
    else el.append(h('ins', {}, part.text));
  }
  return el;
}
