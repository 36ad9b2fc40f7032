/**
 * Pipeline warnings on an Indonesian page are Indonesian: made from the warning's code, table and
 * month, never the pipeline's English message; English pages show the message itself.
 */
import { describe, expect, test } from 'vitest';
import { warningText } from '../../src/i18n/warnings.ts';
import type { PipelineWarning } from '../../src/schema/manifest.ts';

const WARNINGS: PipelineWarning[] = [
  { code: 'revision-drift', table: 'arrivals', month: '2024-01', message: 'arrivals 2024-01: count revised from 4834 to 5334 (10.3%) since the 2025-08-05 snapshot; more than 5% — check before quoting it.' },
  { code: 'revision-held', table: 'sanctions', month: '2024-05', message: 'sanctions 2024-05 held at the published figure' },
  { code: 'note-rows-skipped', table: 'registry', message: 'registry.csv: 2 note rows below the data were skipped' },
  { code: 'something-new', message: 'A brand new warning the site has no sentence for' },
];

describe('warningText', () => {
  test.each(WARNINGS)('$code: Indonesian without the English message, English as written', (warning) => {
    const id = warningText(warning, 'id', warning.table ? 'Kedatangan' : null, warning.month ? 'Januari 2024' : null);
    expect(id).not.toContain(warning.message);
    expect(id).not.toMatch(/\b(the|revised|skipped|held|warning|snapshot;)\b/i);
    if (warning.table) expect(id).toContain('tabel Kedatangan');
    if (warning.month) expect(id).toContain('Januari 2024');
    expect(warningText(warning, 'en', null, null)).toBe(warning.message);
  });
});
