// The source article's decision flow as inline SVG: which registration state leads to which remedy,
// then the "still failing" stage (AAD\Storage key) and support. The device's path comes from the
// diagnosis (plan.branch, the plan's step ids, the findings); the other branches are greyed.
import type { DiagnosisDocument } from '../src/contract/diagnosis.js';
import type { StepId } from '../src/contract/steps.js';
import { s } from './dom.js';

const BOX_W = 140;
const PITCH = 162;
const LEFT = 20;
const WIDTH = LEFT * 2 + PITCH * 5 + BOX_W;
const ROWS = [
  { y: 14, h: 50 },
  { y: 94, h: 40 },
  { y: 164, h: 70 },
  { y: 266, h: 70 },
  { y: 372, h: 56 },
  { y: 458, h: 48 },
  { y: 536, h: 40 },
];
const HEIGHT = 590;

interface FlowNode {
  id: string;
  cols: [number, number];
  row: number;
  key: string;
  kind: 'start' | 'check' | 'cond' | 'act';
  steps?: StepId[];
}

/** What the diagram reads of a diagnosis (`diagnose --format json`). */
export type FlowDiagnosis = Pick<DiagnosisDocument, 'plan' | 'findings'>;

export interface FlowPath {
  branch: string;
  nodes: Set<string>;
  edges: Set<string>;
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

/** Boxes: [first column, last column], row, catalogue key, the plan steps they stand for. */
const NODES: FlowNode[] = [
  { id: 'start700003', cols: [0, 4], row: 0, key: 'web.flow.start700003', kind: 'start' },
  { id: 'start135011', cols: [5, 5], row: 0, key: 'web.flow.start135011', kind: 'start' },
  { id: 'status', cols: [0, 4], row: 1, key: 'web.flow.status', kind: 'check' },
  { id: 'condRegistered', cols: [0, 0], row: 2, key: 'web.flow.condRegistered', kind: 'cond' },
  { id: 'condJoined', cols: [1, 1], row: 2, key: 'web.flow.condJoined', kind: 'cond' },
  { id: 'condHybrid', cols: [2, 2], row: 2, key: 'web.flow.condHybrid', kind: 'cond' },
  { id: 'condAllNo', cols: [3, 3], row: 2, key: 'web.flow.condAllNo', kind: 'cond' },
  { id: 'condOther', cols: [4, 4], row: 2, key: 'web.flow.condOther', kind: 'cond' },
  { id: 'actEnable', cols: [5, 5], row: 2, key: 'web.flow.actEnable', kind: 'act', steps: ['enable-device-object'] },
  { id: 'actDisconnect', cols: [0, 0], row: 3, key: 'web.flow.actDisconnect', kind: 'act', steps: ['disconnect-work-account', 'reconnect-work-account'] },
  { id: 'actForcerecovery', cols: [1, 1], row: 3, key: 'web.flow.actForcerecovery', kind: 'act', steps: ['forcerecovery'] },
  { id: 'actLeave', cols: [2, 2], row: 3, key: 'web.flow.actLeave', kind: 'act', steps: ['leave-and-reboot', 'check-auto-registration-policy'] },
  { id: 'actCollect', cols: [4, 4], row: 3, key: 'web.flow.actCollect', kind: 'act', steps: ['collect-full-status'] },
  { id: 'actRefresh', cols: [5, 5], row: 3, key: 'web.flow.actRefresh', kind: 'act', steps: ['refresh-prt'] },
  { id: 'stillFailing', cols: [0, 2], row: 4, key: 'web.flow.stillFailing', kind: 'check' },
  { id: 'registry', cols: [0, 4], row: 5, key: 'web.flow.registry', kind: 'act', steps: ['clear-aad-storage-key'] },
  { id: 'support', cols: [0, 4], row: 6, key: 'web.flow.support', kind: 'act', steps: ['contact-support'] },
];
const BY_ID = new Map(NODES.map((n) => [n.id, n]));

const EDGES: [string, string, 'dual'?][] = [
  ['start700003', 'status'],
  ['status', 'condRegistered'],
  ['status', 'condJoined'],
  ['status', 'condHybrid'],
  ['status', 'condAllNo'],
  ['status', 'condOther'],
  ['condRegistered', 'actDisconnect'],
  ['condJoined', 'actForcerecovery'],
  ['condHybrid', 'actLeave'],
  ['condOther', 'actCollect'],
  ['actDisconnect', 'stillFailing'],
  ['actForcerecovery', 'stillFailing'],
  ['actLeave', 'stillFailing'],
  ['stillFailing', 'registry'],
  ['condAllNo', 'registry'],
  ['actCollect', 'registry'],
  ['registry', 'support'],
  ['start135011', 'actEnable'],
  ['actEnable', 'actRefresh'],
  // dual state: the extra registration goes first, then the join's own remedy
  ['actDisconnect', 'actForcerecovery', 'dual'],
  ['actDisconnect', 'actLeave', 'dual'],
];

const START = ['start700003', 'status'];
const FALLBACK = ['registry', 'support'];
/** The article's path for each plan branch, as chains of boxes (each chain's neighbours are edges). */
const PATHS: Record<string, string[][]> = {
  registered: [[...START, 'condRegistered', 'actDisconnect', 'stillFailing', ...FALLBACK]],
  joined: [[...START, 'condJoined', 'actForcerecovery', 'stillFailing', ...FALLBACK]],
  hybrid: [[...START, 'condHybrid', 'actLeave', 'stillFailing', ...FALLBACK]],
  'dual-state-joined': [
    [...START, 'condRegistered', 'actDisconnect', 'actForcerecovery', 'stillFailing', ...FALLBACK],
    ['status', 'condJoined', 'actForcerecovery'],
  ],
  'dual-state-hybrid': [
    [...START, 'condRegistered', 'actDisconnect', 'actLeave', 'stillFailing', ...FALLBACK],
    ['status', 'condHybrid', 'actLeave'],
  ],
  'all-no': [[...START, 'condAllNo', ...FALLBACK]],
  drs: [[...START, 'condOther'], FALLBACK],
  unknown: [[...START, 'condOther', 'actCollect', ...FALLBACK]],
  disabled: [['start135011', 'actEnable', 'actRefresh']],
  none: [],
};

function box(node: FlowNode | undefined) {
  if (!node) throw new Error('flow: an edge names a box that does not exist');
  const [a, b] = node.cols;
  const row = ROWS[node.row];
  if (!row) throw new Error(`flow: box ${node.id} is on row ${node.row}, which does not exist`);
  const x = LEFT + a * PITCH;
  const w = (b - a) * PITCH + BOX_W;
  return { x, y: row.y, w, h: row.h, cx: x + w / 2 };
}

/** Character width in "half-width" units: CJK and full-width forms count double. */
function units(ch: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
}

const NO_BREAK_BEFORE = /^[)\]}、。，．,.:;!?）」』】ー・]/;
const NO_BREAK_AFTER = /[([{（「『【]$/;

/** Wrap a label to lines of at most `max` units: at spaces for Latin text, anywhere for CJK. */
export function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const tokens = text.match(/[\u2e80-\ua4cf\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\ua4cf\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? [];
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== '') {
        line += ' ';
        width += 1;
      }
      continue;
    }
    const w = [...token].reduce((n, ch) => n + units(ch), 0);
    // closing punctuation stays on the line it closes; a line does not end in an opening one
    const glued = NO_BREAK_BEFORE.test(token) || NO_BREAK_AFTER.test(line);
    if (width + w > max && line.trim() !== '' && !glued) {
      lines.push(line.trimEnd());
      line = '';
      width = 0;
    }
    if (w > max) {
      // a token longer than a line (a long key or URL): cut it
      for (const ch of token) {
        if (width + units(ch) > max) {
          lines.push(line);
          line = '';
          width = 0;
        }
        line += ch;
        width += units(ch);
      }
      continue;
    }
    line += token;
    width += w;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

/**
 * Which boxes and edges this diagnosis lights up. Boxes that stand for plan steps light up only
 * when the plan has one of their steps; the 700003 start only when the deletion was found.
 */
export function flowPath(result: FlowDiagnosis): FlowPath {
  const branch = result.plan.branch;
  const steps = new Set(result.plan.steps.map((st) => st.id));
  const findings = new Set(result.findings.map((f) => f.id));
  const keep = (id: string) => {
    const node = BY_ID.get(id);
    if (!node) return false;
    if (id === 'start700003' && !findings.has('device-object-missing')) return false;
    if (id === 'start135011' && !findings.has('device-object-disabled')) return false;
    return !node.steps || node.steps.some((st) => steps.has(st));
  };
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const chain of PATHS[branch] ?? []) {
    const kept = chain.filter(keep);
    for (const id of kept) nodes.add(id);
    for (let i = 1; i < kept.length; i++) edges.add(`${kept[i - 1]}>${kept[i]}`);
  }
  return { branch, nodes, edges };
}

/** The ordered labels of the lit boxes, for the caption (the diagram in words). */
export function pathLabels(path: FlowPath, t: Translate): string[] {
  return NODES.filter((n) => path.nodes.has(n.id))
    .sort((a, b) => a.row - b.row || a.cols[0] - b.cols[0])
    .map((n) => t(n.key));
}

/**
 * Build the SVG. `onJump(stepId)` is called when a lit box with a plan step is chosen (click,
 * Enter or Space).
 */
export function renderFlow(result: FlowDiagnosis, t: Translate, onJump: (stepId: string) => void): { svg: SVGElement; path: FlowPath } {
  const path = flowPath(result);
  const planSteps = new Map(result.plan.steps.map((st) => [st.id, st]));
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    class: 'flow-svg',
    role: 'group',
    'aria-label': t('web.flow.label'),
    'data-branch': path.branch,
  });
  const defs = s('defs', {});
  for (const kind of ['on', 'off']) {
    defs.append(
      s(
        'marker',
        {
          id: `arrow-${kind}`,
          class: `arrow-${kind}`,
          viewBox: '0 0 10 10',
          refX: '9',
          refY: '5',
          markerWidth: '9',
          markerHeight: '9',
          markerUnits: 'userSpaceOnUse',
          orient: 'auto-start-reverse',
        },
        s('path', { d: 'M0,0 L10,5 L0,10 z' }),
      ),
    );
  }
  svg.append(defs);

  const edgeLayer = s('g', { class: 'edges' });
  for (const [from, to, kind] of EDGES) {
    const a = box(BY_ID.get(from));
    const b = box(BY_ID.get(to));
    const on = path.edges.has(`${from}>${to}`);
    let d: string;
    if (kind === 'dual' && b.y === a.y) {
      if (to === 'actForcerecovery') d = `M${a.x + a.w},${a.y + a.h / 2} L${b.x},${b.y + b.h / 2}`;
      else d = `M${a.cx},${a.y + a.h} L${a.cx},${a.y + a.h + 14} L${b.cx},${a.y + a.h + 14} L${b.cx},${b.y + b.h}`;
    } else {
      // vertical: at the narrower box's centre
      const x = a.w <= b.w ? a.cx : b.cx;
      d = `M${x},${a.y + a.h} L${x},${b.y}`;
    }
    const edge = s('path', {
      d,
      class: `edge ${on ? 'on' : 'off'}${kind === 'dual' ? ' dual' : ''}`,
      'marker-end': `url(#arrow-${on ? 'on' : 'off'})`,
      'data-edge': `${from}>${to}`,
    });
    if (kind === 'dual') edge.append(s('title', { text: t('web.flow.dual') }));
    edgeLayer.append(edge);
  }
  svg.append(edgeLayer);

  for (const node of NODES) {
    const b = box(node);
    const on = path.nodes.has(node.id);
    const step = on ? node.steps?.map((id) => planSteps.get(id)).find(Boolean) : undefined;
    const label = t(node.key);
    const g = s('g', { class: `node ${node.kind} ${on ? 'on' : 'off'}`, 'data-node': node.id });
    if (step) {
      g.setAttribute('role', 'button');
      g.setAttribute('tabindex', '0');
      g.setAttribute('aria-label', `${label}. ${t('web.flow.jump', { title: step.title })}`);
      g.classList.add('link');
      const go = () => onJump(step.id);
      g.addEventListener('click', go);
      g.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          go();
        }
      });
    }
    g.append(s('title', { text: step ? t('web.flow.jump', { title: step.title }) : label }));
    g.append(s('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: node.kind === 'cond' ? 14 : 6 }));
    let size = 12;
    let lines = wrap(label, Math.floor((b.w - 12) / 7));
    const maxLines = Math.floor((b.h - 6) / 14);
    if (lines.length > maxLines) {
      size = 10.5;
      lines = wrap(label, Math.floor((b.w - 10) / 6.1));
    }
    const lh = size + 2;
    const top = b.y + b.h / 2 - ((lines.length - 1) * lh) / 2;
    const text = s('text', { x: b.cx, y: top, 'font-size': size, 'text-anchor': 'middle', 'dominant-baseline': 'middle' });
    lines.forEach((line, i) => {
      text.append(s('tspan', { x: b.cx, y: top + i * lh, text: line }));
    });
    g.append(text);
    svg.append(g);
  }
  return { svg, path };
}
