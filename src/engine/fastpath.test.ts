// The fused scan (asciiScan in engine.ts) must give exactly the verdict of the full path (normalizeInto +
// scanWords), and take over only posts normalisation maps char for char (plain ASCII, or non-ASCII chars that
// become one ASCII char or separator each).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINE_TESTING } from './engine';
import { normalize } from './normalize';
import { engineOf, type MiniRule } from './testkit';

const RULES: MiniRule[] = [
  { id: 'kh', match: [{ terms: ['kamboja', 'phnom penh', 'admin', 'salary', 'hotel', 'email'] }] },
  { id: 'job', match: [{ terms: ['kerja+', 'gaji', 'lowongan', 'www', 'abc'] }] },
  { id: 'near', match: [{ near: { terms: ['gaji'], with: ['besar', 'tinggi'], within: 3 } }] },
  { id: 'money', match: [{ money: { min_idr_month: 5_000_000 } }] },
  { id: 'phone', match: [{ phone: { countries: ['KH', 'ID'] } }] },
  { id: 'link', match: [{ link: { hosts: ['wa.me', 't.me', 'gmail.com'] } }] },
  { id: 'rx', match: [{ regex: '(?:gmail|yahoo)[^a-z0-9]{1,3}co(?:m|\\b)' }] },
  { id: 'combo', kind: 'combo', family: 'combo', match: [{ all: [{ flag: 'kh' }, { flag: 'job' }] }] },
];
const engine = engineOf(RULES);

/** Verdict JSON through the fused scan (when it accepts the post) and through the full path. */
function both(text: string): { fast: string; full: string; accepted: boolean } {
  const before = ENGINE_TESTING.asciiAccepted;
  const fast = JSON.stringify(engine.analyze(text));
  const accepted = ENGINE_TESTING.asciiAccepted > before;
  ENGINE_TESTING.asciiScan = false;
  try {
    return { fast, full: JSON.stringify(engine.analyze(text)), accepted };
  } finally {
    ENGINE_TESTING.asciiScan = true;
  }
}

afterEach(() => {
  ENGINE_TESTING.asciiScan = true;
});

describe('fused ASCII scan', () => {
  it('takes plain posts and gives the full path verdict', () => {
    for (const t of [
      'Lowongan kerja di Kamboja, gaji besar 15jt, hubungi wa.me/85512345678 atau hrd@gmail.com',
      'Kerjanya mudah, gajinya tinggi. Admin: +855 12 345 678. Rp 15.000.000/bulan',
      'pengalaman 1-2 tahun, S1/D3, usia 18 - 25 th',
      'www.kerja.com abc www',
      'a b',
      '',
      'x',
    ]) {
      const r = both(t);
      expect(r.accepted, t).toBe(true);
      expect(r.fast, t).toBe(r.full);
    }
  });

  it('hands over every text normalisation changes, wherever the trick sits', () => {
    for (const t of [
      'kerja di kamboja 🔥', // emoji (a surrogate pair) as the last chars
      '🔥 kerja di kamboja',
      'kerja di kamboja​', // a dropped char at the very end
      'kerja di kamboja…', // an expansion (… → ...)
      'gaji ½ juta',
      'Straße',
      'kerja di กรุงเทพ',
      'kerja 招聘',
      'kerja di камбоджа', // Cyrillic that stays Cyrillic
      'kerja di k4mb0j4', // leetspeak as the last word
      'k4mb0j4 kerja',
      'kerja di kamboj4',
      'gaji @dmin',
      '$4l4ry tinggi',
      'hote1 murah',
      'kerja gajiii', // run of 3 same letters
      'aaa',
      'kerja di K a m b o j a',
      'kerja di K.a.m',
      'K-a-m',
      'kerja 1\u20e3',
      'kerja 1\ufe0f\u20e3 kamboja',
      'kerja\u200bkamboja',
    ]) {
      const r = both(t);
      expect(r.accepted, t).toBe(false);
      expect(r.fast, t).toBe(r.full);
    }
  });

  it('takes chars normalisation maps one to one (accents, look-alikes, full-width, dashes, bullets)', () => {
    for (const t of [
      'kerja di kamboja é',
      'é kerja di Kambojá',
      'Kаmbоjа', // Cyrillic а о
      'ＫＡＭＢＯＪＡ gaji １５jt',
      'gaji “besar” – kerja’nya',
      '• kerja kamboja',
      'lương cao, việc nhẹ',
      'Tuyển dụng nhân viên làm việc tại Campuchia, lương cao 1500 USD một tháng',
      'kerja di kambojằ tằi ẳn', // Vietnamese letters decide the language
      'đi làm',
      'ｈｒｄ＠ｇｍａｉｌ.com',
    ]) {
      const r = both(t);
      expect(r.accepted, t).toBe(true);
      expect(r.fast, t).toBe(r.full);
    }
    // a 1:1 char can still complete a trick: then the full path takes over
    for (const t of ['gajiíí', 'K·a·m·b', 'K4mb0jа', 'kerja ａ ｂ ｃ']) {
      const r = both(t);
      expect(r.accepted, t).toBe(false);
      expect(r.fast, t).toBe(r.full);
    }
  });

  it('keeps what normalisation keeps: www, numbers, codes, e-mail, doubled letters', () => {
    for (const t of [
      'www.example.com',
      'wwww',
      'covid19 mp3 4g 2nd rp5jt 15jt',
      'hrd@gmail.com',
      'saat good',
      'a b 1 2',
    ]) {
      const r = both(t);
      expect(r.accepted, t).toBe(true);
      expect(normalize(t).text).toBe(t.toLowerCase());
      expect(r.fast, t).toBe(r.full);
    }
  });

  it('accepts a text only when its normalised text is its lower-casing, and agrees with the full path (property)', () => {
    const part = fc.constantFrom(
      ...'ak4 0.-_@$sS1md3/|*,!\n'.split(''),
      'K a m',
      'K.a.m.b',
      'a b c',
      '1 2 3',
      ' x.y.z ',
      'gajiii',
      'www',
      'kamboja',
      'kerjanya',
      'gaji',
      'besar',
      'phnom penh',
      'k4mb0j4',
      '@dmin',
      'hrd@gmail.com',
      'gmail . com',
      'wa.me/85512345678',
      '+855 12 345 678',
      'Rp 15.000.000',
      '15jt',
      'é',
      'É',
      'а',
      '·',
      '–',
      '•',
      'ư',
      '４',
      '＠',
      '\u00a0',
      'ß',
      '…',
      '\u200b',
      '1\u20e3',
      '🇰🇭',
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const r = both(s);
        if (r.fast !== r.full) return false;
        if (r.accepted) {
          // taken only when normalisation maps char k to char k
          const n = normalize(s);
          return n.text.length === s.length && n.starts.every((x, k) => x === k) && n.ends.every((x, k) => x === k + 1);
        }
        return true;
      }),
      { numRuns: 2000 },
    );
  });
});
