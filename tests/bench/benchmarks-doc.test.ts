/**
 * docs/benchmarks.md is written by the benchmarks: a run's section goes first, a marked section
 * replaces the same benchmark's older one, and the rest of the page is kept as it was.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { prependSection, replaceMarkedSection } from '../../scripts/bench/benchmarks-doc.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'pantau-bench-doc-'));
const HEADER = "# Benchmarks\n\nNumbers measured on this project's machines and written by the benchmark scripts themselves; newest first.\n\n";

test('puts a new section first and keeps the older ones, on a page that did not exist yet too', () => {
  const doc = join(tempDir(), 'benchmarks.md');
  prependSection('## Pipeline, run 1\n', doc);
  prependSection('## Pipeline, run 2\n', doc);
  expect(readFileSync(doc, 'utf8')).toBe(`${HEADER}## Pipeline, run 2\n\n## Pipeline, run 1\n\n`);
});

test('replaces a marked section in place, takes "$" in it literally, and adds one that is not there before the first section', () => {
  const doc = join(tempDir(), 'benchmarks.md');
  const marked = (body: string) => `<!-- bench:browser -->\n## Browser\n\n${body}\n<!-- /bench:browser -->\n`;
  writeFileSync(doc, `${HEADER}## Pipeline\n\nold numbers\n\n${marked('first run')}\n## Hostile\n\nkept\n`);
  replaceMarkedSection('browser', marked("second run: $& and $' stay as written"), doc);
  expect(readFileSync(doc, 'utf8')).toBe(`${HEADER}## Pipeline\n\nold numbers\n\n${marked("second run: $& and $' stay as written")}\n## Hostile\n\nkept\n`);
  const xlsx = '<!-- bench:hostile-xlsx -->\n## Hostile XLSX\n<!-- /bench:hostile-xlsx -->\n';
  replaceMarkedSection('hostile-xlsx', xlsx, doc);
  expect(readFileSync(doc, 'utf8').startsWith(`${HEADER}${xlsx}\n## Pipeline\n`)).toBe(true);
});
