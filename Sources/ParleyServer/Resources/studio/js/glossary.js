// glossary.js — the product's vocabulary where the source uses it.
//
// Parley sends the glossary terms found in the English text with the required target term
// (or "keep as is" for do-not-translate names such as Bluesky). The editor lists them next
// to the source and marks them inside it, so "buddy list" is translated the same way in
// every namespace.

import { h } from './dom.js';
import { t } from './i18n.js';
import { segments } from './placeholders.js';

export function panel(terms, { lang, dir }) {
  if (!terms || !terms.length) return null;
  return h('section', { class: 'panel glossary', dataset: { testid: 'glossary' }, 'aria-labelledby': 'glossary-title' },
    h('h2', { id: 'glossary-title' }, t('editor.glossary')),
    h('dl', { class: 'glossary-list' }, terms.map((term) => h('div', { class: 'glossary-term', dataset: { testid: 'glossary-term' } },
      h('dt', { lang: 'en', dir: 'ltr' }, term.source),
      h('dd', {},
        term.doNotTranslate
          ? h('span', {}, h('span', { class: 'badge subtle' }, t('editor.doNotTranslate')), ' ', h('span', { lang: 'en', dir: 'ltr' }, term.target || term.source))
          : term.target ? h('span', { lang, dir, class: 'glossary-target' }, term.target) : h('span', { class: 'muted' }, t('editor.noGlossaryTarget')),
        term.note ? h('p', { class: 'muted small' }, term.note) : null)))));
}

/**
 * The source text as nodes: placeholders and tags highlighted (their kind as class), and
 * glossary terms marked with their required translation as a tooltip.
 */
export function highlightSource(text, terms = []) {
  const sorted = [...(terms || [])].filter((g) => g.source).sort((a, b) => b.source.length - a.source.length);
  const pattern = sorted.length
    ? new RegExp(sorted.map((g) => g.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu')
    : null;
  const out = [];
  for (const seg of segments(text)) {
    if (seg.kind) { out.push(h('span', { class: `token ${seg.kind}` }, seg.text)); continue; }
    if (!pattern) { out.push(seg.text); continue; }
    let last = 0;
    for (const match of seg.text.matchAll(pattern)) {
      if (match.index > last) out.push(seg.text.slice(last, match.index));
      const term = sorted.find((g) => g.source.toLowerCase() === match[0].toLowerCase());
      out.push(h('mark', { class: 'glossary-hit', title: term && (term.doNotTranslate ? t('editor.doNotTranslate') : term.target || '') }, match[0]));
      last = match.index + match[0].length;
    }
    if (last < seg.text.length) out.push(seg.text.slice(last));
  }
  return out;
}
