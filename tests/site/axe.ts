/**
 * axe-core (the rules behind Lighthouse's and Chrome's accessibility audits) on a page in Chromium.
 * axe's source is evaluated in the page's main world through the DevTools protocol
 * (`page.evaluate`), which a Content-Security-Policy does not govern: the page keeps its real
 * policy while it is audited, and no script tag is added to it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}
type AxeRun = (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }>;

/**
 * axe's violations on the page (or only inside the elements matching `include`), one line each:
 * rule, impact, help and the first three places. Every rule axe runs by default is checked.
 */
export async function axeViolations(target: Page | Frame, include?: string): Promise<string[]> {
  const loaded = await target.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object');
  if (!loaded) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: AxeRun } }).axe;
    const result = await axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}: ${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
  }, include ?? null);
}
