/** Provinces, cities/regencies and immigration offices that get a page of their own, from the published reference tables. */
import { withBase } from '../i18n/index.ts';
import type { Locale } from '../i18n/locales.ts';
import { queryPublished } from './query-published.ts';

export interface Area {
  kind: 'province' | 'office' | 'regency';
  code: string;
  name: string;
  slug: string;
  province_code: string;
  province_name: string;
  /** An office's first month of work (YYYY-MM), where it opened after the data began (the 18 of Nov 2025). */
  opened?: string;
}

export const slugify = (text: string): string =>
  text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export async function provinceAreas(): Promise<Area[]> {
  const rows = await queryPublished('SELECT code, name FROM provinces ORDER BY code');
  return rows.map((r) => ({ kind: 'province', code: String(r.code), name: String(r.name), slug: slugify(String(r.name)), province_code: String(r.code), province_name: String(r.name) }));
}

/** Kanim (not Kanwil): the offices that decide sanctions and organise TIMPORA activities. */
export async function officeAreas(): Promise<Area[]> {
  const rows = await queryPublished(`SELECT offices.code, offices.name, offices.province_code, provinces.name AS province_name, offices.opened
FROM offices JOIN provinces ON provinces.code = offices.province_code WHERE offices.kind = 'kanim' ORDER BY offices.name`);
  return rows.map((r) => ({
    kind: 'office',
    code: String(r.code),
    name: String(r.name),
    slug: slugify(String(r.code).replace(/^KANIM-/, '')),
    province_code: String(r.province_code),
    province_name: String(r.province_name),
    ...(r.opened ? { opened: String(r.opened) } : {}),
  }));
}

/** A city/regency's slug is its province's and its own: /wilayah/banten/kota-cilegon/. */
const PREFIX = {
  id: { province: '/wilayah/', office: '/wilayah/kantor/', regency: '/wilayah/' },
  en: { province: '/en/regions/', office: '/en/regions/office/', regency: '/en/regions/' },
} as const;

export const areaUrl = (area: Pick<Area, 'kind' | 'slug'>, locale: Locale): string => withBase(`${PREFIX[locale][area.kind]}${area.slug}/`);

/** getStaticPaths of the province pages (both languages). */
export async function provincePaths() {
  return (await provinceAreas()).map((area) => ({ params: { slug: area.slug }, props: { area } }));
}

/** getStaticPaths of the office pages (both languages), each with its province page's slug. */
export async function officePaths() {
  const provinces = await provinceAreas();
  return (await officeAreas()).map((area) => ({
    params: { slug: area.slug },
    props: { area, provinceSlug: provinces.find((p) => p.code === area.province_code)?.slug ?? '' },
  }));
}

/**
 * Cities/regencies with any published figure: a TIMPORA activity at or below them, a published
 * registry total, or a checkpoint standing there (its arrivals). One query over each table for all of them (src/build/regency-figures.ts).
 */
export async function regencyAreas(): Promise<Area[]> {
  const rows = await queryPublished(`SELECT regencies.code, regencies.name, regencies.province_code, provinces.name AS province_name
FROM regencies JOIN provinces ON provinces.code = regencies.province_code
WHERE regencies.code IN (SELECT left(region_code, 5) FROM operations WHERE length(region_code) >= 5)
   OR regencies.code IN (SELECT region_code FROM registry_totals WHERE region_code IS NOT NULL AND count IS NOT NULL)
   OR regencies.code IN (SELECT regency_code FROM ports)
ORDER BY regencies.code`);
  return rows.map((r) => ({
    kind: 'regency',
    code: String(r.code),
    name: String(r.name),
    slug: `${slugify(String(r.province_name))}/${slugify(String(r.name))}`,
    province_code: String(r.province_code),
    province_name: String(r.province_name),
  }));
}

/** getStaticPaths of the city/regency pages (both languages): /wilayah/<province>/<city-or-regency>/. */
export async function regencyPaths() {
  return (await regencyAreas()).map((area) => {
    const [province, regency] = area.slug.split('/') as [string, string];
    return { params: { province, regency }, props: { area } };
  });
}
