// signin.js — the sign-in view: a Parley API key, checked with GET /v1/me.

import { h } from './dom.js';
import { t } from './i18n.js';
import * as session from './session.js';
import { errorMessage } from './widgets.js';

/**
 * Renders the form into `container`; `notice` explains why we are here (e.g. an expired key).
 * `onSignedIn(me)` is called once the key is accepted.
 */
export function render(container, { notice = null, onSignedIn }) {
  const input = h('input', {
    id: 'api-key', type: 'password', name: 'api-key', autocomplete: 'off', spellcheck: 'false',
    required: true, dataset: { testid: 'api-key' }, 'aria-describedby': 'api-key-help',
  });
  const message = h('p', { class: 'form-error', role: 'alert', hidden: !notice }, notice || '');
  const button = h('button', { type: 'submit', class: 'button primary', dataset: { testid: 'sign-in' } }, t('signIn.submit'));
  const form = h('form', { class: 'sign-in card', novalidate: true },
    h('h1', {}, t('signIn.title')),
    h('p', { class: 'muted' }, t('signIn.intro')),
    h('label', { for: 'api-key' }, t('signIn.keyLabel')),
    input,
    h('p', { id: 'api-key-help', class: 'muted small' }, t('signIn.keyHelp')),
    message,
    button);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (!key) { showError(t('signIn.empty')); input.focus(); return; }
    button.disabled = true;
    button.textContent = t('signIn.checking');
    try {
      const me = await session.signIn(key);
      onSignedIn(me);
    } catch (error) {
      showError(error.status === 401 ? t('signIn.rejected') : errorMessage(error));
      button.disabled = false;
      button.textContent = t('signIn.submit');
      input.select();
    }
  });

  function showError(text) {
    message.textContent = text;
    message.hidden = false;
  }

  container.replaceChildren(h('div', { class: 'sign-in-page' }, form));
  input.focus();
  return () => {};
}
