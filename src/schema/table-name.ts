/**
 * The fact tables' names and the units of their counts: the words every other schema file keys
 * by. Their own file so that src/schema/disclosure.ts and src/schema/tables.ts, which need each
 * other's facts, do not import each other (tables.ts re-exports both).
 */
export type TableName = 'arrivals' | 'sanctions' | 'operations' | 'registry';

/** What a count measures: people (a person counted once per row) or events (crossings, meetings). */
export type CountUnit = 'persons' | 'events';
