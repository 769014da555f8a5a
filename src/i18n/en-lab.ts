/** English messages of the lab feature (spread into en.ts). */
export const enLab = {} as const satisfies Record<string, string>;
