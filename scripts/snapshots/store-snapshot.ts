/**
 * Taking a scheduled export into data/snapshots/<date>/ immutably: the files are checked for the
 * shape a snapshot folder must have (snapshot.json and one export per table, nothing else), copied
 * into a staging folder, listed with their SHA-256 in SHA256SUMS (the format `sha256sum -c` reads),
 * made read-only and moved into place in one rename. A folder already stored for that date is never
 * overwritten: the same files again are a no-op, different files are a conflict.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SNAPSHOT_DIR_PATTERN, SNAPSHOT_SIDECAR } from '../../src/schema/snapshot.ts';
import { TABLE_NAMES, TABLES } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { sha256File } from '../lib/sha256-file.ts';
import { sidecarIssues } from './find-snapshots.ts';

export const CHECKSUMS_FILE = 'SHA256SUMS';
/** Where an export the pipeline refused is kept for the analyst (not a snapshot folder: never published). */
export const REFUSED_DIR = '.refused';

export type StoreOutcome =
  | { kind: 'refused'; issues: PipelineIssue[] }
  | { kind: 'stored'; date: string; dir: string; checksums: Record<string, string> }
  | { kind: 'identical'; date: string; dir: string; checksums: Record<string, string> }
  | { kind: 'conflict'; date: string; dir: string; differences: string[] };

/** The file names a snapshot folder may hold: snapshot.json and <table>.csv or .xlsx. */
export function allowedNames(): Set<string> {
  return new Set([SNAPSHOT_SIDECAR, ...TABLE_NAMES.flatMap((t) => [`${TABLES[t].rawFile}.csv`, `${TABLES[t].rawFile}.xlsx`])]);
}

/** The export's files: a folder's regular files (hidden ones skipped), or the files named. */
export function exportFiles(from: string[]): string[] {
  return from.flatMap((path) => {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) return [path];
    if (!st.isDirectory()) return [path];
    return readdirSync(path).filter((n) => !n.startsWith('.')).map((n) => join(path, n)).filter((p) => statSync(p).isFile());
  });
}

function issue(code: string, file: string, found: string, fix: string): PipelineIssue {
  return { severity: 'error', code, file, found, fix };
}

/** Problems with the set of files, before anything is copied. */
function shapeIssues(files: string[]): PipelineIssue[] {
  const issues: PipelineIssue[] = [];
  const allowed = allowedNames();
  const seen = new Map<string, string>();
  for (const file of files) {
    const name = basename(file);
    if (!existsSync(file)) issues.push(issue('export-file-missing', file, 'no such file', 'Name an existing folder or files with --from.'));
    else if (!allowed.has(name)) issues.push(issue('export-file-unexpected', file, `"${name}" is not part of a snapshot`, `A snapshot folder holds ${SNAPSHOT_SIDECAR} and one export per table (${[...allowed].filter((n) => n !== SNAPSHOT_SIDECAR).join(', ')}); leave other files out.`));
    else if (seen.has(name)) issues.push(issue('export-file-twice', file, `"${name}" named twice (also ${seen.get(name)})`, 'Name each file once.'));
    seen.set(name, file);
  }
  if (!seen.has(SNAPSHOT_SIDECAR)) issues.push(issue('sidecar-missing', files[0] ?? '(nothing)', `no ${SNAPSHOT_SIDECAR} among the files`, `Add ${SNAPSHOT_SIDECAR} (README.md, "Adding a snapshot"): it names the export's date and coverage.`));
  for (const table of TABLE_NAMES) {
    const raw = TABLES[table].rawFile;
    const present = [`${raw}.csv`, `${raw}.xlsx`].filter((n) => seen.has(n));
    if (present.length === 0) issues.push({ ...issue('missing-file', files[0] ?? '(nothing)', `no ${raw}.csv or .xlsx`, `Add the ${table} export.`), table });
    if (present.length === 2) issues.push({ ...issue('two-files-for-one-table', seen.get(present[0]!)!, present.join(' and '), 'Keep one of the two files.'), table });
  }
  return issues;
}

/** The date a snapshot.json names, or null when it is not readable as one. */
function sidecarDate(path: string): string | null {
  try {
    const date = (JSON.parse(readFileSync(path, 'utf8')) as { snapshotDate?: unknown }).snapshotDate;
    return typeof date === 'string' && SNAPSHOT_DIR_PATTERN.test(date) ? date : null;
  } catch {
    return null;
  }
}

