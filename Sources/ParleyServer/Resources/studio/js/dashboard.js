// dashboard.js — languages × namespaces: how far each catalog is and where work waits.
//
// Every number links to the key list filtered to exactly those keys (untranslated, machine,
// source changed, QA errors, QA warnings), so the dashboard is where a translator starts a
// session. Languages the signed-in key may write come first.

import { h } from './dom.js';
import { t, languageName, formatPercent, formatDateTime } from './i18n.js';
import * as catalogs from './catalogs.js';
import * as session from './session.js';
import * as drafts from './drafts.js';
import { href } from './router.js';
import { loading, errorBox } from './widgets.js';

const SEGMENTS = ['reviewed', 'translated', 'machine', 'untranslated'];

export function render(container) {
  let disposed = false;
  container.replaceChildren(loading());
  load();

  async function load() {
    try {
      const data = await catalogs.load({ fresh: true });
      if (!disposed) container.replaceChildren(view(data));
    } catch (error) {
      if (!disposed) container.replaceChildren(errorBox(error, () => { container.replaceChildren(loading()); load(); }));
    }
  }
  return () => { disposed = true; };
}

function view(data) {
  const languages = [...data.languages].sort((a, b) => rank(a) - rank(b));
  const namespaces = data.namespaces;
  const table = h('table', { class: 'dashboard', dataset: { testid: 'dashboard' } },
    h('caption', {}, t('dashboard.caption')),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('dashboard.language')),
      namespaces.map((ns) => h('th', { scope: 'col' }, h('code', {}, ns.name))),
      h('th', { scope: 'col' }, t('dashboard.allNamespaces')))),
    h('tbody', {}, languages.map((lang) => h('tr', { class: session.canWrite(lang.code) ? 'mine' : null },
      h('th', { scope: 'row' }, languageHeader(lang)),
      namespaces.map((ns) => cell(lang.code, ns.name, (ns.languages || {})[lang.code], 'dashboard-cell')),
      cell(lang.code, null, lang.totals, 'dashboard-total')))));

  return h('section', { class: 'dashboard-page' },
    h('div', { class: 'page-head' },
      h('h1', {}, t('dashboard.title')),
      h('p', { class: 'muted' }, t('dashboard.intro'))),
    draftReminder(),
    h('div', { class: 'table-scroll' }, table),
    legend());
}

/** Own languages first, then the others, the source last (it is rarely what needs work). */
function rank(lang) {
  if (lang.source) return 2;
  return session.canWrite(lang.code) ? 0 : 1;
}

function languageHeader(lang) {
  return h('div', { class: 'lang-head' },
    h('span', { class: 'lang-name' }, languageName(lang.code)),
    h('span', { class: 'lang-code muted' }, lang.code),
    lang.direction === 'rtl' ? h('span', { class: 'badge subtle' }, t('dashboard.rtl')) : null,
    lang.source ? h('span', { class: 'badge subtle' }, t('dashboard.source')) : null,
    session.canReview(lang.code) ? h('span', { class: 'badge mine' }, t('dashboard.youReview'))
      : session.canWrite(lang.code) ? h('span', { class: 'badge mine' }, t('dashboard.youWrite')) : null);
}

function cell(lang, ns, counts, testid) {
  const c = { keys: 0, untranslated: 0, machine: 0, translated: 0, reviewed: 0, needsReview: 0, errors: 0, warnings: 0, ...(counts || {}) };
  const done = c.keys ? (c.translated + c.reviewed) / c.keys : 1;
  const list = (query) => (ns ? href({ lang, ns, query }) : null);
  const bar = h('span', { class: 'bar', 'aria-hidden': 'true' }, SEGMENTS.map((name) => {
    const seg = h('span', { class: `seg ${name}` });
    seg.style.inlineSize = c.keys ? `${(100 * c[name]) / c.keys}%` : '0';
    return seg;
  }));
  const main = ns
    ? h('a', { class: 'cell-main', href: list({}), title: t('dashboard.cellTitle', { language: languageName(lang), namespace: ns, count: c.keys }) },
      h('span', { class: 'pct' }, formatPercent(done)), bar)
    : h('div', { class: 'cell-main' }, h('span', { class: 'pct' }, formatPercent(done)), bar);

  const links = [
    ['untranslated', { state: 'untranslated' }, 'dashboard.untranslated'],
    ['machine', { state: 'machine' }, 'dashboard.machine'],
    ['needsReview', { needsReview: 'true' }, 'dashboard.needsReview'],
    ['errors', { check: 'error' }, 'dashboard.errors'],
    ['warnings', { check: 'warning' }, 'dashboard.warnings'],
  ].filter(([name]) => c[name] > 0).map(([name, query, label]) => h('li', {},
    ns ? h('a', { class: `count ${name}`, href: list(query) }, t(label, { count: c[name] }))
      : h('span', { class: `count ${name}` }, t(label, { count: c[name] }))));

  return h('td', {
    class: 'cell',
    dataset: {
      testid, lang, ns: ns || undefined, keys: c.keys, translated: c.translated, reviewed: c.reviewed, machine: c.machine,
      untranslated: c.untranslated, needsReview: c.needsReview, errors: c.errors, warnings: c.warnings,
    },
  }, main, links.length ? h('ul', { class: 'cell-links' }, links) : h('p', { class: 'cell-done muted small' }, t('dashboard.nothingToDo')));
}

function legend() {
  return h('ul', { class: 'legend muted small', 'aria-label': t('dashboard.legend') },
    SEGMENTS.map((name) => h('li', {}, h('span', { class: `swatch seg ${name}`, 'aria-hidden': 'true' }), t(`states.${name}`))));
}

function draftReminder() {
  const list = drafts.all();
  if (!list.length) return null;
  return h('section', { class: 'drafts card', dataset: { testid: 'drafts' } },
    h('h2', {}, t('dashboard.drafts', { count: list.length })),
    h('ul', {}, list.slice(0, 10).map((d) => h('li', {},
      h('a', { href: href({ lang: d.lang, ns: d.ns, key: d.key }) }, h('code', {}, `${d.lang} · ${d.ns} · ${d.key}`)),
      ' ',
      h('span', { class: 'muted small' }, t('dashboard.draftSaved', { date: formatDateTime(d.savedAt) }))))));
}
