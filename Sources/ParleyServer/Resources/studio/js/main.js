// main.js — Parley Studio's entry point: loads the UI strings, resumes the session, and
// shows the view the URL asks for. The only module with side effects at load time; every
// other module exports functions and keeps its state to itself.

import * as i18n from './i18n.js';
import * as api from './api.js';
import * as session from './session.js';
import * as catalogs from './catalogs.js';
import * as router from './router.js';
import * as header from './header.js';
import * as signin from './signin.js';
import * as prefetch from './prefetch.js';
import { h } from './dom.js';
import { errorBox } from './widgets.js';

const headerEl = document.getElementById('header');
const viewEl = document.getElementById('view');
let disposeView = () => {};
let lastRoute = null;
let renderCount = 0;

// Views are loaded when first shown: a page load of the key list then waits only for the
// modules it uses (index.html preloads those), and the editor's dozen modules come when a
// key is opened. import() keeps each module once, so later visits cost nothing.
const VIEWS = {
  dashboard: () => import('./dashboard.js'),
  list: () => import('./keylist.js'),
  editor: () => import('./editor.js'),
};

function renderHeader() {
  header.render(headerEl, { onSignOut: signOut });
}

function show(renderer, ...args) {
  disposeView();
  disposeView = renderer(viewEl, ...args) || (() => {});
}

async function renderRoute(route = router.current()) {
  if (!session.signedIn()) { showSignIn(); return; }
  const mine = ++renderCount;
  const sameView = lastRoute && lastRoute.view === route.view && lastRoute.lang === route.lang && lastRoute.ns === route.ns && lastRoute.key === route.key;
  lastRoute = route;
  if (!sameView) window.scrollTo(0, 0);
  const load = VIEWS[route.view];
  if (!load) { show(notFound); return; }
  disposeView();
  disposeView = () => {};
  let view;
  try {
    view = await load();
  } catch (error) {
    if (mine === renderCount) viewEl.replaceChildren(errorBox({ code: 'network' }, () => location.reload()));
    return;
  }
  if (mine !== renderCount) return; // another route was asked for meanwhile
  show(view.render, route);
}

function notFound(container) {
  container.replaceChildren(h('section', { class: 'card' },
    h('h1', {}, i18n.t('errors.pageNotFound')),
    h('p', {}, h('a', { href: router.href() }, i18n.t('errors.backToDashboard')))));
}

function showSignIn(notice = null) {
  lastRoute = null;
  renderHeader();
  show(signin.render, {
    notice,
    onSignedIn: () => { renderHeader(); renderRoute(); },
  });
}

function signOut() {
  session.signOut();
  catalogs.forget();
  showSignIn();
}

async function start() {
  const key = session.storedKey();
  if (key) {
    // Ask for the view's data while the strings load and the key is re-checked; a refused
    // key is reported by the resume below (the unauthorized handler ignores it until then).
    api.setKey(key);
    prefetch.start(router.current());
  }
  const first = VIEWS[router.current().view];
  if (first) first().catch(() => {}); // fetch the first view's modules alongside the strings
  api.onUnauthorized(() => {
    // Before the stored key is confirmed, the resume below reports a refused key itself.
    if (!session.signedIn()) return;
    session.signOut();
    catalogs.forget();
    showSignIn(i18n.t('errors.sessionExpired'));
  });

  const [languageResult, sessionResult] = await Promise.allSettled([
    i18n.setLanguage(i18n.initialLanguage(), { persist: false }),
    key ? session.resume() : Promise.resolve(null),
  ]);
  if (languageResult.status === 'rejected') {
    // Without its strings the app cannot say anything translated; this one line is all it has.
    viewEl.replaceChildren(h('p', { class: 'error-box', role: 'alert' }, 'Parley Studio could not load its interface texts. Reload the page to try again.'));
    return;
  }
  i18n.onLanguageChange(() => {
    renderHeader();
    if (session.signedIn()) renderRoute(); else showSignIn();
  });
  router.onRoute((route) => renderRoute(route));

  if (sessionResult.status === 'rejected') {
    const error = sessionResult.reason;
    if (error && error.status === 401) { session.signOut(); showSignIn(i18n.t('errors.sessionExpired')); return; }
    renderHeader();
    viewEl.replaceChildren(errorBox(error, () => location.reload()));
    return;
  }
  renderHeader();
  renderRoute();
}

start();
