import type { enSafety } from './en-safety.js';

/** 入出力と redact の安全確認のメッセージ (ja.ts に展開)。 */
export const jaSafety: Record<keyof typeof enSafety, string> = {
  'cli.error.tooLargeRead':
    '{file}: {limit} MB を超えて読み込んだため、読み込みを止めました。dsregcmd /status の出力としては大きすぎます。ファイルを確認してください。',
  'cli.error.stdoutWrite': '出力を書き込めません: {reason}',
};
