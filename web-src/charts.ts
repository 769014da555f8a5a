// Inline SVG charts for the Fleet view, built node by node (no markup strings, no library): every
// label is set as text. Colours come from CSS classes (.s0 … .s9), so both themes apply and the
// Content-Security-Policy needs no inline style.
import { h, s } from './dom.js';

/** A label cut to about `px` pixels at 12px: CJK characters are twice as wide as Latin ones. */
function clipLabel(label: string, px: number): string {
  let w = 0;
  let out = '';
  for (const ch of label) {
    const cw = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 12 : 6.8;
    if (w + cw > px) return `${out}…`;
    w += cw;
    out += ch;
  }
  return out;
}

/** Horizontal bars, one per item. With `onSelect`, each bar is a button (Enter / Space / click). */
export interface BarItem {
  key: string;
  label: string;
  value: number;
  /** Colour index 0–9 (CSS .s0 … .s9); default: the bar's position. */
  color?: number;
}

export interface BarChartOptions {
  title: string;
  items: BarItem[];
  emptyText: string;
  /** Bars become buttons: called with the item's key. */
  onSelect?: (key: string) => void;
  selected?: string;
  /** The accessible name of a bar button. */
  label?: (item: BarItem) => string;
}

export interface Column {
  label: string;
  parts: { key: string; value: number }[];
}

export interface ColumnChartOptions {
  title: string;
  columns: Column[];
  colors: Record<string, number>;
  emptyText: string;
  columnLabel: (column: Column) => string;
}

export function barChart({ title, items, emptyText, onSelect, selected, label }: BarChartOptions): HTMLElement {
  const fig = h('figure', { class: 'chart' }, h('figcaption', { text: title }));
  const shown = items.filter((i) => i.value > 0);
  if (shown.length === 0) {
    fig.append(h('p', { class: 'muted small', text: emptyText }));
    return fig;
  }
  const rowH = 28;
  const labelW = 250;
  const barW = 300;
  const width = labelW + barW + 64;
  const height = shown.length * rowH + 6;
  const max = shown.reduce((m, i) => Math.max(m, i.value), 1);
  const svg = s('svg', {
    class: 'bars',
    viewBox: `0 0 ${width} ${height}`,
    width: String(width),
    height: String(height),
    role: onSelect ? 'group' : 'img',
    'aria-label': title,
  });
  shown.forEach((item, n) => {
    const y = 3 + n * rowH;
    const w = Math.max(2, Math.round((item.value / max) * barW));
    const text = clipLabel(item.label, labelW - 14);
    const g = s(
      'g',
      { class: `bar${onSelect ? ' link' : ''}${selected === item.key ? ' on' : ''}`, 'data-key': item.key },
      s('title', { text: `${item.label}: ${item.value}` }),
      s('rect', { class: 'hit', x: '0', y: String(y), width: String(width), height: String(rowH) }),
      s('text', { class: 'label', x: String(labelW - 8), y: String(y + 18), 'text-anchor': 'end', text }),
      s('rect', { class: `s${item.color ?? n % 10}`, x: String(labelW), y: String(y + 5), width: String(w), height: String(rowH - 10), rx: '2' }),
      s('text', { class: 'value', x: String(labelW + w + 6), y: String(y + 18), text: String(item.value) }),
    );
    if (onSelect) {
      g.setAttribute('tabindex', '0');
      g.setAttribute('role', 'button');
      g.setAttribute('aria-pressed', String(selected === item.key));
      g.setAttribute('aria-label', label ? label(item) : item.label);
      g.addEventListener('click', () => onSelect(item.key));
      g.addEventListener('keydown', (e: Event) => {
        if (!(e instanceof KeyboardEvent)) return;
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect(item.key);
        }
      });
    }
    svg.append(g);
  });
  fig.append(h('div', { class: 'chart-box' }, svg));
  return fig;
}

/**
 * Stacked columns: one per day, one colour per error code, with a legend. `columns` are
 * `{ label, parts: [{ key, value }] }`, `colors` maps a key to its colour index.
 */
export function columnChart({ title, columns, colors, emptyText, columnLabel }: ColumnChartOptions): HTMLElement {
  const fig = h('figure', { class: 'chart wide' }, h('figcaption', { text: title }));
  if (columns.length === 0) {
    fig.append(h('p', { class: 'muted small', text: emptyText }));
    return fig;
  }
  const total = (c: Column) => c.parts.reduce((n, p) => n + p.value, 0);
  const left = 46;
  const top = 12;
  const plotH = 190;
  const colW = Math.max(6, Math.min(72, Math.floor(900 / columns.length)));
  const width = left + columns.length * colW + 16;
  const height = top + plotH + 54;
  const max = columns.reduce((m, c) => Math.max(m, total(c)), 1);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(columns.length / 14);
  const svg = s('svg', { class: 'columns', viewBox: `0 0 ${width} ${height}`, width: String(width), height: String(height), role: 'img', 'aria-label': title });
  // grid: 0, half, max
  for (const v of [0, Math.round(max / 2), max]) {
    if (v === 0 && max === 0) continue;
    svg.append(
      s('line', { class: v === 0 ? 'axis' : 'grid', x1: String(left), x2: String(width - 8), y1: y(v).toFixed(1), y2: y(v).toFixed(1) }),
      s('text', { class: 'tick', x: String(left - 6), y: (y(v) + 4).toFixed(1), 'text-anchor': 'end', text: String(v) }),
    );
  }
  columns.forEach((c, n) => {
    const x = left + n * colW;
    const g = s('g', { class: 'col' }, s('title', { text: columnLabel(c) }));
    let acc = 0;
    for (const p of c.parts) {
      if (p.value <= 0) continue;
      const y0 = y(acc + p.value);
      const hgt = Math.max(1, (p.value / max) * plotH);
      acc += p.value;
      g.append(
        s('rect', { class: `s${colors[p.key] ?? 9}`, x: String(x + 1), y: y0.toFixed(1), width: String(Math.max(1, colW - 2)), height: hgt.toFixed(1) }),
      );
    }
    if (n % labelEvery === 0) {
      const lx = x + colW / 2;
      const ly = top + plotH + 14;
      g.append(s('text', { class: 'tick', x: String(lx), y: String(ly), 'text-anchor': 'end', transform: `rotate(-40 ${lx} ${ly})`, text: c.label.slice(5) }));
    }
    svg.append(g);
  });
  const keys = [...new Set(columns.flatMap((c) => c.parts.map((p) => p.key)))].sort((a, b) => (colors[a] ?? 9) - (colors[b] ?? 9));
  const legend = h(
    'ul',
    { class: 'legend' },
    ...keys.map((k) =>
      h(
        'li',
        {},
        s(
          'svg',
          { class: 'swatch', viewBox: '0 0 10 10', width: '10', height: '10', 'aria-hidden': 'true' },
          s('rect', { class: `s${colors[k] ?? 9}`, width: '10', height: '10' }),
        ),
        k,
      ),
    ),
  );
  fig.append(h('div', { class: 'chart-box' }, svg), legend);
  return fig;
}
