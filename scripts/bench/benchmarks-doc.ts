/**
 * docs/benchmarks.md, written by the benchmarks themselves: a run's section goes in newest first
 * (`prependSection`), or replaces the section of the same benchmark, marked by HTML comments
 * (`replaceMarkedSection`), so that one benchmark's numbers are always its latest.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** docs/benchmarks.md of this checkout (a test writes another file). */
export const BENCHMARKS_DOC = join(resolve(import.meta.dirname, '../..'), 'docs/benchmarks.md');
const HEADER = '# Benchmarks\n\nNumbers measured on this project\'s machines and written by the benchmark scripts themselves; newest first.\n\n';

/** Puts `section` first, under the page's header. */
export function prependSection(section: string, doc = BENCHMARKS_DOC): void {
  const previous = existsSync(doc) ? readFileSync(doc, 'utf8').replace(HEADER, '') : '';
  writeFileSync(doc, HEADER + section + '\n' + previous);
}

/**
 * Replaces the section between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->\n` (which
 * `section` must hold itself), or puts it before the first section when there is none yet.
 */
export function replaceMarkedSection(name: string, section: string, doc = BENCHMARKS_DOC): void {
  const text = readFileSync(doc, 'utf8');
  const existing = new RegExp(`<!-- bench:${name} -->[\\s\\S]*?<!-- /bench:${name} -->\\n`);
  writeFileSync(doc, existing.test(text) ? text.replace(existing, () => section) : text.replace(/\n## /, () => `\n${section}\n## `));
}
