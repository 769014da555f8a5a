import type { enWeb } from './en-web.js';

/** 日本語のメッセージ (web)。en-web.ts と同じキーをすべて持つこと。 */
export const jaWeb: Record<keyof typeof enWeb, string> = {};
