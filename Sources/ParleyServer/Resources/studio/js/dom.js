// dom.js — the one way Parley Studio builds DOM nodes.
//
// Translation texts are untrusted (anyone with a write key can put `<img onerror=…>` in a
// catalog), so nothing in the app goes through innerHTML: every node is created here and
// every text is a text node. The strict CSP forbids inline styles and handlers anyway, so
// `h()` only knows attributes, properties, dataset entries and listeners added with
// addEventListener.

/** Properties that must be set as DOM properties, not attributes (their live state differs). */
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'indeterminate', 'readOnly']);

/**
 * Creates an element.
 *   h('a', {href: '#/', class: 'brand', dataset: {testid: 'x'}, on: {click: fn}}, 'text', child)
 * Children may be strings, numbers, nodes, arrays of them, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (name === 'dataset') for (const [k, v] of Object.entries(value)) { if (v !== null && v !== undefined) el.dataset[k] = String(v); }
    else if (name === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (name === 'text') el.textContent = value;
    else if (PROPERTIES.has(name)) el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Appends children (same rules as `h`). */
export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** Calls `fn` once `ms` pass without another call; `.flush()` runs a pending call now. */
export function debounce(fn, ms) {
  let timer = null;
  let pending = null;
  const debounced = (...args) => {
    pending = args;
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; const a = pending; pending = null; fn(...a); }, ms);
  };
  debounced.flush = () => { if (timer) { clearTimeout(timer); timer = null; const a = pending; pending = null; fn(...a); } };
  return debounced;
}
