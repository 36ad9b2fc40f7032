/**
 * What personal data looks like in an office export, declared once: the words of a header that
 * names a person's data, and the shapes of values that are one. A file with either is refused
 * before anything is published (scripts/anonymise/); docs/data-dictionary.md lists them.
 *
 * Headers are compared word by word after spelling is normalised (lower case, accents gone,
 * punctuation a space: "No. Paspor" → "no paspor"), so "Nama WNA", "Nomor Paspor WNA" and
 * "NoPaspor" are caught as well as the exact names. Values are matched anywhere in the text, so a
 * remarks column holding "a.n. John Doe, paspor E1234567" is caught too.
 */

/** A header naming a person's data: the kind of data, and the words (or word starts/parts) that say so. */
export interface PersonalHeaderRule {
  kind: string;
  /** Whole words. */
  words: readonly string[];
  /** Parts of a word ("paspor" in "nopaspor", "name" in "fullname"). */
  parts?: readonly string[];
  /** The rule holds only with one of these words too (a number of a document: "no kitas", not "jumlah kitas"). */
  with?: readonly string[];
  /** The rule does not hold with one of these words (a place's or an office's name is not a person's). */
  unless?: readonly string[];
}

/** Words that make a name something other than a person's: "nama kantor", "port_name". */
export const NOT_A_PERSON = [
  'kantor', 'kanim', 'kanwil', 'satker', 'satuan', 'unit', 'tpi', 'pelabuhan', 'bandara', 'bandar', 'pos', 'plbn',
  'negara', 'provinsi', 'kabupaten', 'kota', 'kecamatan', 'kelurahan', 'desa', 'wilayah', 'daerah', 'lokasi', 'tempat',
  'instansi', 'kegiatan', 'tindakan', 'pelanggaran', 'indikator', 'jenis', 'kategori',
  'office', 'port', 'airport', 'country', 'province', 'regency', 'city', 'district', 'village', 'region', 'location', 'place',
  'agency', 'activity', 'action', 'violation', 'metric', 'category', 'file', 'sheet', 'kolom', 'column',
] as const;

/** Words for "number of": a document's number identifies its holder. */
export const NUMBER_WORDS = ['no', 'nomor', 'nomer', 'number', 'num', 'nr', 'nbr'] as const;

export const PERSONAL_HEADER_RULES: readonly PersonalHeaderRule[] = [
  { kind: "a person's name", words: ['nama', 'name', 'nm'], parts: ['fullname', 'firstname', 'lastname', 'surname', 'username', 'namalengkap', 'namawna'], unless: [...NOT_A_PERSON, 'visa', 'izin'] },
  { kind: 'a passport number', words: [], parts: ['paspor', 'passport', 'pasport'] },
  { kind: 'a NIK (national identity number)', words: ['nik', 'ktp', 'kependudukan'] },
  { kind: "a document's number (stay permit, visa, identity card)", words: ['kitas', 'kitap', 'itas', 'itap', 'itk', 'visa', 'identitas', 'identity', 'id', 'dokumen', 'document', 'register', 'registrasi', 'kk', 'sim'], with: NUMBER_WORDS, unless: NOT_A_PERSON },
  { kind: 'a birth date or place', words: ['lahir', 'dob', 'ttl'], parts: ['birth'] },
  { kind: 'an address', words: ['rt', 'rw'], parts: ['alamat', 'address'] },
  { kind: 'a phone number or e-mail address', words: ['hp', 'wa', 'tel', 'telp', 'kontak', 'contact', 'ponsel', 'surel'], parts: ['telepon', 'telpon', 'phone', 'whatsapp', 'email'] },
  { kind: 'a photograph or fingerprint', words: ['foto', 'photo'], parts: ['fingerprint', 'sidikjari', 'biometri'] },
];

/**
 * Values that are personal data wherever they stand, as regular expressions (case-insensitive,
 * Unicode) written in the syntax JavaScript and DuckDB's RE2 share: no look-around, no named groups.
 * The boundaries keep region codes (36.72.01.2001), dates, office codes and counts out.
 */
export const PERSONAL_VALUE_PATTERNS: readonly { kind: string; source: string }[] = [
  // 16 digits, alone, as 6-6-4 or as 4-4-4-4 with one separator
  { kind: 'a NIK (16-digit national identity number)', source: String.raw`(^|[^0-9])([0-9]{16}|[0-9]{6}[ .-][0-9]{6}[ .-][0-9]{4}|[0-9]{4}[ .-][0-9]{4}[ .-][0-9]{4}[ .-][0-9]{4})([^0-9]|$)` },
  // one or two letters then 6 to 8 digits (E1234567, AB 1234567), or any number after the word
  { kind: 'a passport number', source: String.raw`(^|[^a-z0-9])[a-z]{1,2} ?[0-9]{6,8}([^a-z0-9]|$)|(paspor|passport|pasport)[^a-z0-9]{0,4}(no|nomor|number|nr)?[^a-z0-9]{0,4}[a-z]{0,2}[0-9]{5,9}` },
  // "a.n. John Doe", "an. Tanaka", "a/n Budi", "atas nama Siti", "Nama: Li Wei"
  { kind: 'a name after "a.n."', source: String.raw`(^|[^a-z])(a\. ?n\.?|an\.|a/n|atas nama|nama ?:)\s*\p{L}\p{L}` },
  // a form of address before a name: "Sdr. John Smith", "Tn. Wang", "Ny. Sato", "Mr. Lee"
  { kind: 'a name after a form of address ("Sdr.", "Tn.", "Mr.")', source: String.raw`(^|[^a-z])(sdr|sdri|sdra|tn|ny|nn|mr|mrs|ms)\. ?\p{L}\p{L}` },
  { kind: 'a birth date', source: String.raw`(lahir|dob|born|birth)[^0-9a-z]{0,4}[0-9]{1,4}[-/. ][0-9]{1,2}` },
  { kind: 'an e-mail address', source: String.raw`[a-z0-9._%+-]+@[a-z0-9-]+\.[a-z0-9.-]*[a-z]{2}` },
  // Indonesian numbers: 08…, 628…, +62 8…, 10 to 13 digits, groups separated by a space, dot or dash
  { kind: 'a phone number', source: String.raw`(^|[^0-9+])(\+62 ?|62|0)8[0-9]{1,2}[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,5}([^0-9]|$)` },
];
