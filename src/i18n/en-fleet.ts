/** English messages of the fleet feature (spread into en.ts). */
export const enFleet = {} as const satisfies Record<string, string>;
