// Hostile-text generators shared by the property tests (short CI pass) and `npm run fuzz` (long pass).
import fc from 'fast-check';

/** Pieces scammers and ordinary posts are made of, so random text also reaches the deep engine paths. */
const FRAGMENTS = [
  'Kamboja', 'K4mb0j4', 'K a m b o j a', 'K.a.m.b.o.j.a', '𝐊𝐚𝐦𝐛𝐨𝐣𝐚', '🇰🇭', '🇲🇲', 'Myawaddy', 'admin', '@dmin',
  'gaji 15jt', 'Rp 15.000.000', '$1,500', 'USD 1000-2000', '30,000 บาท', '25 triệu', '₱50,000', '1000 USDT',
  'tanpa pengalaman', 'tiket ditanggung', 'visa turis', 'wa.me/85512345678', 't.me/loker', '+855 12 345 678',
  'lowongan', 'dibutuhkan', 'hati-hati penipuan', 'polisi', 'https://example.org/?a=1', 'hrd@gmail.com',
  '\u200b', '\u200d', '\ufeff', '\u00ad', '\u202e', '\u0301', 'ｋａｍｂｏｊａ', '１５', 'İ', 'ß', 'ﬁ',
];

/** Code units and code points from every plane, including lone surrogates and combining marks. */
export const hostileText = (maxLength = 400) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: fc.constantFrom(...'\u0300\u0301\u0336\u200b\u200f\u202e\u2066\ud83d\ude00\ud800\udfff aA1.'), maxLength }),
    fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'grapheme-composite', maxLength: 8 })), {
      maxLength: 60,
    }).map((parts) => parts.join(' ')),
    fc.tuple(fc.constantFrom(...FRAGMENTS, 'a', '.', ' ', '9', 'aa', 'a.'), fc.integer({ min: 1, max: 3000 })).map(
      ([unit, times]) => unit.repeat(times),
    ),
  );
