import type { enFleet } from './en-fleet.js';

/** 日本語のメッセージ (fleet)。en-fleet.ts と同じキーをすべて持つこと。 */
export const jaFleet: Record<keyof typeof enFleet, string> = {};
