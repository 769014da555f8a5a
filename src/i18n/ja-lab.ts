import type { enLab } from './en-lab.js';

/** 日本語のメッセージ (lab)。en-lab.ts と同じキーをすべて持つこと。 */
export const jaLab: Record<keyof typeof enLab, string> = {};
