/** Terms readers meet on the pages, with a short definition in both languages (glossary and tooltips). */
import type { Locale } from './locales.ts';

export const GLOSSARY = {
  WNA: {
    id: { name: 'Warga Negara Asing', text: 'Orang asing: siapa pun yang bukan warga negara Indonesia (UU 6/2011).' },
    en: { name: 'Warga Negara Asing (foreign national)', text: 'Anyone who is not an Indonesian citizen (Law 6/2011).' },
  },
  TAK: {
    id: { name: 'Tindakan Administratif Keimigrasian', text: 'Tindakan Pasal 75 UU 6/2011 tanpa proses pidana: deportasi, penangkalan/pencegahan, pembatasan, perubahan atau pembatalan izin tinggal, larangan berada di tempat tertentu, keharusan bertempat tinggal di tempat tertentu, biaya beban.' },
    en: { name: 'Immigration administrative action', text: 'Actions under Art. 75 of Law 6/2011 without criminal proceedings: deportation, entry/exit ban, restricting, changing or cancelling a stay permit, banning from places, required residence, biaya beban (a charge).' },
  },
  ITAS: {
    id: { name: 'Izin Tinggal Terbatas', text: 'Izin tinggal untuk jangka waktu terbatas, mis. untuk bekerja, belajar atau bergabung dengan keluarga.' },
    en: { name: 'Limited stay permit', text: 'A stay permit for a limited period, e.g. to work, study or join family.' },
  },
  ITAP: {
    id: { name: 'Izin Tinggal Tetap', text: 'Izin tinggal tetap bagi orang asing yang menetap di Indonesia.' },
    en: { name: 'Permanent stay permit', text: 'A permanent stay permit for foreigners settled in Indonesia.' },
  },
  TPI: {
    id: { name: 'Tempat Pemeriksaan Imigrasi', text: 'Bandara, pelabuhan atau pos lintas batas negara (PLBN) tempat perlintasan diperiksa petugas imigrasi.' },
    en: { name: 'Immigration checkpoint', text: 'Airport, seaport or land border post (PLBN) where immigration officers examine crossings.' },
  },
  TIMPORA: {
    id: { name: 'Tim Pengawasan Orang Asing', text: 'Tim lintas instansi (Imigrasi, Polri, TNI, BIN, Kejaksaan, pemerintah daerah, dll.) di tingkat provinsi, kabupaten/kota dan kecamatan (Permenkumham 50/2016).' },
    en: { name: 'Foreigner supervision team', text: 'Inter-agency team (Immigration, police, military, intelligence, prosecutors, local government…) at province, regency/city and district level (Permenkumham 50/2016).' },
  },
  rakor: {
    id: { name: 'Rapat koordinasi', text: 'Rapat koordinasi TIMPORA; dihitung sebagai satu kegiatan (peristiwa).' },
    en: { name: 'Coordination meeting', text: 'A TIMPORA coordination meeting; counted as one activity (an event).' },
  },
  Kanim: {
    id: { name: 'Kantor Imigrasi', text: 'Kantor imigrasi di daerah (kelas I/II/III, TPI atau non-TPI); angka dilaporkan ke provinsi tempat kantor melapor.' },
    en: { name: 'Immigration office', text: 'Local immigration office (class I/II/III, with or without a checkpoint); figures count under the province it reports to.' },
  },
  Kanwil: {
    id: { name: 'Kantor Wilayah', text: 'Kantor wilayah Ditjen Imigrasi di tingkat provinsi yang membawahi kantor-kantor imigrasi.' },
    en: { name: 'Regional office', text: 'Province-level regional office of the Directorate General of Immigration, over the immigration offices.' },
  },
} as const satisfies Record<string, Record<Locale, { name: string; text: string }>>;

export type GlossaryTerm = keyof typeof GLOSSARY;
export const GLOSSARY_TERMS = Object.keys(GLOSSARY) as GlossaryTerm[];
export const glossaryAnchor = (term: GlossaryTerm): string => `istilah-${term.toLowerCase()}`;
export const GLOSSARY_HEADING = { id: 'Daftar istilah', en: 'Glossary' } as const;
export const GLOSSARY_MORE = { id: 'Lihat daftar istilah', en: 'See the glossary' } as const;
