/**
 * The size reveal.js lays every rakor deck out at (src/client/deck-presenter.ts), shared with the
 * Content-Security-Policy (src/build/content-security-policy.ts): reveal's PDF print mode writes two
 * <style> elements whose text depends on this size only, and the policy allows them by their hash.
 */
export const DECK_SIZE = { width: 1280, height: 720, margin: 0.04 } as const;
