/** `npm run data` as an analyst runs it: exit codes and what it prints. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { publish, ROOT, tempDir } from '../helpers/pipeline-fixture.ts';
import { VALID_FILES, VALID_SIDECAR, writeSnapshot } from '../helpers/valid-snapshot.ts';

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const cli = join(ROOT, 'scripts/cli/data.ts');

it('publishes a good snapshot, then refuses a bad one with exit code 2 and leaves the publication alone', () => {
  const snapshots = tempDir();
  const out = tempDir();
  writeSnapshot(snapshots);
  const ok = execFileSync(tsx, [cli, '--snapshots', snapshots, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  expect(ok).toMatch(/2024-03-05: published/);
  const target = readlinkSync(join(out, 'current'));

  writeSnapshot(snapshots, {
    'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, snapshotDate: '2024-04-05' }),
    'sanctions.csv': VALID_FILES['sanctions.csv']!.replace('KANIM-BATAM;Nigeria;Deportasi;Penyalahgunaan izin tinggal;3', 'KANIM-BATAM;Nigeria;Deportasi;Penyalahgunaan izin tinggal;3,5'),
  }, '2024-04-05');
  const bad = spawnSync(tsx, [cli, '--snapshots', snapshots, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toContain('2024-04-05: REFUSED — nothing published');
  expect(bad.stderr).toMatch(/ERROR \[count-fractional\] \S*2024-04-05\/sanctions\.csv, row 3, column "Jumlah": found "3,5"/);
  expect(readlinkSync(join(out, 'current'))).toBe(target);
  expect(existsSync(join(out, target, 'manifest.json'))).toBe(true);
});

it('explains itself with --help, and answers a mistyped option with the usage and exit code 1, publishing nothing', () => {
  const help = spawnSync(tsx, [cli, '--help'], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  expect(help.status).toBe(0);
  expect(help.stdout).toMatch(/^Usage: npm run data/);
  expect(help.stdout).toContain('--snapshot YYYY-MM-DD');
  const out = tempDir();
  const typo = spawnSync(tsx, [cli, '--snapshto', '2024-03-05', '--out', out], { encoding: 'utf8', env: { ...process.env, CI: '1' } });
  expect(typo.status).toBe(1);
  expect(typo.stderr).toContain("Unknown option '--snapshto'");
  expect(typo.stderr).toContain('Usage: npm run data');
  expect(existsSync(join(out, 'current'))).toBe(false);
});

it('never moves current back to an older snapshot without --rollback, and says what --rollback did', async () => {
  const snapshots = tempDir();
  const out = tempDir();
  await publish(writeSnapshot(snapshots), '2024-03-05', out);
  await publish(writeSnapshot(snapshots, { 'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, snapshotDate: '2024-04-05' }) }, '2024-04-05'), '2024-04-05', out);
  const env = { ...process.env, CI: '1' };
  const newer = readlinkSync(join(out, 'current'));

  const back = spawnSync(tsx, [cli, '--snapshots', snapshots, '--out', out, '--snapshot', '2024-03-05', '--quiet'], { encoding: 'utf8', env });
  expect(back.status).toBe(1);
  expect(back.stderr).toContain('2024-03-05 is older than the current publication (2024-04-05)');
  expect(back.stderr).toContain('--snapshot 2024-03-05 --rollback');
  expect(back.stdout).not.toContain('already published');
  expect(readlinkSync(join(out, 'current'))).toBe(newer);

  const rollback = spawnSync(tsx, [cli, '--snapshots', snapshots, '--out', out, '--snapshot', '2024-03-05', '--rollback', '--quiet'], { encoding: 'utf8', env });
  expect(rollback.status).toBe(0);
  expect(rollback.stdout).toMatch(/^2024-03-05: ROLLED BACK: `current` now points at 2024-03-05 \(was 2024-04-05\)/);
  expect(readlinkSync(join(out, 'current'))).toMatch(/^releases\/2024-03-05-/);
  expect(existsSync(join(out, newer, 'manifest.json'))).toBe(true);
});
