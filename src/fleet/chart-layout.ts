/**
 * The geometry of the fleet charts, shared by the two renderers: the HTML report's SVG markup
 * (src/fleet/charts.ts) and the Fleet view's SVG nodes (web-src/charts.ts, which bundles this
 * module). One set of sizes, so a chart looks the same in the page and in the saved report. Pure:
 * numbers in, numbers out; no DOM, no markup, nothing from node:.
 */

/** Horizontal bars: row height, label column, longest bar, room for the value after it. */
export const BAR = { rowH: 28, labelW: 250, barW: 300, valueW: 64, pad: 3 } as const;

/** Stacked columns: plot area, column width bounds, how many date labels fit under the axis. */
export const COLUMN = { left: 46, top: 12, plotH: 190, bottom: 54, right: 16, span: 900, minColW: 6, maxColW: 72, labels: 14, labelAngle: -40 } as const;

export interface BarRow {
  /** Top of the row. */
  y: number;
  /** Bar length (at least 2 px, so a 1 next to a 1000 still shows). */
  w: number;
  /** Baseline of the label and the value. */
  textY: number;
  /** Where the value's text starts. */
  valueX: number;
}

export interface BarLayout {
  width: number;
  height: number;
  rows: BarRow[];
}

/** Where each bar goes; `values` are the bars shown (zeros already left out by the caller). */
export function barLayout(values: readonly number[]): BarLayout {
  const max = values.reduce((m, v) => Math.max(m, v), 1);
  const rows = values.map((value, n) => {
    const y = BAR.pad + n * BAR.rowH;
    const w = Math.max(2, Math.round((value / max) * BAR.barW));
    return { y, w, textY: y + 18, valueX: BAR.labelW + w + 6 };
  });
  return { width: BAR.labelW + BAR.barW + BAR.valueW, height: values.length * BAR.rowH + 2 * BAR.pad, rows };
}

export interface ColumnLayout {
  width: number;
  height: number;
  colW: number;
  max: number;
  /** The baseline of the plot (value 0). */
  axisY: number;
  /** Every `labelEvery`-th column gets its date under the axis. */
  labelEvery: number;
  /** y of a value. */
  y: (value: number) => number;
  /** Left edge of column n. */
  x: (n: number) => number;
  /** Height of a part, at least 1 px. */
  h: (value: number) => number;
}

/** The plot of stacked columns, from each column's total. */
export function columnLayout(totals: readonly number[]): ColumnLayout {
  const colW = Math.max(COLUMN.minColW, Math.min(COLUMN.maxColW, Math.floor(COLUMN.span / Math.max(1, totals.length))));
  const max = totals.reduce((m, v) => Math.max(m, v), 1);
  const y = (v: number) => COLUMN.top + COLUMN.plotH - (v / max) * COLUMN.plotH;
  return {
    width: COLUMN.left + totals.length * colW + COLUMN.right,
    height: COLUMN.top + COLUMN.plotH + COLUMN.bottom,
    colW,
    max,
    axisY: COLUMN.top + COLUMN.plotH,
    labelEvery: Math.ceil(totals.length / COLUMN.labels),
    y,
    x: (n) => COLUMN.left + n * colW,
    h: (v) => Math.max(1, (v / max) * COLUMN.plotH),
  };
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** A label cut to about `px` pixels at 12px: CJK characters are twice as wide as Latin ones. */
export function clipLabel(label: string, px: number = BAR.labelW - 14): string {
  let w = 0;
  let out = '';
  for (const ch of label) {
    const cw = WIDE.test(ch) ? 12 : 6.8;
    if (w + cw > px) return `${out}…`;
    w += cw;
    out += ch;
  }
  return out;
}
