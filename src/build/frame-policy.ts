/**
 * Which pages other sites may put in an <iframe>: the chart embeds (/embed/<chart>/ and
 * /en/embed/<chart>/) and nothing else. The server configuration (CSP `frame-ancestors`, see
 * src/build/static-server.ts and deploy/) asks `frameAncestors(path)` for each response:
 * `*` for an embed, `'self'` for every other page. Node only.
 */
export const EMBED_PATH_PREFIXES = ['/embed/', '/en/embed/'] as const;

/** True for a site path (before the base) that is an embed page. */
export const isEmbedPath = (path: string): boolean => EMBED_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));

/** The CSP frame-ancestors source list for a site path. */
export const frameAncestors = (path: string): string => (isEmbedPath(path) ? '*' : "'self'");