async function checksumsOf(dir: string, names: string[]): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const name of names.sort()) sums[name] = await sha256File(join(dir, name));
  return sums;
}

/** The checksums a stored folder was taken with (SHA256SUMS), or of its files as they are (folders stored before checksums were written). */
export async function storedChecksums(dir: string): Promise<Record<string, string>> {
  const list = join(dir, CHECKSUMS_FILE);
  if (!existsSync(list)) return checksumsOf(dir, readdirSync(dir).filter((n) => allowedNames().has(n)));
  const sums: Record<string, string> = {};
  for (const line of readFileSync(list, 'utf8').split('\n')) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (m) sums[m[2]!] = m[1]!;
  }
  return sums;
}

function differences(stored: Record<string, string>, incoming: Record<string, string>): string[] {
  const names = [...new Set([...Object.keys(stored), ...Object.keys(incoming)])].sort();
  return names.flatMap((n) => {
    if (!(n in stored)) return [`${n}: new in this export, not in the stored one`];
    if (!(n in incoming)) return [`${n}: in the stored export, missing from this one`];
    return stored[n] === incoming[n] ? [] : [`${n}: different content (stored sha256 ${stored[n]!.slice(0, 12)}…, this export ${incoming[n]!.slice(0, 12)}…)`];
  });
}

function setReadOnly(dir: string, readOnly: boolean): void {
  if (!readOnly) chmodSync(dir, 0o755);
  for (const name of readdirSync(dir)) chmodSync(join(dir, name), readOnly ? 0o444 : 0o644);
  if (readOnly) chmodSync(dir, 0o555);
}

/** Checks the export's files and stores them under <snapshotsDir>/<date>/ (see the module comment). */
export async function storeSnapshot(from: string[], snapshotsDir: string): Promise<StoreOutcome> {
  const files = exportFiles(from);
  const shape = shapeIssues(files);
  if (shape.length > 0) return { kind: 'refused', issues: shape };
  const sidecarPath = files.find((f) => basename(f) === SNAPSHOT_SIDECAR)!;
  const date = sidecarDate(sidecarPath);
  if (!date) return { kind: 'refused', issues: [issue('sidecar-date', sidecarPath, 'no readable "snapshotDate" (YYYY-MM-DD)', 'Set "snapshotDate" to the day the export was taken, e.g. "2025-11-05".')] };

  mkdirSync(snapshotsDir, { recursive: true });
  const staging = join(snapshotsDir, `.incoming-${date}-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  try {
    for (const file of files) copyFileSync(file, join(staging, basename(file)));
    const sidecar = sidecarIssues(staging, date);
    if (sidecar.issues.length > 0) return { kind: 'refused', issues: sidecar.issues.map((i) => ({ ...i, file: sidecarPath })) };
    const checksums = await checksumsOf(staging, files.map((f) => basename(f)));
    const target = join(snapshotsDir, date);
    if (existsSync(target)) {
      const diff = differences(await storedChecksums(target), checksums);
      return diff.length === 0 ? { kind: 'identical', date, dir: target, checksums } : { kind: 'conflict', date, dir: target, differences: diff };
    }
    writeFileSync(join(staging, CHECKSUMS_FILE), Object.entries(checksums).map(([n, h]) => `${h}  ${n}\n`).join(''));
    setReadOnly(staging, true);
    renameSync(staging, target);
    return { kind: 'stored', date, dir: target, checksums };
  } finally {
    if (existsSync(staging)) {
      setReadOnly(staging, false);
      rmSync(staging, { recursive: true, force: true });
    }
  }
}

/**
 * Moves a snapshot stored by this run out of the snapshot folders after the pipeline refused it,
 * to <snapshotsDir>/.refused/<date>-<time>/ (kept for the analyst, never published), so the next
 * scheduled run can store a corrected export of the same date. Returns where it went.
 */
export function setAsideRefused(snapshotsDir: string, dir: string, now = new Date()): string {
  const refused = join(snapshotsDir, REFUSED_DIR);
  mkdirSync(refused, { recursive: true });
  const target = join(refused, `${basename(dir)}-${now.toISOString().replace(/[:.]/g, '-')}`);
  setReadOnly(dir, false);
  renameSync(dir, target);
  return target;
}
