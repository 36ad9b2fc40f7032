/**
 * Zod without its JIT: on first use zod probes `Function('')` to see whether it may compile
 * parsers, and the site's Content-Security-Policy (src/build/content-security-policy.ts) refuses
 * eval, so the probe is a reported violation on every page that parses a schema in the browser.
 * Imported by the schemas the browser uses; the interpreted parsers are fast enough for a manifest.
 */
import { z } from 'zod';

z.config({ jitless: true });
