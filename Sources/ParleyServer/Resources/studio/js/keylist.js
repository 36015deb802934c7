// keylist.js — the keys of one language and namespace, filtered to the work at hand.
//
// Filters live in the URL (`#/ar/chat?state=untranslated,machine&check=error&q=reply&
// needsReview=true`) so dashboard links, reloads and "back" land on the same list; Parley
// does the filtering (one request, no per-row calls) and the rows are built in one pass.
// The list is a roving-tabindex table: ↑/↓ (Home/End) move the selection, Enter opens it.

import { h, replace as replaceChildren, debounce } from './dom.js';
import { t, languageName, uiLanguage } from './i18n.js';
import * as api from './api.js';
import * as catalogs from './catalogs.js';
import * as prefetch from './prefetch.js';
import * as keyorder from './keyorder.js';
import * as drafts from './drafts.js';
import * as values from './values.js';
import { href, navigate, replace } from './router.js';
import { STATES, stateBadge, needsReviewMarker, loading, errorBox, highlighted } from './widgets.js';

export function render(container, route) {
  const { lang, ns } = route;
  let filters = keyorder.filtersFrom(route.query);
  let disposed = false;
  let request = 0;
  let rows = [];
  let selectedIndex = -1;
  let firstRender = true;
  let checkSelect = null; // built by filterBar(), refilled with the check ids each answer shows

  const count = h('p', { class: 'list-count muted', role: 'status', 'aria-live': 'polite' });
  const body = h('tbody', { on: { keydown: onKey, click: onClick } });
  const table = h('table', { class: 'keys', dataset: { testid: 'key-list', ready: 'false' }, 'aria-label': t('keyList.tableLabel') },
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, t('keyList.key')),
      h('th', { scope: 'col' }, t('keyList.source')),
      h('th', { scope: 'col' }, t('keyList.translation')),
      h('th', { scope: 'col' }, t('keyList.state')),
      h('th', { scope: 'col' }, t('keyList.qa')))),
    body);
  const results = h('div', { class: 'list-results' }, loading());

  container.replaceChildren(h('section', { class: 'keylist-page' },
    h('nav', { class: 'breadcrumb', 'aria-label': t('app.breadcrumb') },
      h('a', { href: href() }, t('dashboard.title')), h('span', { 'aria-hidden': 'true' }, ' › '),
      h('span', {}, languageName(lang)), h('span', { 'aria-hidden': 'true' }, ' › '),
      h('code', { 'aria-current': 'page' }, ns)),
    h('h1', {}, t('keyList.title', { language: languageName(lang), namespace: ns })),
    filterBar(),
    count,
    results,
    h('p', { class: 'muted small hint' }, t('keyList.keyboardHint'))));

  load();

  // ---- filters ----

  function filterBar() {
    const search = h('input', {
      type: 'search', id: 'key-search', value: filters.q || '', dataset: { testid: 'search' },
      placeholder: t('keyList.searchPlaceholder'), autocomplete: 'off',
    });
    const typed = debounce(() => update({ q: search.value.trim() || undefined }), 200);
    search.addEventListener('input', typed);
    search.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown' && rows.length) { event.preventDefault(); typed.flush(); select(Math.max(selectedIndex, 0)); }
      if (event.key === 'Enter') { event.preventDefault(); typed.flush(); }
    });

    const chosen = new Set((filters.state || '').split(',').filter(Boolean));
    const states = h('fieldset', { class: 'state-filter' },
      h('legend', {}, t('keyList.stateFilter')),
      STATES.map((state) => {
        const box = h('input', { type: 'checkbox', value: state, checked: chosen.has(state), dataset: { testid: 'filter-state' } });
        box.addEventListener('change', () => {
          if (box.checked) chosen.add(state); else chosen.delete(state);
          update({ state: STATES.filter((s) => chosen.has(s)).join(',') || undefined });
        });
        return h('label', { class: `chip state-${state}` }, box, t(`states.${state}`));
      }));

    checkSelect = h('select', { id: 'check-filter', dataset: { testid: 'filter-check' } });
    fillCheckOptions([]);
    checkSelect.addEventListener('change', () => update({ check: checkSelect.value || undefined }));

    const review = h('input', { type: 'checkbox', id: 'needs-review-filter', checked: filters.needsReview === 'true', dataset: { testid: 'filter-needs-review' } });
    review.addEventListener('change', () => update({ needsReview: review.checked ? 'true' : undefined }));

    const clear = h('a', { href: href({ lang, ns }), class: 'button subtle', dataset: { testid: 'clear-filters' } }, t('keyList.clearFilters'));

    return h('form', { class: 'filters', role: 'search', on: { submit: (e) => e.preventDefault() } },
      h('div', { class: 'filter search-filter' }, h('label', { for: 'key-search' }, t('keyList.search')), search),
      states,
      h('div', { class: 'filter' }, h('label', { for: 'check-filter' }, t('keyList.checkFilter')), checkSelect),
      h('div', { class: 'filter checkbox' }, review, h('label', { for: 'needs-review-filter' }, t('keyList.needsReviewFilter'))),
      clear);
  }

  function fillCheckOptions(checkIds) {
    const ids = new Set(checkIds);
    if (filters.check && !['error', 'warning'].includes(filters.check)) ids.add(filters.check);
    const option = (value, label) => h('option', { value, selected: (filters.check || '') === value }, label);
    replaceChildren(checkSelect,
      option('', t('keyList.anyCheck')),
      option('error', t('keyList.withErrors')),
      option('warning', t('keyList.withWarnings')),
      [...ids].sort().map((id) => option(id, t('keyList.checkId', { check: id }))));
  }

  function update(change) {
    filters = { ...filters, ...change };
    replace(href({ lang, ns, query: filters }));
    load();
  }

  // ---- data ----

  async function load() {
    const mine = ++request;
    table.dataset.ready = 'false';
    try {
      const data = await ((firstRender && prefetch.take(prefetch.listId(lang, ns, filters))) || api.listKeys(lang, ns, filters));
      if (disposed || mine !== request) return;
      show(data);
    } catch (error) {
      if (disposed || mine !== request) return;
      results.replaceChildren(errorBox(error, load));
    }
  }

  function show(data) {
    const dir = catalogs.direction(lang);
    const checks = new Set();
    const drafted = new Set(drafts.all().filter((d) => d.lang === lang && d.ns === ns).map((d) => d.key));
    const fragment = document.createDocumentFragment();
    rows = data.keys.map((kv, index) => {
      for (const f of kv.findings || []) checks.add(f.check);
      const row = rowFor(kv, index, dir, drafted.has(kv.key));
      fragment.append(row);
      return row;
    });
    body.replaceChildren(fragment);
    fillCheckOptions([...checks]);
    keyorder.remember(lang, ns, filters, data.keys.map((k) => k.key));
    count.textContent = data.keys.length ? t('keyList.count', { count: data.keys.length }) : t('keyList.empty');
    results.replaceChildren(data.keys.length ? table : h('p', { class: 'empty-state', dataset: { testid: 'empty' } }, t('keyList.emptyHint')));

    const remembered = keyorder.selected(lang, ns);
    const index = Math.max(0, rows.findIndex((r) => r.dataset.key === remembered));
    const focus = firstRender && document.activeElement !== document.getElementById('key-search');
    firstRender = false;
    performance.mark('parley:keylist-data');
    // Selecting (focus, scrolling) needs layout: do it in the next frame, once the rows are
    // laid out anyway, then say the list is ready — the moment it answers the keyboard,
    // which is what the benchmark measures.
    requestAnimationFrame(() => {
      if (disposed) return;
      if (rows.length) select(index, { focus, scroll: index > 0 });
      table.dataset.ready = 'true';
      performance.mark('parley:keylist-interactive');
    });
  }

  function rowFor(kv, index, dir, hasDraft) {
    const link = h('a', { href: editorHref(kv.key), tabindex: '-1' }, kv.key);
    const errors = (kv.findings || []).filter((f) => f.severity === 'error').length;
    const warnings = (kv.findings || []).filter((f) => f.severity === 'warning').length;
    const row = h('tr', {
      class: 'key-row', tabindex: '-1', 'aria-selected': 'false',
      dataset: { testid: 'key-row', key: kv.key, state: kv.state, index },
    },
    h('td', { class: 'key-cell' },
      h('code', {}, link),
      kv.plural ? h('span', { class: 'badge subtle' }, t('keyList.plural')) : null,
      values.isFixed(kv.source) ? h('span', { class: 'badge subtle' }, t('keyList.fixed')) : null,
      kv.obsolete ? h('span', { class: 'badge warning' }, t('keyList.obsolete')) : null),
    h('td', { class: 'text-cell', lang: 'en', dir: 'ltr' }, highlighted(values.textOf(kv.source))),
    h('td', { class: 'text-cell', lang, dir }, kv.translation ? highlighted(values.textOf(kv.translation)) : h('span', { class: 'muted', lang: uiLanguage(), dir: document.documentElement.dir }, t('keyList.noTranslation'))),
    h('td', { class: 'state-cell' }, stateBadge(kv.state), kv.needsReview ? needsReviewMarker() : null,
      hasDraft ? h('span', { class: 'badge draft', dataset: { testid: 'draft' }, title: t('keyList.draftHint') }, t('keyList.draft')) : null),
    h('td', { class: 'qa-cell' },
      errors ? h('span', { class: 'badge error', title: t('qa.errors', { count: errors }) }, t('qa.errorsShort', { count: errors })) : null,
      warnings ? h('span', { class: 'badge warning', title: t('qa.warnings', { count: warnings }) }, t('qa.warningsShort', { count: warnings })) : null));
    return row;
  }

  function editorHref(key) {
    return href({ lang, ns, key, query: filters });
  }

  // ---- keyboard ----

  function onClick(event) {
    if (event.target.closest('a')) return; // the key's link navigates by itself
    const row = event.target.closest('tr[data-index]');
    if (!row) return;
    select(Number(row.dataset.index));
    open();
  }

  function select(index, { focus = true, scroll = true } = {}) {
    if (!rows.length) return;
    index = Math.max(0, Math.min(rows.length - 1, index));
    if (selectedIndex >= 0 && rows[selectedIndex]) {
      rows[selectedIndex].setAttribute('aria-selected', 'false');
      rows[selectedIndex].tabIndex = -1;
    }
    selectedIndex = index;
    const row = rows[index];
    row.setAttribute('aria-selected', 'true');
    row.tabIndex = 0;
    keyorder.select(lang, ns, row.dataset.key);
    if (focus) row.focus({ preventScroll: true });
    if (scroll) row.scrollIntoView({ block: 'nearest' });
  }

  function open() {
    if (selectedIndex < 0) return;
    navigate(editorHref(rows[selectedIndex].dataset.key));
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 };
    if (event.key in moves) { event.preventDefault(); select(selectedIndex + moves[event.key]); }
    else if (event.key === 'Home') { event.preventDefault(); select(0); }
    else if (event.key === 'End') { event.preventDefault(); select(rows.length - 1); }
    else if (event.key === 'Enter') { event.preventDefault(); open(); }
  }

  return () => { disposed = true; };
}
