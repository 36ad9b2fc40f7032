/** The committed sample is exactly what the seeded generator writes, and it meets its calibration targets. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SNAPSHOTS } from '../../scripts/sample/calibration.ts';
import { ROOT, tempDir } from '../helpers/pipeline-fixture.ts';

const tsx = join(ROOT, 'node_modules/.bin/tsx');

it('regenerates the committed sample snapshots byte for byte, whatever other snapshot folders are there', () => {
  const root = tempDir();
  mkdirSync(join(root, 'data'));
  cpSync(join(ROOT, 'data/reference'), join(root, 'data/reference'), { recursive: true });
  execFileSync(tsx, [join(ROOT, 'scripts/sample/generate-sample-snapshots.ts'), '--root', root], { encoding: 'utf8' });
  const committed = join(ROOT, 'data/snapshots');
  // the sample is the generator's own dates: an analyst's snapshot folder beside them is not its business
  const dates = SNAPSHOTS.map((s) => s.date);
  expect(readdirSync(join(root, 'data/snapshots')).sort()).toEqual(dates);
  for (const date of dates) {
    expect(readdirSync(join(root, 'data/snapshots', date)).sort(), date).toEqual(readdirSync(join(committed, date)).sort());
    for (const file of readdirSync(join(committed, date))) {
      expect(readFileSync(join(root, 'data/snapshots', date, file)).equals(readFileSync(join(committed, date, file))), `${date}/${file}`).toBe(true);
    }
  }
});

it('passes its own calibration check (raw files, all snapshots)', () => {
  const output = execFileSync(tsx, [join(ROOT, 'scripts/sample/check-calibration.ts')], { cwd: ROOT, encoding: 'utf8' });
  expect(output).toContain('All calibration checks passed.');
});
