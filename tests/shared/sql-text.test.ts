/** SQL literals and identifiers: any text goes in quoted, so a name with a quote cannot end the string. */
import { DuckDBInstance } from '@duckdb/node-api';
import { expect, test } from 'vitest';
import { sqlIdent, sqlString, sqlStringList } from '../../src/shared/sql-text.ts';

const TEXTS = ['', 'Bali', "O'Brien", "''", "'; DROP TABLE arrivals; --", 'a"b', 'Côte d’Ivoire', '\\', 'line\nbreak'];

test.each(TEXTS)('%j reads back as itself, as a literal and as a column name', async (text) => {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const rows = (await db.runAndReadAll(`SELECT ${sqlString(text)} AS value`)).getRowObjectsJS();
    expect(rows).toEqual([{ value: text }]);
    if (text !== '') {
      const named = (await db.runAndReadAll(`SELECT 1 AS ${sqlIdent(text)}`)).columnNames();
      expect(named).toEqual([text]);
    }
  } finally {
    db.closeSync();
  }
});

test('a list of texts reads back as the same texts, in order, in a list and in an IN (…)', async () => {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    const rows = (await db.runAndReadAll(`SELECT [${sqlStringList(TEXTS)}] AS list, ${sqlString("O'Brien")} IN (${sqlStringList(TEXTS)}) AS found, 'Jawa' IN (${sqlStringList(TEXTS)}) AS missing`)).getRowObjectsJS();
    expect(rows).toEqual([{ list: TEXTS, found: true, missing: false }]);
  } finally {
    db.closeSync();
  }
});
