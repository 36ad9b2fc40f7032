/**
 * Sanctions by nationality, violation, office and action group. Persons per action: a person with
 * two actions counts under both. Nationalities and offices default to the Art. 75 actions (TAK);
 * violations are only published nationally, across all actions, detention included, and say so.
 * Breakdowns by office, province and nationality are published by half-year (and nationalities by
 * year), by action group: src/schema/disclosure.ts says why.
 */
import { sqlString } from '../shared/sql-text.ts';
import { ACTION_GROUPS } from '../schema/tables.ts';
import { enumLabel, localName } from './labels.ts';
import { rankingChart } from './ranking-chart.ts';
import { TAK_CATEGORY } from '../schema/filter-values.ts';

const axis = { id: 'Orang dikenai tindakan', en: 'Persons subject to actions' };
const countLabel = { id: 'Orang', en: 'Persons' };

export const sanctionsNationalities = rankingChart({
  id: 'sanctions-nationalities',
  table: 'sanctions',
  breakdown: 'nationality',
  filters: ['period', 'nationality', 'category'],
  defaults: { category: TAK_CATEGORY },
  names: { join: 'LEFT JOIN countries ON countries.iso3 = cells.code', id: 'countries.name_id', en: 'countries.name_en' },
  label: (row, locale) => localName(row, locale),
  limit: 10,
  aspect: { wide: 0.5, narrow: 1.1 },
  axis,
  codeLabel: { id: 'Kode ISO 3166-1', en: 'ISO 3166-1 code' },
  countLabel,
  definition: {
    id: 'Orang yang dikenai Tindakan Administratif Keimigrasian (TAK, Pasal 75 UU 6/2011) menurut kewarganegaraan; sepuluh terbesar.',
    en: 'Persons subject to immigration administrative actions (TAK, Art. 75 Law 6/2011) by nationality; the ten largest.',
  },
  title: {
    id: (top, count, share, span) => `WNA ${top} paling banyak dikenai TAK: ${count} orang${share ? ` (${share})` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} nationals face the most TAK actions: ${count} persons${share ? ` (${share})` : ''}, ${span}`,
  },
  empty: { id: 'TAK menurut kewarganegaraan', en: 'TAK by nationality' },
});

export const sanctionsViolations = rankingChart({
  id: 'sanctions-violations',
  table: 'sanctions',
  breakdown: 'violation',
  filters: ['period'],
  label: (row, locale) => enumLabel('violation', row.code, locale),
  limit: 10,
  aspect: { wide: 0.36, narrow: 0.8 },
  axis,
  codeLabel: { id: 'Kode pelanggaran', en: 'Violation code' },
  countLabel,
  definition: {
    id: 'Orang dikenai tindakan menurut pelanggaran yang mendasarinya, semua jenis tindakan termasuk detensi.',
    en: 'Persons subject to actions by the underlying violation, all action types including detention.',
  },
  title: {
    id: (top, count, share, span) => `${top} pelanggaran terbanyak: ${count} orang${share ? ` (${share})` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} is the most common violation: ${count} persons${share ? ` (${share})` : ''}, ${span}`,
  },
  empty: { id: 'Tindakan menurut pelanggaran', en: 'Actions by violation' },
});

export const sanctionsOffices = rankingChart({
  id: 'sanctions-offices',
  table: 'sanctions',
  breakdown: 'office_code',
  filters: ['period', 'province', 'office', 'category'],
  defaults: { category: TAK_CATEGORY },
  restrict: {
    province: (value, column) => `${column} IN (SELECT code FROM offices WHERE province_code = ${sqlString(value)})`,
  },
  names: { join: 'LEFT JOIN offices ON offices.code = cells.code', id: 'offices.name', en: 'offices.name' },
  label: (row) => shortOfficeName(String(row.name_id ?? row.code)),
  limit: 10,
  aspect: { wide: 0.5, narrow: 1.1 },
  axis,
  codeLabel: { id: 'Kode kantor', en: 'Office code' },
  countLabel,
  definition: {
    id: 'Orang dikenai TAK menurut kantor imigrasi (Kanim) yang memutuskan; sepuluh terbesar.',
    en: 'Persons subject to TAK by the deciding immigration office (Kanim); the ten largest.',
  },
  title: {
    id: (top, count, share, span) => `${top} menjatuhkan TAK terbanyak: ${count} orang${share ? ` (${share})` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} issued the most TAK actions: ${count} persons${share ? ` (${share})` : ''}, ${span}`,
  },
  empty: { id: 'TAK menurut kantor imigrasi', en: 'TAK by immigration office' },
});

/** "Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta" → "Kanim Soekarno-Hatta". */
export const shortOfficeName = (name: string): string =>
  name.replace(/^Kantor Imigrasi (Kelas [IV]+ )?(Khusus )?(Non )?(TPI )?/, 'Kanim ').replace(/^Kantor Wilayah Direktorat Jenderal Imigrasi /, 'Kanwil ');

/** Persons per action group in an area (province or office) or nationally: what area pages show. */
export const sanctionsGroups = rankingChart({
  id: 'sanctions-groups',
  table: 'sanctions',
  breakdown: 'action_group',
  // nationality × action group is published (by half-year and year), nationally only
  filters: ['period', 'province', 'office', 'nationality'],
  label: (row, locale) => {
    const group = ACTION_GROUPS.find((g) => g.code === row.code);
    return group ? group[locale] : row.code;
  },
  limit: ACTION_GROUPS.length,
  aspect: { wide: 0.3, narrow: 0.6 },
  axis,
  codeLabel: { id: 'Kode kelompok tindakan', en: 'Action group code' },
  countLabel,
  definition: {
    id: 'Orang dikenai tindakan menurut kelompok tindakan: deportasi, penangkalan, TAK lainnya (pencegahan, pembatasan/perubahan/pembatalan izin tinggal, larangan berada, keharusan bertempat tinggal, biaya beban) dan detensi. Per provinsi dan kantor hanya diterbitkan per semester.',
    en: 'Persons subject to actions by action group: deportation, entry ban, other TAK (exit ban, stay permit restricted/changed/cancelled, place bans, required residence, charges) and detention. By province and office, published by half-year only.',
  },
  title: {
    id: (top, count, share, span) => `${top} paling banyak: ${count} orang${share ? ` (${share})` : ''}, ${span}`,
    en: (top, count, share, span) => `${top} is the most frequent: ${count} persons${share ? ` (${share})` : ''}, ${span}`,
  },
  empty: { id: 'Tindakan menurut kelompok', en: 'Actions by group' },
});
