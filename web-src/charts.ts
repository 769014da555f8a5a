// Inline SVG charts for the Fleet view, built node by node (no markup strings, no library): every
// label is set as text. Colours come from CSS classes (.s0 … .s9), so both themes apply and the
// Content-Security-Policy needs no inline style.
import { BAR, barLayout, COLUMN, clipLabel, columnLayout } from '../src/fleet/chart-layout.js';
import { h, s } from './dom.js';

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
  const { width, height, rows } = barLayout(shown.map((i) => i.value));
  const svg = s('svg', {
    class: 'bars',
    viewBox: `0 0 ${width} ${height}`,
    width: String(width),
    height: String(height),
    role: onSelect ? 'group' : 'img',
    'aria-label': title,
  });
  shown.forEach((item, n) => {
    const row = rows[n];
    if (!row) return;
    const { y, w } = row;
    const text = clipLabel(item.label, BAR.labelW - 14);
    const g = s(
      'g',
      { class: `bar${onSelect ? ' link' : ''}${selected === item.key ? ' on' : ''}`, 'data-key': item.key },
      s('title', { text: `${item.label}: ${item.value}` }),
      s('rect', { class: 'hit', x: '0', y: String(y), width: String(width), height: String(BAR.rowH) }),
      s('text', { class: 'label', x: String(BAR.labelW - 8), y: String(row.textY), 'text-anchor': 'end', text }),
      s('rect', { class: `s${item.color ?? n % 10}`, x: String(BAR.labelW), y: String(y + 5), width: String(w), height: String(BAR.rowH - 10), rx: '2' }),
      s('text', { class: 'value', x: String(row.valueX), y: String(row.textY), text: String(item.value) }),
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
  const { width, height, max, colW, labelEvery, y, x: colX, h: partH, axisY } = columnLayout(columns.map(total));
  const left = COLUMN.left;
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
    const x = colX(n);
    const g = s('g', { class: 'col' }, s('title', { text: columnLabel(c) }));
    let acc = 0;
    for (const p of c.parts) {
      if (p.value <= 0) continue;
      const y0 = y(acc + p.value);
      const hgt = partH(p.value);
      acc += p.value;
      g.append(
        s('rect', { class: `s${colors[p.key] ?? 9}`, x: String(x + 1), y: y0.toFixed(1), width: String(Math.max(1, colW - 2)), height: hgt.toFixed(1) }),
      );
    }
    if (n % labelEvery === 0) {
      const lx = x + colW / 2;
      const ly = axisY + 14;
      g.append(
        s('text', {
          class: 'tick',
          x: String(lx),
          y: String(ly),
          'text-anchor': 'end',
          transform: `rotate(${COLUMN.labelAngle} ${lx} ${ly})`,
          text: c.label.slice(5),
        }),
      );
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
