/**
 * Writes docs/data-dictionary.md from src/schema/tables.ts, so the dictionary people read and the
 * schema the code uses cannot drift apart (a test fails when the committed file is stale).
 *
 *   npm run docs:dictionary
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DISCLOSURE, grainsOf, PERIOD_GRAINS, totalsDimensions, totalsTableName, WITHHELD, withheldColumn } from '../../src/schema/disclosure.ts';
import { PERSONAL_HEADER_RULES, PERSONAL_VALUE_PATTERNS } from '../../src/schema/personal-data.ts';
import { NATIONALITY_CODE_COLUMNS, PUBLISHED_PORT_COLUMNS, REFERENCE_FILES, type NationalityCodeRow } from '../../src/schema/reference.ts';
import { readCsvRecords } from '../lib/read-csv-file.ts';
import { ENUMS, publishedColumns, REFERENCE_TABLES, SCHEMA_VERSION, STOCK_METRICS, TABLE_NAMES, TABLES, type TableName } from '../../src/schema/tables.ts';

/** The `<table>_totals` file: what the site shows as totals, and how small counts are protected. */
function totalsSection(name: TableName): string[] {
  const rule = DISCLOSURE[name];
  const measures = rule.measures.map((m) => `\`${m.name}\` (${m.unit}${m.k === null ? ', published exactly' : `, counts 1–${m.k - 1} withheld`})`);
  return [`### \`${totalsTableName(name)}\` — totals for the site`, '',
    `One row per cell of each view below, at every period grain (${PERIOD_GRAINS.map((g) => `\`${g}\``).join(', ')}) unless the view lists its own; \`period\` is the first day of the month, half-year or year.`,
    `Columns: \`view\`, \`grain\`, \`period\`, ${totalsDimensions(name).map((d) => `\`${d}\``).join(', ')} (null where the view sums over the column), then ${rule.measures.map((m) => `\`${m.name}\` and \`${withheldColumn(m.name)}\``).join(', ')}.`,
    `Measures: ${measures.join('; ')}. A withheld cell has a null measure and its flag set, whether it is a count of 1 to k − 1 or a cell of any size withheld to protect one; the site marks every withheld cell "${WITHHELD.symbol}" (confidential), a mark that states no range.`, '',
    `Views: ${rule.views.map((v) => `\`${v.name}\`${v.grains.length < PERIOD_GRAINS.length ? ` (${v.grains.join(', ')})` : ''}`).join(', ')}.`,
    ...measureGrainLines(name),
    ...partitionLines(name),
    ...(name === 'registry' ? ['', `Stocks (${STOCK_METRICS.map((m) => `\`${m}\``).join(', ')}: a count at a date, such as foreign residents at the end of June and of December) have \`month\` rows only: adding a stock over months means nothing. Read a stock at one date; across areas at one date it adds up as any count does.`] : []),
    ...(rule.publicDetail ? [] : ['', `The public build publishes only these totals: \`${name}.parquet\` (the detail rows above) is in internal builds only. docs/disclosure-control.md says why.`]),
    ''];
}

/** A design per value of a dimension (registry: per metric), as the public build publishes it. */
function partitionLines(name: TableName): string[] {
  const partition = DISCLOSURE[name].partition;
  if (!partition) return [];
  return ['', `The public build publishes each \`${partition.column}\` by its own design:`, '',
    ...Object.entries(partition.designs).map(([value, d]) => `- \`${value}\`: ${Object.entries(d.grains).map(([view, g]) => `\`${view}\` (${g.join(', ')})`).join(', ')}; detail rows ${d.publicDetail ? 'published' : 'not published (internal builds only)'}. ${d.reason}`)];
}

/** Measures published in fewer views or grains than the rows exist at (operations' person counts). */
function measureGrainLines(name: TableName): string[] {
  const rule = DISCLOSURE[name];
  return rule.measures.filter((m) => rule.views.some((v) => v.measureGrains?.[m.name])).map((m) => {
    const where = rule.views.filter((v) => grainsOf(v, m.name).length > 0).map((v) => `\`${v.name}\` (${grainsOf(v, m.name).join(', ')})`);
    return `\nIn public builds \`${m.name}\` is published only in ${where.join(', ')}; elsewhere it and its flag are null (not published, which is not "withheld").`;
  });
}

