import type { MessageKey, Params } from '../i18n/format.js';

/** A problem with the user's input or arguments: shown as a message, exit code 2. */
export class UserError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
  ) {
    super(key);
    this.name = 'UserError';
  }
}
