import type { enScript } from './en-script.js';

/** 日本語のメッセージ (script)。en-script.ts と同じキーをすべて持つこと。 */
export const jaScript: Record<keyof typeof enScript, string> = {};