/** The ICAO Doc 9303 codes a `nationality` may hold besides ISO 3166-1 (data/reference/nationality-codes.csv). */
function nationalityCodeLines(): string[] {
  const rows = readCsvRecords(join(resolve(import.meta.dirname, '../..'), REFERENCE_FILES.nationalityCodes), NATIONALITY_CODE_COLUMNS) as unknown as NationalityCodeRow[];
  return ['### Nationality without an ISO country (ICAO Doc 9303)', '',
    'A `nationality` is an ISO 3166-1 alpha-3 code, or one of the codes ICAO Doc 9303 (Part 3) gives machine-readable travel documents for persons with no nationality to state.',
    'They are published like any nationality (rows of `countries.parquet` with these names and no alpha-2 code, breakdowns and totals by nationality, the same small-cell protection).', '',
    '| code | Indonesian | English | other spellings accepted |', '|---|---|---|---|',
    ...rows.map((r) => `| \`${r.code}\` | ${r.name_id} | ${r.name_en} | ${r.aliases.split('|').filter((a) => ![r.name_id, r.name_en].some((n) => n.toLowerCase() === a.toLowerCase())).join(', ')} |`),
    '', 'A plain "Pengungsi" / "Refugee" is read as `XXB` (a refugee under the 1951 Convention and its 1967 Protocol, the definition Perpres 125/2016 on refugees from abroad follows); write `XXC` for any other refugee.', ''];
}

export function dataDictionaryMarkdown(): string {
  const out: string[] = [
    '# Data dictionary',
    '',
    `Generated from \`src/schema/tables.ts\` (schema version ${SCHEMA_VERSION}) by \`npm run docs:dictionary\`; do not edit by hand.`,
    '',
    'Every published table is long (tidy): one row per cell of counts, official codes, one Parquet file per table.',
    'Units matter: **events** are counted each time they happen (a crossing, a meeting); **persons** are people,',
    'but a person may appear in several rows (e.g. under two sanction actions), so sums across rows may count actions.',
    '',
  ];
  for (const name of TABLE_NAMES) {
    const spec = TABLES[name];
    out.push(`## \`${name}\` — ${spec.title.id} / ${spec.title.en}`, '', spec.description, '',
      `Raw file in a snapshot: \`${spec.rawFile}.csv\` or \`${spec.rawFile}.xlsx\`. One row per ${spec.key.map((k) => `\`${k}\``).join(' × ')}.`, '',
      '| column | type | unit | description | raw header names accepted |', '|---|---|---|---|---|');
    for (const c of publishedColumns(spec)) {
      const raw = spec.rawColumns.find((r) => r.name === c.name);
      out.push(`| \`${c.name}\` | ${c.type} | ${raw?.unit ?? ''} | ${c.description} | ${raw ? raw.rawHeaders.map((h) => `"${h}"`).join(', ') : '(derived)'} |`);
    }
    out.push('', ...totalsSection(name));
  }
  out.push('## Code lists', '');
  for (const [name, values] of Object.entries(ENUMS)) {
    out.push(`### \`${name}\``, '', '| code | Indonesian | English | other spellings accepted |', '|---|---|---|---|');
    for (const v of values as readonly { code: string; id: string; en: string; spellings?: readonly string[] }[]) {
      out.push(`| \`${v.code}\` | ${v.id} | ${v.en} | ${(v.spellings ?? []).join(', ')} |`);
    }
    out.push('');
  }
  out.push('## Reference tables', '', `Published beside the facts: ${REFERENCE_TABLES.map((t) => `\`${t}.parquet\``).join(', ')}. Sources in docs/reference-data.md.`, '',
    '### `ports.parquet` — checkpoints (TPI)', '', '| column | type | description |', '|---|---|---|',
    ...PUBLISHED_PORT_COLUMNS.map((c) => `| \`${c.name}\` | VARCHAR | ${c.description} |`), '',
    ...nationalityCodeLines(),
    '## Personal data (refused)', '',
    'A raw file is refused, naming the column and row, when a header names personal data or a value is personal data (no personal data enters the pipeline; `src/schema/personal-data.ts`).',
    'Headers are compared word by word after spelling is normalised (an acronym written with dots, "N.I.K", is one word), and a column of the table itself (e.g. "nama tpi") is never refused. A header names:', '',
    ...PERSONAL_HEADER_RULES.map((r) => {
      const quoted = (words: readonly string[]) => words.map((w) => `"${w}"`).join(', ');
      const named = [r.words.length > 0 ? `the words ${quoted(r.words)}` : '', r.parts ? `${quoted(r.parts)} within a word` : ''].filter(Boolean).join(', or ');
      return `- ${r.kind}: ${named}${r.with ? `, with a number word (${quoted(r.with)})` : ''}${r.unless ? `, unless another word says whose it is (${quoted(r.unless)})` : ''}`;
    }),
    '', 'Every value of every column, including columns the table ignores, is checked for (case-insensitive, anywhere in the text):', '',
    ...PERSONAL_VALUE_PATTERNS.map((p) => `- ${p.kind}: \`${p.source}\``), '');
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(join(resolve(import.meta.dirname, '../..'), 'docs/data-dictionary.md'), dataDictionaryMarkdown());
}
