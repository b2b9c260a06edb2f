import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize, TESTING } from './normalize';

const norm = (s: string) => normalize(s).text;

/** The original text behind the first occurrence of `word` in the normalised text. */
function originalOf(original: string, word: string): string {
  const n = normalize(original);
  const i = n.text.indexOf(word);
  expect(i, `"${word}" in "${n.text}"`).toBeGreaterThanOrEqual(0);
  const [a, b] = n.toOriginal(i, i + word.length);
  return original.slice(a, b);
}

describe('normalize: Unicode', () => {
  it('folds mathematical bold / italic letters (NFKC)', () => {
    expect(norm('𝐊𝐚𝐦𝐛𝐨𝐣𝐚')).toBe('kamboja');
    expect(norm('𝘒𝘢𝘮𝘣𝘰𝘫𝘢')).toBe('kamboja');
    expect(norm('𝕂𝕒𝕞𝕓𝕠𝕛𝕒')).toBe('kamboja');
  });
  it('folds full-width letters and digits', () => {
    expect(norm('ＫＡＭＢＯＪＡ ｇａｊｉ １５００')).toBe('kamboja gaji 1500');
  });
  it('drops zero-width and invisible characters', () => {
    expect(norm('Ka\u200bmb\u200co\u200dj\u2060a')).toBe('kamboja');
    expect(norm('Kam\u00adbo\ufeffja')).toBe('kamboja');
    expect(norm('Kamb\ufe0foja\u200e')).toBe('kamboja');
    expect(norm('Kam\u2062boja')).toBe('kamboja');
  });
  it('strips Latin diacritics and combining marks but keeps Thai text intact', () => {
    expect(norm('Kâmbôjá')).toBe('kamboja');
    expect(norm('Ka\u0301mbo\u0308ja')).toBe('kamboja');
    expect(norm('lương cao, việc nhẹ')).toBe('luong cao, viec nhe');
    expect(norm('đi làm')).toBe('di lam');
    expect(norm('งานออนไลน์ รายได้สูง')).toBe('งานออนไลน์ รายได้สูง');
  });
  it('maps Cyrillic and Greek look-alikes to Latin', () => {
    expect(norm('Kаmbоjа')).toBe('kamboja'); // Cyrillic а о а
    expect(norm('КАМВОЈА')).toBe('kambojа'.replace('а', 'a'));
    expect(norm('Κambοja')).toBe('kamboja'); // Greek Κ ο
    expect(norm('аdmіn')).toBe('admin');
    expect(norm('ѕаlаrу')).toBe('salary');
  });
});

describe('normalize: obfuscation', () => {
  it('decodes leetspeak inside words', () => {
    expect(norm('K4mb0j4')).toBe('kamboja');
    expect(norm('@dmin')).toBe('admin');
    expect(norm('g4ji b3s4r')).toBe('gaji besar');
    expect(norm('$4l4ry')).toBe('salary');
    expect(norm('kamboj4')).toBe('kamboja');
    expect(norm('s7aff')).toBe('staff');
  });
  it('leaves numbers, amounts and codes alone', () => {
    expect(norm('Rp 15.000.000')).toBe('rp 15.000.000');
    expect(norm('15jt 500rb 50k rp5jt')).toBe('15jt 500rb 50k rp5jt');
    expect(norm('covid19 mp3 4g 2nd')).toBe('covid19 mp3 4g 2nd');
    expect(norm('hrd@gmail.com')).toBe('hrd@gmail.com');
    expect(norm('$1500')).toBe('$1500');
  });
  it('collapses spaced-out letters', () => {
    expect(norm('K a m b o j a')).toBe('kamboja');
    expect(norm('K.a.m.b.o.j.a')).toBe('kamboja');
    expect(norm('K-a-m-b-o-j-a')).toBe('kamboja');
    expect(norm('K_a_m_b_o_j_a')).toBe('kamboja');
    expect(norm('ke K . a . m . b . o . j . a')).toBe('ke kamboja');
    expect(norm('K 4 m b 0 j 4')).toBe('kamboja');
  });
  it('joins the qualifying tail of a longer run of single chars, and only that', () => {
    // mostly letters from the first unit that qualifies (2 digits among 3 letters still read as leetspeak)
    expect(norm('9 9 9 9 9 9 9 9 a b c')).toBe('9 9 9 9 9 9 99abc');
    // a change of gap starts a new run at the last unit of the previous one
    expect(norm('9.9.a b c d')).toBe('9.9.abcd');
    expect(norm('x 9 9 9 9 9 9 9 9 y')).toBe('x 9 9 9 9 9 9 9 9 y');
  });
  it('does not glue separate spacing styles or ordinary short words', () => {
    expect(norm('K.a.m K-a-m')).toBe('kam kam');
    expect(norm('ke di a')).toBe('ke di a');
    expect(norm('1 2 3 4')).toBe('1 2 3 4');
  });
  it('collapses runs of three or more identical letters, keeps doubles', () => {
    expect(norm('gajiii besaaarrr')).toBe('gaji besar');
    expect(norm('kambojaaaa')).toBe('kamboja');
    expect(norm('good saat keep')).toBe('good saat keep');
    expect(norm('1000000')).toBe('1000000');
    expect(norm('www.example.com')).toBe('www.example.com');
  });
  it('spells out flag emoji as country words', () => {
    expect(norm('kerja di 🇰🇭')).toContain(' cambodia ');
    for (const [flag, word] of [
      ['🇲🇲', 'myanmar'],
      ['🇱🇦', 'laos'],
      ['🇹🇭', 'thailand'],
      ['🇵🇭', 'philippines'],
      ['🇻🇳', 'vietnam'],
      ['🇲🇾', 'malaysia'],
      ['🇮🇩', 'indonesia'],
      ['🇯🇵', 'japan'],
      ['🇰🇷', 'korea'],
      ['🇹🇼', 'taiwan'],
      ['🇸🇬', 'singapore'],
      ['🇦🇪', 'uae'],
    ]) {
      expect(norm(`x${flag}y`).split(' ')).toContain(word);
    }
  });
});

