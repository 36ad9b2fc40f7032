/**
 * The deck's rules for a browser without JavaScript (every slide one under the other, notes shown):
 * written inside <noscript> by src/components/deck/DeckPage.astro, and allowed by its hash in the
 * Content-Security-Policy (src/build/content-security-policy.ts), which is why it lives in a module.
 */
export const DECK_NOSCRIPT_STYLE =
  '.reveal .slides > section { position: relative !important; display: block !important; height: auto !important; margin: 0 auto 2rem; border-bottom: 2px solid #1d2733; } .reveal aside.notes { display: block; } .deck-toolbar { position: static; }';
