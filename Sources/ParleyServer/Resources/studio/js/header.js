// header.js — the top bar: the app's name, who is signed in and what they may do, the UI
// language, and signing out. Rebuilt on sign-in, sign-out and language changes.

import { h } from './dom.js';
import { t, UI_LANGUAGES, ENDONYMS, uiLanguage, languageName, setLanguage } from './i18n.js';
import * as session from './session.js';
import { href } from './router.js';

/** Renders the header into `container`; `onSignOut()` is called from the button. */
export function render(container, { onSignOut }) {
  const me = session.me();
  const select = h('select', { id: 'ui-language', dataset: { testid: 'ui-language' } },
    UI_LANGUAGES.map((code) => h('option', { value: code, selected: code === uiLanguage(), lang: code }, ENDONYMS[code])));
  select.addEventListener('change', () => { setLanguage(select.value); });

  const identity = me ? h('div', { class: 'identity', dataset: { testid: 'identity' } },
    h('span', { class: 'who' }, t('app.signedInAs', { name: me.name })),
    h('span', { class: 'rights muted small', dataset: { testid: 'rights' } }, rights(me).map((text) => h('span', {}, text))),
    h('button', { type: 'button', class: 'button subtle', dataset: { testid: 'sign-out' }, on: { click: onSignOut } }, t('app.signOut'))) : null;

  container.replaceChildren(h('div', { class: 'header-inner' },
    h('a', { class: 'brand', href: me ? href() : '#/' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '⁂'), t('app.name')),
    me ? h('nav', { 'aria-label': t('app.navigation') }, h('a', { href: href(), dataset: { testid: 'nav-dashboard' } }, t('dashboard.title'))) : null,
    h('div', { class: 'header-end' },
      identity,
      h('label', { class: 'ui-language' }, h('span', { class: 'label' }, t('app.uiLanguage')), select))));
}

/** ["Writes: Arabic", "Reviews: Arabic"], or ["Administrator: all languages"]; each a whole phrase. */
function rights(me) {
  if (me.admin) return [t('app.rightsAdmin')];
  const names = (codes) => new Intl.ListFormat(uiLanguage(), { type: 'conjunction' }).format((codes || []).map((c) => languageName(c)));
  const parts = [];
  if ((me.writeLanguages || []).length) parts.push(t('app.rightsWrite', { languages: names(me.writeLanguages) }));
  if ((me.reviewLanguages || []).length) parts.push(t('app.rightsReview', { languages: names(me.reviewLanguages) }));
  if (!parts.length) parts.push(t('app.rightsReadOnly'));
  return parts;
}
