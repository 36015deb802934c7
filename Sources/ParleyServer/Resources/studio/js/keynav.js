// keynav.js — where the edited key sits in the list it was opened from: "n of m", the
// previous and next links, and going on to the next key after a save.
//
// The order is the key list's own (keyorder.js: the list the editor was opened from, with the
// filters in the URL), so "next" after a save is the next key the translator was working
// through, not the next key of the catalog. A key that is not in that list (opened from a
// link, no longer matching its filters) goes on to the list's first other key; after the last
// key the list itself is shown again.

import { h } from './dom.js';
import { t } from './i18n.js';
import * as keyorder from './keyorder.js';
import { href, navigate } from './router.js';
import { announce } from './widgets.js';

/**
 * For key `key` of the list (`lang`, `ns`, `filters`). Returns {element (the links and the
 * position), place() (fills them in), next() (opens the next key)}.
 */
export function create({ lang, ns, key, filters, isDisposed }) {
  const position = h('span', { class: 'muted small', dataset: { testid: 'position' } });
  const prevLink = h('a', { class: 'button subtle small', dataset: { testid: 'prev-key' }, hidden: true }, t('editor.previous'));
  const nextLink = h('a', { class: 'button subtle small', dataset: { testid: 'next-key' }, hidden: true }, t('editor.next'));
  const element = h('div', { class: 'key-nav' }, prevLink, position, nextLink);

  async function place() {
    try {
      const order = await keyorder.keys(lang, ns, filters);
      if (isDisposed()) return;
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

  async function next() {
    let order = [];
    try { order = await keyorder.keys(lang, ns, filters); } catch { order = []; }
    if (isDisposed()) return;
    const index = order.indexOf(key);
    const following = index >= 0 ? order[index + 1] : order.find((k) => k !== key);
    if (following) navigate(href({ lang, ns, key: following, query: filters }));
    else {
      announce(t('editor.endOfList'));
      navigate(href({ lang, ns, query: filters }));
    }
  }

  return { element, place, next };
}
