/** Ids unique within a build (and so within a page), deterministic so two builds give the same HTML. */
let next = 0;
export const uniqueId = (prefix: string): string => `${prefix}-${(next += 1).toString(36)}`;
