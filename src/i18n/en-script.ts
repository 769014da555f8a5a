/** English messages of the script feature (spread into en.ts). */
export const enScript = {} as const satisfies Record<string, string>;
