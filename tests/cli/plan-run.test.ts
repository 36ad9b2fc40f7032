/** What `npm run data` publishes, and that `current` never moves back without --rollback. */
import { describe, expect, it } from 'vitest';
import { planRun, type RunRequest } from '../../scripts/cli/plan-run.ts';

const folders = ['2025-08-05', '2025-09-05', '2025-10-05'].map((date) => ({ date, dir: `/s/${date}` }));
const plan = (currentDate: string | null, request: Partial<RunRequest> = {}) => planRun(folders, currentDate, { rollback: false, ...request }, 'data/snapshots');
const dates = (p: ReturnType<typeof plan>) => (p.kind === 'publish' ? p.snapshots.map((s) => s.date) : p);

describe('npm run data plan', () => {
  it('publishes every folder when nothing is published, and the current one again with every newer one otherwise', () => {
    expect(dates(plan(null))).toEqual(['2025-08-05', '2025-09-05', '2025-10-05']);
    expect(dates(plan('2025-09-05'))).toEqual(['2025-09-05', '2025-10-05']);
    expect(dates(plan('2025-10-05'))).toEqual(['2025-10-05']);
    expect(plan('2025-11-05')).toMatchObject({ kind: 'stop', exitCode: 0, message: expect.stringContaining('older than the current publication (2025-11-05)') });
  });

  it.each([
    { current: '2025-10-05', snapshot: '2025-08-05' },
    { current: '2025-10-05', snapshot: '2025-09-05' },
    { current: '2025-09-05', snapshot: '2025-08-05' },
  ])('refuses to move current back from $current to $snapshot without --rollback, naming both', ({ current, snapshot }) => {
    const p = plan(current, { snapshot });
    expect(p).toMatchObject({ kind: 'stop', exitCode: 1 });
    if (p.kind !== 'stop') return;
    expect(p.message).toContain(`${snapshot} is older than the current publication (${current})`);
    expect(p.message).toContain(`npm run data -- --snapshot ${snapshot} --rollback`);
  });

  it('moves current back with --rollback, and only then', () => {
    expect(plan('2025-10-05', { snapshot: '2025-08-05', rollback: true })).toEqual({ kind: 'publish', snapshots: [folders[0]], rollback: true });
    expect(plan('2025-10-05', { snapshot: '2025-10-05' })).toEqual({ kind: 'publish', snapshots: [folders[2]], rollback: false });
    expect(plan(null, { snapshot: '2025-08-05' })).toEqual({ kind: 'publish', snapshots: [folders[0]], rollback: false });
  });

  it.each([
    { name: '--rollback without --snapshot', current: '2025-10-05', request: { rollback: true } },
    { name: '--rollback to the current snapshot', current: '2025-10-05', request: { snapshot: '2025-10-05', rollback: true } },
    { name: '--rollback with nothing published', current: null, request: { snapshot: '2025-08-05', rollback: true } },
    { name: 'a snapshot with no folder', current: '2025-10-05', request: { snapshot: '2025-10-06' } },
  ])('answers $name with exit code 1 and changes nothing', ({ current, request }) => {
    expect(plan(current, request)).toMatchObject({ kind: 'stop', exitCode: 1 });
  });
});
