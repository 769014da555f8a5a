/**
 * Inline SVG charts for the standalone HTML report: no library, no script, nothing fetched.
 * Every label is input data or catalogue text and goes through `esc`.
 */

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

export const PALETTE = ['#c62828', '#ef6c00', '#f9a825', '#2e7d32', '#00838f', '#1565c0', '#6a1b9a', '#5d4037', '#546e7a', '#ad1457'];

export interface Bar {
  label: string;
  value: number;
  color?: string;
}

/** Horizontal bars, one per item, with the value at the end. */
export function horizontalBars(title: string, items: Bar[], emptyText: string): string {
  if (items.length === 0 || items.every((i) => i.value === 0)) return figure(title, `<p class="empty">${esc(emptyText)}</p>`);
  const rowH = 26;
  const labelW = 260;
  const barW = 360;
  const width = labelW + barW + 70;
  const height = items.length * rowH + 10;
  const max = items.reduce((m, i) => Math.max(m, i.value), 1);
  const rows = items.map((item, n) => {
    const y = 5 + n * rowH;
    const w = Math.max(1, Math.round((item.value / max) * barW));
    const label = item.label.length > 40 ? `${item.label.slice(0, 39)}…` : item.label;
    return `<g><title>${esc(`${item.label}: ${item.value}`)}</title><text x="${labelW - 8}" y="${y + 17}" text-anchor="end">${esc(label)}</text><rect x="${labelW}" y="${y + 4}" width="${w}" height="${rowH - 8}" fill="${item.color ?? PALETTE[n % PALETTE.length]}"/><text x="${labelW + w + 6}" y="${y + 17}">${item.value}</text></g>`;
  });
  return figure(
    title,
    `<svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`,
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
  const left = 50;
  const plotH = 200;
  const top = 10;
  const colW = Math.max(4, Math.min(36, Math.floor(720 / columns.length)));
  const width = left + columns.length * colW + 20;
  const height = top + plotH + 60;
  const max = columns.reduce((m, c) => Math.max(m, total(c)), 1);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const labelEvery = Math.ceil(columns.length / 12);
  const bars = columns.map((c, n) => {
    const x = left + n * colW;
    let acc = 0;
    const rects = c.parts.map((p) => {
      const y0 = y(acc + p.value);
      const h = (p.value / max) * plotH;
      acc += p.value;
      return `<rect x="${x + 1}" y="${y0.toFixed(1)}" width="${colW - 2}" height="${Math.max(0.5, h).toFixed(1)}" fill="${colors[p.key] ?? '#999'}"><title>${esc(`${c.label} ${p.key}: ${p.value}`)}</title></rect>`;
    });
    const label =
      n % labelEvery === 0
        ? `<text x="${x + colW / 2}" y="${top + plotH + 14}" text-anchor="end" transform="rotate(-45 ${x + colW / 2} ${top + plotH + 14})">${esc(c.label.slice(5))}</text>`
        : '';
    return `<g>${rects.join('')}${label}</g>`;
  });
  const axis = `<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#666"/><text x="${left - 6}" y="${top + 10}" text-anchor="end">${max}</text><text x="${left - 6}" y="${top + plotH}" text-anchor="end">0</text>`;
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
