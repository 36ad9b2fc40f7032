/**
 * "Did you mean …?" for a province or regency, offered only for a slip in writing the same kind of
 * place: "Kab. Sukabumii" → 32.02 (Kabupaten Sukabumi), never 32.72 (Kota Sukabumi); a code only
 * within its own province and kind, so "92.17" is never offered 12.17 in Sumatera Utara. A name
 * written without its kind that two places share ("Serang") gets both, each with its kind.
 */
import { normaliseSpelling, similarity } from '../lib/normalise-spelling.ts';
import type { Reference } from '../reference/load-reference.ts';
import { bareName, kindOfCode, statedKind } from '../reference/region-spellings.ts';

const CLOSE = 0.75;

const dottedCode = (digits: string) => (digits.length === 4 && !digits.includes('.') ? `${digits.slice(0, 2)}.${digits.slice(2)}` : digits);

export function suggestRegion(raw: string, reference: Reference): string | null {
  const regions = [...reference.provinces, ...reference.regencies];
  const text = raw.trim();
  // "32.1": a regency code typed into a number cell or column loses its trailing zero (32.10).
  const lostZero = /^(\d{2})\.(\d)$/.exec(text);
  if (lostZero) {
    const code = `${lostZero[1]}.${lostZero[2]}0`;
    const regency = reference.regencies.find((r) => r.code === code);
    if (regency) return `${code} ("${regency.name}"; a code typed as a number loses its last zero: format the column as Text and type ${code})`;
  }
  if (/^[\d.\s]+$/.test(text)) {
    const code = dottedCode(text.replace(/\s/g, ''));
    const kind = kindOfCode(code);
    if (!kind) return null;
    const near = regions.filter((r) => kindOfCode(r.code) === kind && r.code.slice(0, 2) === code.slice(0, 2) && similarity(r.code, code) >= CLOSE);
    return near.length === 1 ? `${near[0]!.code} ("${near[0]!.name}")` : null;
  }
  const { kind, bare } = statedKind(text);
  const scored = regions
    .filter((r) => kind === null || kindOfCode(r.code) === kind)
    .map((r) => ({ r, score: similarity(bare, kindOfCode(r.code) === 'provinsi' ? normaliseSpelling(r.name) : bareName(r.name)) }))
    .filter((s) => s.score >= CLOSE)
    .sort((a, b) => b.score - a.score);
  const best = scored.filter((s) => s.score === scored[0]?.score);
  if (best.length === 0 || best.length > 3) return null;
  return best.map(({ r }) => `${r.code} ("${r.name}")`).join(' or ');
}
