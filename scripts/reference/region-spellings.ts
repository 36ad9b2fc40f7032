/**
 * How offices write a province or regency besides its Kemendagri name: "Kab. Serang" and
 * "KABUPATEN SERANG" for Kabupaten Serang, "Kodya Sukabumi" for Kota Sukabumi, "Prov. Jawa Barat"
 * and "Provinsi Jawa Barat", "DKI Jakarta", "DIY", "Jakarta Pusat" for Kota Administrasi Jakarta
 * Pusat. A bare name ("Cilegon") is a spelling only when it names one place: "Serang" (a kabupaten
 * and a kota) and "Bengkulu" (a province and a kota) are no spelling of either, so they are never
 * read as the wrong one. Spellings are compared after normaliseSpelling (case and dots do not matter).
 */
import { normaliseSpelling } from '../lib/normalise-spelling.ts';

export interface NamedRegion { code: string; name: string; level: 'province' | 'regency' | 'district' | 'village' }

/** Extra province spellings that are not "Provinsi <name>". */
const PROVINCE_ALIASES: Record<string, readonly string[]> = {
  '31': ['DKI Jakarta', 'DKI', 'Jakarta', 'Provinsi DKI Jakarta', 'Prov. DKI Jakarta', 'Daerah Khusus Jakarta'],
  '34': ['DI Yogyakarta', 'D.I. Yogyakarta', 'DIY', 'Provinsi DIY', 'Prov. DIY', 'Provinsi DI Yogyakarta'],
  '19': ['Bangka Belitung', 'Babel', 'Provinsi Bangka Belitung'],
};

/** The words a kind of place is written with, before its name. */
export const KIND_WORDS = {
  kabupaten: ['kabupaten', 'kab', 'kabupaten administrasi', 'kab adm'],
  kota: ['kota', 'kota administrasi', 'kota adm', 'kotamadya', 'kodya', 'kotamadia'],
  provinsi: ['provinsi', 'prov', 'propinsi'],
} as const;

export type RegionKind = keyof typeof KIND_WORDS;

/** The kind of a region by its code: 2 digits a province, "xx.71" and up a kota, other regencies kabupaten. */
export function kindOfCode(code: string): RegionKind | null {
  if (/^\d{2}$/.test(code)) return 'provinsi';
  const m = code.match(/^\d{2}\.(\d{2})$/);
  return m ? (Number(m[1]) >= 71 ? 'kota' : 'kabupaten') : null;
}

/** The kind a written name states ("Kab. Sukabumi" → kabupaten), and the name without it. */
export function statedKind(spelling: string): { kind: RegionKind | null; bare: string } {
  const s = normaliseSpelling(spelling);
  for (const kind of Object.keys(KIND_WORDS) as RegionKind[]) {
    const word = [...KIND_WORDS[kind]].sort((a, b) => b.length - a.length).find((w) => s.startsWith(`${w} `));
    if (word) return { kind, bare: s.slice(word.length + 1) };
  }
  return { kind: null, bare: s };
}

/** The name without its kind: "Kota Administrasi Jakarta Pusat" → "jakarta pusat". */
export const bareName = (name: string): string => statedKind(name).bare;

/** Every spelling → code pair for provinces and regencies (their names themselves are added by the caller). */
export function regionSpellings(regions: readonly NamedRegion[]): [string, string][] {
  const pairs: [string, string][] = [];
  const bare = new Map<string, Set<string>>();
  const noteBare = (name: string, code: string) => bare.set(name, (bare.get(name) ?? new Set()).add(code));
  for (const r of regions) {
    if (r.level === 'province') {
      const name = normaliseSpelling(r.name);
      for (const word of KIND_WORDS.provinsi) pairs.push([`${word} ${name}`, r.code]);
      for (const alias of PROVINCE_ALIASES[r.code] ?? []) pairs.push([alias, r.code]);
      noteBare(name, r.code);
    } else if (r.level === 'regency') {
      const kind = kindOfCode(r.code)!;
      const name = bareName(r.name);
      for (const word of KIND_WORDS[kind]) pairs.push([`${word} ${name}`, r.code]);
      noteBare(name, r.code);
    }
  }
  // a bare name, only where it names one place (province names are already spellings of their own)
  for (const [name, codes] of bare) if (codes.size === 1 && !/^\d{2}$/.test([...codes][0]!)) pairs.push([name, [...codes][0]!]);
  return pairs;
}
