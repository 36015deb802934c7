// widgets.js — small pieces several views share: state badges, the "source changed" marker,
// loading and error panels, and the polite announcer for "Saved" and similar news.

import { h } from './dom.js';
import { t } from './i18n.js';
import { segments } from './placeholders.js';

/** A text with its placeholders and tags marked (the same highlighting everywhere). */
export function highlighted(text) {
  return segments(text).map((seg) => (seg.kind ? h('span', { class: `token ${seg.kind}` }, seg.text) : seg.text));
}

export const STATES = ['untranslated', 'machine', 'translated', 'reviewed'];

export function stateBadge(state) {
  return h('span', { class: ['badge', `state-${state}`], dataset: { testid: 'state' } }, t(`states.${state}`));
}

/** Marks a key whose English source changed since it was translated. */
export function needsReviewMarker() {
  return h('span', { class: 'badge needs-review', dataset: { testid: 'needs-review' }, title: t('states.needsReviewHint') }, t('states.needsReview'));
}

export function loading(label = t('app.loading')) {
  return h('div', { class: 'loading', role: 'status', 'aria-live': 'polite' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), label);
}

/** A readable sentence for an ApiError (or any error). */
export function errorMessage(error) {
  if (!error) return t('errors.unknown');
  switch (error.code) {
    case 'network': return t('errors.network');
    case 'unauthorized': return t('errors.unauthorized');
    case 'forbidden': return t('errors.forbidden');
    case 'not_found': return t('errors.notFound');
    case 'rate_limited': return t('errors.rateLimited');
    default:
      if (error.status === 401) return t('errors.unauthorized');
      if (error.status === 403) return t('errors.forbidden');
      if (error.status === 404) return t('errors.notFound');
      if (error.status === 429) return t('errors.rateLimited');
      if (error.status >= 500) return t('errors.server');
      return error.message || t('errors.unknown');
  }
}

/** An error panel with the message, the request id (for support) and an optional retry. */
export function errorBox(error, retry = null) {
  return h('div', { class: 'error-box', role: 'alert', dataset: { testid: 'error' } },
    h('p', {}, errorMessage(error)),
    error && error.requestId ? h('p', { class: 'muted small' }, t('errors.requestId', { id: error.requestId })) : null,
    retry ? h('button', { type: 'button', class: 'button', on: { click: retry } }, t('app.retry')) : null);
}

let announcer = null;
let hideTimer = null;

/** Shows `message` briefly and tells screen readers (the live region is in index.html). */
export function announce(message, kind = 'info') {
  announcer = announcer || document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = message;
  announcer.className = `toast ${kind}`;
  announcer.hidden = false;
  clearTimeout(hideTimer);
  hideTimer = setTimeout(() => { announcer.hidden = true; }, 4000);
}
