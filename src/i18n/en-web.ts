/** English messages of the web feature (spread into en.ts). */
export const enWeb = {} as const satisfies Record<string, string>;
