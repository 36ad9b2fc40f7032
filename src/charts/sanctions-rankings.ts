/**
 * Sanctions by nationality, violation and office. Persons per action: a person with two actions
 * counts under both. Nationalities and offices default to the Art. 75 actions (TAK); violations are
 * only published across all actions, detention included, and say so.
 */
import { sqlString } from './chart-sql.ts';
import { enumLabel, localName } from './labels.ts';
import { rankingChart } from './ranking-chart.ts';

const axis = { id: 'Orang dikenai tindakan', en: 'Persons subject to actions' };
const countLabel = { id: 'Orang', en: 'Persons' };

export const sanctionsNationalities = rankingChart({
  id: 'sanctions-nationalities',
  table: 'sanctions',
  breakdown: 'nationality',
  filters: ['period', 'province', 'office', 'nationality', 'category'],
  defaults: { category: 'tak' },
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
  filters: ['period', 'province', 'nationality', 'category'],
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
  filters: ['period', 'province', 'office', 'nationality', 'category'],
  defaults: { category: 'tak' },
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
