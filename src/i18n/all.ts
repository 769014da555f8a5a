import type { MessageKey } from './en.js';
import { en as enCore } from './en.js';
import { enCleanup } from './en-cleanup.js';
import { enFleet } from './en-fleet.js';
import { enLab } from './en-lab.js';
import { enScript } from './en-script.js';
import { enWeb } from './en-web.js';
import { ja as jaCore } from './ja.js';
import { jaCleanup } from './ja-cleanup.js';
import { jaFleet } from './ja-fleet.js';
import { jaLab } from './ja-lab.js';
import { jaReport } from './ja-report.js';
import { jaScript } from './ja-script.js';
import { jaWeb } from './ja-web.js';

// The whole catalogue of each language. Merged with Object.assign, not an object spread: a spread
// of a thousand keys builds a hidden class per key and cost about 100 ms of GC at every start.
// The casts let the compiler check that each language has every key.
type EnParts = typeof enCore & typeof enScript & typeof enWeb & typeof enFleet & typeof enCleanup & typeof enLab;
type JaParts = typeof jaCore & typeof jaReport & typeof jaScript & typeof jaWeb & typeof jaFleet & typeof jaCleanup & typeof jaLab;

/** Every English message. */
export const en: Record<MessageKey, string> = Object.assign({}, enCore, enScript, enWeb, enFleet, enCleanup, enLab) as EnParts;
/** Every Japanese message (the same keys as en: the compiler and a test check it). */
export const ja: Record<MessageKey, string> = Object.assign({}, jaCore, jaReport, jaScript, jaWeb, jaFleet, jaCleanup, jaLab) as JaParts;
