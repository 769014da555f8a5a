// DOM helpers. Every value from the input reaches the page through textContent or setAttribute,
// never as markup: a device name like <img src=x onerror=alert(1)> stays those characters.

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Create an element. props: class, text, dataset, on<event> (listener), anything else an
 * attribute (string values only; false/null/undefined skip it). Children: nodes or strings.
 */
export function h(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(el, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** `{name}` placeholders filled with params; the key itself when a message is missing. */
export function format(template, params = {}) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (params[name] === undefined ? whole : String(params[name])));
}

export const $ = (id) => document.getElementById(id);

/** Offer bytes or text as a file download (an object URL: nothing leaves the machine). */
export function download(name, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The API's error message (`{ error: { message } }`), or the HTTP status. */
export async function apiError(res) {
  try {
    const body = await res.json();
    if (body?.error?.message) return body.error.message;
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${res.status}`;
}

/** A saved preference; null where storage is unavailable (private mode, disabled). */
export function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** ja or en from the browser's languages, English otherwise. */
export function browserLang() {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  for (const l of langs) {
    if (/^ja\b/i.test(l)) return 'ja';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** light, dark or auto (the system's); the theme picker shows the choice. */
export function applyTheme(theme) {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  $('theme').value = theme === 'light' || theme === 'dark' ? theme : 'auto';
}
