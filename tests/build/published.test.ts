import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { PublicationError, publishedDir, readManifest } from '../../src/build/published.ts';
import { SCHEMA_VERSION } from '../../src/schema/tables.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const saved = process.env.PANTAU_PUBLISHED_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.PANTAU_PUBLISHED_DIR;
  else process.env.PANTAU_PUBLISHED_DIR = saved;
});

describe('published', () => {
  test('defaults to data/published/current under the project root, or PANTAU_PUBLISHED_DIR', () => {
    delete process.env.PANTAU_PUBLISHED_DIR;
    expect(publishedDir()).toBe(join(ROOT, 'data', 'published', 'current'));
    process.env.PANTAU_PUBLISHED_DIR = '/tmp/somewhere';
    expect(publishedDir()).toBe('/tmp/somewhere');
  });

  test('says to run `npm run data` when nothing is published', () => {
    process.env.PANTAU_PUBLISHED_DIR = mkdtempSync(join(tmpdir(), 'pantau-empty-'));
    expect(() => readManifest()).toThrow(PublicationError);
    expect(() => readManifest()).toThrow(/run `npm run data` first/);
  });

  test('refuses a manifest of another schema version', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pantau-old-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, snapshotDate: '2025-10-05', tables: {} }));
    process.env.PANTAU_PUBLISHED_DIR = dir;
    expect(() => readManifest()).toThrow(/schema version/);
  });
});
