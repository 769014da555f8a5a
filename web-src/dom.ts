// DOM helpers. Every value from the input reaches the page through textContent or setAttribute,
// never as markup: a device name like <img src=x onerror=alert(1)> stays those characters.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A prop value: text, a flag, a listener (`on<event>`), or `dataset`'s map. */
export type PropValue = string | number | boolean | null | undefined | ((e: Event) => void) | Record<string, string>;
export type Props = Record<string, PropValue>;
export type Child = Node | string | null | undefined | false | Child[];

/**
 * Create an element. props: class, text, dataset, on<event> (listener), anything else an
 * attribute (string values only; false/null/undefined skip it). Children: nodes or strings.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  return build(document.createElement(tag), props, children);
}

/** The same for SVG elements. */
export function s(tag: string, props: Props = {}, ...children: Child[]): SVGElement {
  return build(document.createElementNS(SVG_NS, tag) as SVGElement, props, children);
}

function build<E extends HTMLElement | SVGElement>(el: E, props: Props, children: Child[]): E {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.setAttribute('class', String(value));
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (typeof value === 'function') {
      if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    } else if (typeof value === 'object') continue;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append<E extends Element>(el: E, children: Child[]): E {
  for (const child of children.flat(Number.POSITIVE_INFINITY as 1) as (Node | string | null | undefined | false)[]) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

export function clear<E extends Element>(el: E): E {
  el.replaceChildren();
  return el;
}

/** `{name}` placeholders filled with params; the key itself when a message is missing. */
export type Params = Record<string, string | number | null | undefined>;

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

/** The element with this id; the page's markup has every id the code asks for. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`#${id} is missing from the page`);
  return el as T;
}

/** Offer bytes or text as a file download (an object URL: nothing leaves the machine). */
export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, class: 'visually-hidden' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The API's error message (`{ error: { message } }`), or the HTTP status. */
export async function apiError(res: Response): Promise<string> {
  try {
    const body = await res.json();
    if (body?.error?.message) return body.error.message;
  } catch {
    // not JSON: fall through
  }
  return `HTTP ${res.status}`;
}

/**
 * A file or answer from the local API: the response when it is OK; otherwise null, after telling
 * the user why (the network failed, or the API's own message) through `showError`.
 */
export async function fetchOk(
  url: string,
  init: RequestInit | undefined,
  t: (key: string, params?: Params) => string,
  showError: (message: string) => void,
): Promise<Response | null> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    showError(t('web.error.network', { reason: errorText(e) }));
    return null;
  }
  if (res.ok) return res;
  showError(t('web.downloads.failed', { message: await apiError(res) }));
  return null;
}

/** A saved preference; null where storage is unavailable (private mode, disabled). */
export function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** ja or en from the browser's languages, English otherwise. */
export function browserLang(): 'ja' | 'en' {
  const langs = navigator.languages?.length ? navigator.languages : [navigator.language ?? 'en'];
  for (const l of langs) {
    if (/^ja\b/i.test(l)) return 'ja';
    if (/^en\b/i.test(l)) return 'en';
  }
  return 'en';
}

/** light, dark or auto (the system's); the theme picker shows the choice. */
export function applyTheme(theme: string | null): void {
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
  $<HTMLSelectElement>('theme').value = theme === 'light' || theme === 'dark' ? theme : 'auto';
}

/** The message of a thrown value (`catch (e)` gives unknown). */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The element an event was dispatched to, as the listener's element type. */
export function targetOf<T extends EventTarget = HTMLInputElement>(e: Event): T {
  return e.target as T;
}

/**
 * A drop zone for files: highlighted while files are dragged over it (`.dragging`), and
 * `onFiles` with the dropped files. A drop with no file (dragged text) is left to the browser,
 * so a text box inside the zone still takes it.
 */
export function wireDropZone(zone: HTMLElement, onFiles: (files: File[]) => void): void {
  let depth = 0;
  zone.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types?.includes('Files')) return;
    depth++;
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('dragging');
  });
  zone.addEventListener('dragover', (e) => {
    if (e.dataTransfer?.types?.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  });
  zone.addEventListener('drop', (e) => {
    depth = 0;
    zone.classList.remove('dragging');
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0) return;
    e.preventDefault();
    onFiles(files);
  });
}

/** A file dropped next to a drop zone must not replace the page. */
export function keepPageOnStrayDrop(): void {
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => e.preventDefault());
}
