/**
 * Whether a header names a person's data, by its words (src/schema/personal-data.ts): "Nama WNA",
 * "Nomor Paspor WNA", "NoPaspor", "Tgl. Lahir" and "E-mail" do, "Nama TPI", "port_name" and
 * "Jumlah" do not.
 */
import { PERSONAL_HEADER_RULES } from '../../src/schema/personal-data.ts';
import { normaliseSpelling } from './normalise-spelling.ts';

/** The kind of personal data a header names ("a passport number"), or null. */
export function personalHeaderKind(header: string): string | null {
  const spelt = normaliseSpelling(header).split(' ').filter(Boolean);
  // An acronym written with dots ("N.I.K", "T.T.L") is one word: its letters joined.
  const words = [...spelt, ...(spelt.filter((w) => w.length === 1).length >= 2 ? [spelt.map((w) => (w.length === 1 ? w : ' ')).join('').split(' ').filter((w) => w.length >= 2)].flat() : [])];
  const joined = words.join('');
  for (const rule of PERSONAL_HEADER_RULES) {
    const named = words.some((w) => rule.words.includes(w)) || (rule.parts ?? []).some((p) => joined.includes(p));
    if (!named) continue;
    if (rule.with && !words.some((w) => rule.with!.includes(w))) continue;
    if (rule.unless && words.some((w) => rule.unless!.includes(w))) continue;
    return rule.kind;
  }
  return null;
}
