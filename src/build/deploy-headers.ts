/**
 * The `_headers` file of Netlify and Cloudflare Pages, from the same modules as the preview
 * server's headers (src/build/response-headers.ts, src/build/content-security-policy.ts), so the
 * two never disagree. Written into dist/ by src/build/integrations/deploy-headers.ts.
 *
 * A request inherits the headers of every rule its path matches, so the embeds' and the explorer's
 * rules first detach the site-wide policy (`! Content-Security-Policy`, Cloudflare Pages' syntax) and then sends its
 * own, with `frame-ancestors *`. Cache-Control is set once per path (the /_astro/ rule detaches
 * the site-wide `no-cache`).
 */
import { contentSecurityPolicy, EVAL_PATH_PREFIXES } from './content-security-policy.ts';
import { EMBED_PATH_PREFIXES } from './frame-policy.ts';
import { FINGERPRINTED_PREFIX, IMMUTABLE, REVALIDATE } from './response-headers.ts';

export const HEADERS_FILE = '_headers';

/** One rule: a path pattern, the headers it detaches, the headers it sets. */
export interface HeaderRule {
  pattern: string;
  detach: string[];
  headers: Array<[string, string]>;
}

/** Any page path (for the policy of the site-wide rule). */
const SITE_PATH = '/';

export function headerRules(): HeaderRule[] {
  return [
    {
      pattern: '/*',
      detach: [],
      headers: [
        ['Content-Security-Policy', contentSecurityPolicy(SITE_PATH)],
        ['X-Content-Type-Options', 'nosniff'],
        ['Cache-Control', REVALIDATE],
      ],
    },
    { pattern: `${FINGERPRINTED_PREFIX}*`, detach: ['Cache-Control'], headers: [['Cache-Control', IMMUTABLE]] },
    ...[...EMBED_PATH_PREFIXES, ...EVAL_PATH_PREFIXES].map((prefix): HeaderRule => ({
      pattern: `${prefix}*`,
      detach: ['Content-Security-Policy'],
      headers: [['Content-Security-Policy', contentSecurityPolicy(prefix)]],
    })),
  ];
}

export function headersFile(rules: readonly HeaderRule[] = headerRules()): string {
  const blocks = rules.map((rule) =>
    [rule.pattern, ...rule.detach.map((name) => `  ! ${name}`), ...rule.headers.map(([name, value]) => `  ${name}: ${value}`)].join('\n'),
  );
  return `# Written by the build (src/build/deploy-headers.ts): change that module, not this file.\n${blocks.join('\n\n')}\n`;
}
