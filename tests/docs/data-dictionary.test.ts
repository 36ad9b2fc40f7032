import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { dataDictionaryMarkdown } from '../../scripts/docs/write-data-dictionary.ts';
import { ROOT } from '../helpers/pipeline-fixture.ts';

it('docs/data-dictionary.md is generated from the current schema (run `npm run docs:dictionary`)', () => {
  expect(readFileSync(join(ROOT, 'docs/data-dictionary.md'), 'utf8')).toBe(dataDictionaryMarkdown());
});