describe('normalize: emoji and symbols separate words', () => {
  // Each emoji kind glued before, after and between words: the word must come out whole and alone.
  const EMOJI = [
    ['plain', '🔥'],
    ['text-presentation + VS16', '✈️'],
    ['heart + VS16', '❤️'],
    ['skin tone', '👍🏽'],
    ['ZWJ sequence', '👩‍💻'],
    ['ZWJ + skin tones', '🧑🏿‍🤝‍🧑🏻'],
    ['keycap', '1️⃣'],
    ['flag', '🇰🇭'],
    ['tag sequence flag', '🏴󠁧󠁢󠁥󠁮󠁧󠁿'],
    ['BMP symbol', '★'],
    ['trade mark', '™'],
  ] as const;
  const words = (s: string) =>
    norm(s)
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
  for (const [kind, e] of EMOJI) {
    it(`${kind}: before, after and between words`, () => {
      expect(words(`${e}KAMBOJA`)).toContain('kamboja');
      expect(words(`KAMBOJA${e}`)).toContain('kamboja');
      expect(words(`${e}KAMBOJA${e}`)).toContain('kamboja');
      const between = words(`LOKER${e}KAMBOJA`);
      expect(between).toContain('loker');
      expect(between).toContain('kamboja');
    });
  }
  it('keeps currency signs and punctuation the extractors need', () => {
    expect(norm('€500 ₱50,000 ฿30 ₹1 ₩2 $3 a.b@c.d/e+f')).toBe('€500 ₱50,000 ฿30 ₹1 ₩2 $3 a.b@c.d/e+f');
  });
  it('keeps the digit of a keycap and astral letters inside words', () => {
    expect(norm('1️⃣Kamboja')).toBe(' 1 kamboja');
    expect(norm('Kamboja1️⃣ 2⃣x')).toBe('kamboja 1   2 x');
    expect(norm('𠀀𠀁 ok')).toBe('𠀀𠀁 ok');
  });
  it('maps words next to emoji back to the original text', () => {
    expect(originalOf('🔥LOKER KAMBOJA🔥', 'kamboja')).toBe('KAMBOJA');
    expect(originalOf('👩🏽‍💻Kamboja✈️', 'kamboja')).toBe('Kamboja');
    expect(originalOf('🇰🇭KAMBOJA', 'cambodia')).toBe('🇰🇭');
  });
});

describe('normalize: offsets map back to the original text', () => {
  it('after NFKC of astral letters', () => {
    expect(originalOf('Ayo ke 𝐊𝐚𝐦𝐛𝐨𝐣𝐚!', 'kamboja')).toBe('𝐊𝐚𝐦𝐛𝐨𝐣𝐚');
  });
  it('after spacing collapse', () => {
    expect(originalOf('kerja di K . a . m . b . o . j . a ya', 'kamboja')).toBe('K . a . m . b . o . j . a');
  });
  it('after leetspeak', () => {
    expect(originalOf('lowongan K4mb0j4 sekarang', 'kamboja')).toBe('K4mb0j4');
  });
  it('after repeated-letter collapse and zero-width removal', () => {
    expect(originalOf('gajiii\u200b besar', 'gaji')).toBe('gajiii');
    expect(originalOf('Ka\u200bmboja', 'kamboja')).toBe('Ka\u200bmboja');
  });
  it('for flag emoji', () => {
    const t = 'Kerja 🇰🇭 gaji besar';
    expect(originalOf(t, 'cambodia')).toBe('🇰🇭');
  });
  it('for full-width and Cyrillic text', () => {
    expect(originalOf('gaji ＫＡＭＢＯＪＡ', 'kamboja')).toBe('ＫＡＭＢＯＪＡ');
    expect(originalOf('ke Kаmbоja', 'kamboja')).toBe('Kаmbоja');
  });
  it('keeps every mapped span inside the original and in order (property)', () => {
    const alphabet = fc.constantFrom(
      ...('aKk4 0.-_@$\u200b\u00ad𝐊ＫаοéêŀĳÆ🇰🇭ไก่3jt,+855'.match(/[\s\S]/gu) as string[]),
      '🇰🇭',
      '𝐊',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (parts) => {
        const s = parts.join('');
        const n = normalize(s);
        let prev = 0;
        for (let i = 0; i < n.text.length; i++) {
          const [a, b] = n.toOriginal(i, i + 1);
          if (!(a >= 0 && b <= s.length && a < b && a >= prev)) return false;
          prev = a;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
  it('gives the same result whether pass B scans everything or starts at the first candidate (property)', () => {
    const alphabet = fc.constantFrom(
      ...('ak4 0.-_@$sS1md3\u200bＫé🇰🇭ja,'.match(/[\s\S]/gu) as string[]),
      'K a m',
      ' x.y.z ',
      'gajiii',
      '🇰🇭',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (parts) => {
        const s = parts.join('');
        const fast = normalize(s);
        TESTING.fullPassB = true;
        try {
          const full = normalize(s);
          return (
            fast.text === full.text &&
            fast.starts.join() === full.starts.join() &&
            fast.ends.join() === full.ends.join()
          );
        } finally {
          TESTING.fullPassB = false;
        }
      }),
      { numRuns: 500 },
    );
  });
});
