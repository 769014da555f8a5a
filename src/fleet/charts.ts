/**
 * Inline SVG charts for the standalone HTML report: no library, no script, nothing fetched.
 * Every label is input data or catalogue text and goes through `esc`. The geometry is
 * chart-layout.ts, which the Fleet view's charts (web-src/charts.ts) use too.
 */
import { BAR, type BarRow, barLayout, COLUMN, clipLabel, columnLayout } from './chart-layout.js';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export const PALETTE = ['#c62828', '#ef6c00', '#f9a825', '#2e7d32', '#00838f', '#1565c0', '#6a1b9a', '#5d4037', '#546e7a', '#ad1457'];

export interface Bar {
  label: string;
  value: number;
  color?: string;
}

/** Horizontal bars, one per item, with the value at the end (geometry: chart-layout.ts, as the page draws them). */
export function horizontalBars(title: string, items: Bar[], emptyText: string): string {
  if (items.length === 0 || items.every((i) => i.value === 0)) return figure(title, `<p class="empty">${esc(emptyText)}</p>`);
  const { width, height, rows } = barLayout(items.map((i) => i.value));
  const bars = items.map((item, n) => {
    const row = rows[n] as BarRow;
    return `<g><title>${esc(`${item.label}: ${item.value}`)}</title><text x="${BAR.labelW - 8}" y="${row.textY}" text-anchor="end">${esc(clipLabel(item.label))}</text><rect x="${BAR.labelW}" y="${row.y + 5}" width="${row.w}" height="${BAR.rowH - 10}" rx="2" fill="${item.color ?? PALETTE[n % PALETTE.length]}"/><text x="${row.valueX}" y="${row.textY}">${item.value}</text></g>`;
  });
  return figure(
    title,
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${bars.join('')}</svg>`,
  );
}

export interface Column {
  label: string;
  parts: { key: string; value: number }[];
}

/** Stacked columns (failures per day by error code), with a legend. */
export function stackedColumns(title: string, columns: Column[], colors: Record<string, string>, emptyText: string): string {
  const total = (c: Column) => c.parts.reduce((n, p) => n + p.value, 0);
  if (columns.length === 0) return figure(title, `<p class="empty">${esc(emptyText)}</p>`);
  const plot = columnLayout(columns.map(total));
  const { width, height, max, colW, axisY, labelEvery, y } = plot;
  const bars = columns.map((c, n) => {
    const x = plot.x(n);
    let acc = 0;
    const rects = c.parts.map((p) => {
      const y0 = y(acc + p.value);
      acc += p.value;
      return `<rect x="${x + 1}" y="${y0.toFixed(1)}" width="${Math.max(1, colW - 2)}" height="${plot.h(p.value).toFixed(1)}" fill="${colors[p.key] ?? '#999'}"><title>${esc(`${c.label} ${p.key}: ${p.value}`)}</title></rect>`;
    });
    const lx = x + colW / 2;
    const ly = axisY + 14;
    const label =
      n % labelEvery === 0
        ? `<text x="${lx}" y="${ly}" text-anchor="end" transform="rotate(${COLUMN.labelAngle} ${lx} ${ly})">${esc(c.label.slice(5))}</text>`
        : '';
    return `<g>${rects.join('')}${label}</g>`;
  });
  const grid = [0, Math.round(max / 2), max].map(
    (v) =>
      `<line x1="${COLUMN.left}" y1="${y(v).toFixed(1)}" x2="${width - 8}" y2="${y(v).toFixed(1)}" stroke="${v === 0 ? '#666' : '#ddd'}"/><text x="${COLUMN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`,
  );
  const axis = grid.join('');
  const keys = [...new Set(columns.flatMap((c) => c.parts.map((p) => p.key)))];
  const legend = keys.map((k) => `<span class="key"><span class="swatch" style="background:${colors[k] ?? '#999'}"></span>${esc(k)}</span>`).join(' ');
  return figure(
    title,
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${axis}${bars.join('')}</svg><div class="legend">${legend}</div>`,
  );
}

function figure(title: string, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption>${body}</figure>`;
}
