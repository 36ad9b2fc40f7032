/** `npm run snapshot` as the scheduled job runs it: stored immutably, published once, refusals exit non-zero and publish nothing. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/pipeline-fixture.ts';
import { VALID_FILES, VALID_SIDECAR, writeSnapshot } from '../helpers/valid-snapshot.ts';

const tsx = join(ROOT, 'node_modules/.bin/tsx');
const cli = join(ROOT, 'scripts/cli/snapshot.ts');
const env = { ...process.env, CI: '1' };
const run = (args: string[]) => spawnSync(tsx, [cli, ...args, '--skip-build', '--quiet'], { encoding: 'utf8', env });

it('stores an export read-only with checksums and publishes it; the same export again is a no-op; a different one of that date is refused', () => {
  const incoming = tempDir();
  const snapshots = tempDir();
  const out = tempDir();
  const exportDir = writeSnapshot(incoming);

  const first = run(['--from', exportDir, '--snapshots', snapshots, '--out', out]);
  expect(first.status, first.stderr).toBe(0);
  expect(first.stdout).toContain('2024-03-05: stored →');
  expect(first.stdout).toMatch(/2024-03-05: PUBLISHED → \S*releases\/2024-03-05-/);
  expect(first.stdout).toContain('first release: 2024-01 to 2024-02');
  const stored = join(snapshots, '2024-03-05');
  expect(statSync(stored).mode & 0o222).toBe(0);
  expect(statSync(join(stored, 'sanctions.csv')).mode & 0o222).toBe(0);
  // the checksum list is the one `sha256sum -c` verifies
  expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: stored, encoding: 'utf8' })).toMatch(/sanctions\.csv: OK/);
  expect(readFileSync(join(stored, 'arrivals.csv'), 'utf8')).toBe(VALID_FILES['arrivals.csv']);
  const target = readlinkSync(join(out, 'current'));
  expect(readFileSync(join(out, 'snapshot.log'), 'utf8')).toMatch(/exit 0\n2024-03-05: stored/);

  // the same files again, named one by one: nothing stored, nothing published anew
  const again = run([...readdirSync(exportDir).flatMap((n) => ['--from', join(exportDir, n)]), '--snapshots', snapshots, '--out', out]);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toContain('already stored with the same files');
  expect(again.stdout).toContain('already published, unchanged');
  expect(readlinkSync(join(out, 'current'))).toBe(target);

  // a different export claiming the same date never overwrites the stored one
  writeFileSync(join(exportDir, 'sanctions.csv'), VALID_FILES['sanctions.csv']!.replace(';12\r\n', ';13\r\n'));
  const other = run(['--from', exportDir, '--snapshots', snapshots, '--out', out]);
  expect(other.status).toBe(3);
  expect(other.stderr).toContain('already holds a different export of 2024-03-05');
  expect(other.stderr).toMatch(/sanctions\.csv: different content/);
  expect(readFileSync(join(stored, 'sanctions.csv'), 'utf8')).toBe(VALID_FILES['sanctions.csv']);
  expect(readlinkSync(join(out, 'current'))).toBe(target);

  // an export the pipeline refuses: exit 2, not left among the snapshots, the publication untouched
  const bad = writeSnapshot(incoming, {
    'snapshot.json': JSON.stringify({ ...VALID_SIDECAR, snapshotDate: '2024-04-05' }),
    'sanctions.csv': VALID_FILES['sanctions.csv']!.replace(';3\r\n', ';3,5\r\n'),
  }, '2024-04-05');
  const refused = run(['--from', bad, '--snapshots', snapshots, '--out', out]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toContain('2024-04-05: REFUSED — nothing published');
  expect(refused.stderr).toContain('[count-fractional]');
  expect(existsSync(join(snapshots, '2024-04-05'))).toBe(false);
  expect(readdirSync(join(snapshots, '.refused'))).toEqual([expect.stringMatching(/^2024-04-05-/)]);
  expect(readlinkSync(join(out, 'current'))).toBe(target);
  expect(readFileSync(join(out, 'snapshot.log'), 'utf8')).toMatch(/exit 2\n2024-04-05: stored[^]*REFUSED/);
});

it('refuses an export with a missing table or a stray file before storing anything', () => {
  const incoming = tempDir();
  const snapshots = tempDir();
  const out = tempDir();
  const dir = writeSnapshot(incoming, { 'registry.csv': null, 'notes.txt': 'see mail' });
  const result = run(['--from', dir, '--snapshots', snapshots, '--out', out]);
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('the export was not stored');
  expect(result.stderr).toContain('[missing-file]');
  expect(result.stderr).toContain('[export-file-unexpected]');
  expect(readdirSync(snapshots)).toEqual([]);
  expect(existsSync(join(out, 'current'))).toBe(false);
});
