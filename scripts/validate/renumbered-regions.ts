/**
 * Region codes from before the 2022 Papua splits, read through data/reference/region-code-changes.csv
 * (Kota Sorong 92.71 → 96.71): accepted, and said once per code in the manifest, so an analyst
 * sees which codes were renumbered and by which law.
 */
import type { TableSpec } from '../../src/schema/tables.ts';
import type { PipelineIssue } from '../lib/pipeline-issue.ts';
import { normaliseSpelling } from '../lib/normalise-spelling.ts';
import type { Reference } from '../reference/load-reference.ts';
import type { IngestedFile } from '../ingest/ingest-file.ts';

export function renumberedRegionWarnings(spec: TableSpec, ingested: IngestedFile, distinct: ReadonlyMap<string, readonly string[]>, reference: Reference): PipelineIssue[] {
  const changes = new Map(reference.regionCodeChanges.filter((c) => c.new_code !== '').flatMap((c) => [[normaliseSpelling(c.old_code), c], [normaliseSpelling(c.old_code.replaceAll('.', '')), c]] as const));
  return spec.rawColumns.filter((c) => c.parse === 'region' && ingested.columns.has(c.name)).flatMap((column) =>
    (distinct.get(column.name) ?? []).flatMap((raw) => {
      const change = changes.get(normaliseSpelling(raw));
      return change ? [{
        severity: 'warning' as const, code: 'region-code-renumbered', file: ingested.file, table: spec.name, column: ingested.headerOf.get(ingested.columns.get(column.name)!) ?? column.rawHeaders[0]!,
        found: raw, fix: `"${raw}" is the code ${change.old_name} had before ${change.changed_on}: read as ${change.new_code} (${change.source}). Use ${change.new_code} in later exports.`,
      }] : [];
    }));
}
