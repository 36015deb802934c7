// bidi.js — making invisible bidirectional controls visible.
//
// Arabic catalogs wrap every placeholder and Latin word in isolates (FSI … PDI); marks such
// as LRM/RLM/ALM nudge neutral characters. None of them is visible in a textarea, yet a
// missing PDI reorders the rest of the sentence. The editor can show a "revealed" copy of
// each value with every control drawn as a labelled mark — the value itself is never changed.

export const FSI = '\u2068';
export const PDI = '\u2069';

/** Controls shown as marks; `forbidden` ones (embeddings, overrides) are what QA rejects. */
export const CONTROLS = new Map([
  ['\u2068', { name: 'FSI', title: 'FIRST STRONG ISOLATE U+2068' }],
  ['\u2066', { name: 'LRI', title: 'LEFT-TO-RIGHT ISOLATE U+2066' }],
  ['\u2067', { name: 'RLI', title: 'RIGHT-TO-LEFT ISOLATE U+2067' }],
  ['\u2069', { name: 'PDI', title: 'POP DIRECTIONAL ISOLATE U+2069' }],
  ['\u200E', { name: 'LRM', title: 'LEFT-TO-RIGHT MARK U+200E' }],
  ['\u200F', { name: 'RLM', title: 'RIGHT-TO-LEFT MARK U+200F' }],
  ['\u061C', { name: 'ALM', title: 'ARABIC LETTER MARK U+061C' }],
  ['\u202A', { name: 'LRE', title: 'LEFT-TO-RIGHT EMBEDDING U+202A', forbidden: true }],
  ['\u202B', { name: 'RLE', title: 'RIGHT-TO-LEFT EMBEDDING U+202B', forbidden: true }],
  ['\u202D', { name: 'LRO', title: 'LEFT-TO-RIGHT OVERRIDE U+202D', forbidden: true }],
  ['\u202E', { name: 'RLO', title: 'RIGHT-TO-LEFT OVERRIDE U+202E', forbidden: true }],
  ['\u202C', { name: 'PDF', title: 'POP DIRECTIONAL FORMATTING U+202C', forbidden: true }],
]);

const PATTERN = new RegExp(`[${[...CONTROLS.keys()].join('')}]`, 'g');

/** Nodes for `text` with every control replaced by a visible, labelled mark. */
export function revealed(text) {
  const nodes = [];
  let last = 0;
  const source = String(text || '');
  for (const match of source.matchAll(PATTERN)) {
    if (match.index > last) nodes.push(document.createTextNode(source.slice(last, match.index)));
    const control = CONTROLS.get(match[0]);
    const mark = document.createElement('span');
    mark.className = control.forbidden ? 'bidi-mark forbidden' : 'bidi-mark';
    mark.dataset.control = control.name;
    mark.title = control.title;
    mark.textContent = control.name;
    nodes.push(mark);
    last = match.index + 1;
  }
  if (last < source.length) nodes.push(document.createTextNode(source.slice(last)));
  return nodes;
}

/** The controls a translator may want to type, for the insert buttons of RTL targets. */
export const INSERTABLE = ['\u2068', '\u2069', '\u200F', '\u200E', '\u061C'];
