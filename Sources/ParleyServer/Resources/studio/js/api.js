// api.js — every call Parley Studio makes to Parley's translator API.
//
// One place knows the routes, the Bearer key, If-Match and the error envelope
// `{"error":{"code","message","requestId",…}}`, so views deal in KeyViews and ApiErrors only.
// A 401 anywhere means the key is no longer good: the handler set by main.js signs out.

let apiKey = null;
let unauthorized = () => {};

/** An error answer from Parley (status ≥ 400) or a failed connection (status 0, code "network"). */
export class ApiError extends Error {
  constructor(status, envelope, fallbackMessage) {
    const error = (envelope && envelope.error) || {};
    super(error.message || fallbackMessage || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = error.code || (status === 0 ? 'network' : `http_${status}`);
    this.requestId = error.requestId || null;
    this.details = error; // extra fields: current (412), findings (422), …
  }
}

export function setKey(key) { apiKey = key; }
export function onUnauthorized(fn) { unauthorized = fn; }

/** `lang`, `ns` and the dotted key are each one path segment, encoded on their own. */
function keyPath(lang, ns, key) {
  return `/v1/catalogs/${encodeURIComponent(lang)}/${encodeURIComponent(ns)}/keys/${encodeURIComponent(key)}`;
}

/** The If-Match value for a revision (ETags are the revision in quotes). */
function etag(revision) {
  return `"${revision}"`;
}

async function request(method, path, { body, ifMatch, key = apiKey, handle401 = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (key) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = etag(ifMatch);
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store' });
  } catch (cause) {
    throw new ApiError(0, null, cause && cause.message);
  }
  let data = null;
  const text = await response.text();
  if (text) {
    try { data = JSON.parse(text); } catch { data = null; }
  }
  if (!response.ok) {
    const error = new ApiError(response.status, data, response.statusText);
    if (response.status === 401 && handle401) unauthorized(error);
    throw error;
  }
  return data;
}

/** Who the key belongs to and what it may do. `key` is passed explicitly while signing in. */
export function me(key) {
  return request('GET', '/v1/me', { key, handle401: false });
}

export function catalogs() {
  return request('GET', '/v1/catalogs');
}

/** Keys of a namespace; `filters` are the list's query (state, check, q, needsReview). */
export function listKeys(lang, ns, filters = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) query.set(name, String(value));
  }
  const suffix = query.toString() ? `?${query}` : '';
  return request('GET', `/v1/catalogs/${encodeURIComponent(lang)}/${encodeURIComponent(ns)}/keys${suffix}`);
}

export function getKey(lang, ns, key) {
  return request('GET', keyPath(lang, ns, key));
}

/** Saves `value` (`{value}` or `{forms}`) over `revision`; 412 carries `details.current`. */
export function saveKey(lang, ns, key, value, revision) {
  return request('PUT', keyPath(lang, ns, key), { body: value, ifMatch: revision });
}

/** The save-time QA checks on a value that is not stored. */
export function checkKey(lang, ns, key, value) {
  return request('POST', `${keyPath(lang, ns, key)}/check`, { body: value });
}

export function suggestions(lang, ns, key) {
  return request('GET', `${keyPath(lang, ns, key)}/suggestions`);
}

export function review(lang, ns, key, revision) {
  return request('POST', `${keyPath(lang, ns, key)}/review`, { body: { state: 'reviewed' }, ifMatch: revision });
}

export function history(lang, ns, key) {
  return request('GET', `${keyPath(lang, ns, key)}/history`);
}

/** Writes the value of `toRevision` as a new revision over `currentRevision`. */
export function revert(lang, ns, key, toRevision, currentRevision) {
  return request('POST', `${keyPath(lang, ns, key)}/revert`, { body: { revision: toRevision }, ifMatch: currentRevision });
}

/** A catalog as the app loads it (used by the preview to resolve `$t(ns:key)`). */
export async function servedCatalog(lang, ns) {
  return request('GET', `/locales/${encodeURIComponent(lang)}/${encodeURIComponent(ns)}.json`);
}
