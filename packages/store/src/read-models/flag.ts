/** SQLite has no boolean: the *_met columns hold 1 or 0, and NULL where there was no target. */
export const toFlag = (b: boolean | null): 0 | 1 | null => (b === null ? null : b ? 1 : 0);
