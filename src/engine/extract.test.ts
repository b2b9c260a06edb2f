import { describe, expect, it } from 'vitest';
import { extractAll, MAX_ITEMS_PER_KIND, parseNumber } from './extract';
import { DAYS_PER_MONTH, DEFAULT_RATES, WEEKS_PER_MONTH } from './rates';

function money(text: string) {
  const m = extractAll(text).money;
  for (const x of m) expect(text.slice(x.evidence.start, x.evidence.end)).toBe(x.evidence.text);
  return m;
}
function one(text: string) {
  const m = money(text);
  expect(m, text).toHaveLength(1);
  return m[0];
}

describe('parseNumber', () => {
  it('reads thousands separators and decimals', () => {
    expect(parseNumber('15.000.000')).toBe(15_000_000);
    expect(parseNumber('1,500')).toBe(1500);
    expect(parseNumber('1.500')).toBe(1500);
    expect(parseNumber('1,5')).toBe(1.5);
    expect(parseNumber('2.5')).toBe(2.5);
    expect(parseNumber('1.000,50')).toBe(1000.5);
    expect(parseNumber('1,000,000')).toBe(1_000_000);
  });
});

describe('money', () => {
  const USD = DEFAULT_RATES.USD;
  it.each([
    ['Gaji Rp 15.000.000', 'IDR', 15_000_000, 15_000_000, 'Rp 15.000.000'],
    ['gaji 15jt', 'IDR', 15_000_000, 15_000_000, '15jt'],
    ['gaji 15 juta', 'IDR', 15_000_000, 15_000_000, '15 juta'],
    ['uang makan 500rb', 'IDR', 500_000, 500_000, '500rb'],
    ['gaji 7-10 juta', 'IDR', 7_000_000, 10_000_000, '7-10 juta'],
    ['Rp 4.500.000 - 6.000.000', 'IDR', 4_500_000, 6_000_000, 'Rp 4.500.000 - 6.000.000'],
    ['salary $1500', 'USD', 1500, 1500, '$1500'],
    ['1.500 USD', 'USD', 1500, 1500, '1.500 USD'],
    ['USD 1,000-2,000', 'USD', 1000, 2000, 'USD 1,000-2,000'],
    ['1000 dolar', 'USD', 1000, 1000, '1000 dolar'],
    ['RM 8000', 'MYR', 8000, 8000, 'RM 8000'],
    ['₱50,000', 'PHP', 50_000, 50_000, '₱50,000'],
    ['PHP 50k', 'PHP', 50_000, 50_000, 'PHP 50k'],
    ['lương 25 triệu', 'VND', 25_000_000, 25_000_000, '25 triệu'],
    ['25.000.000 VND', 'VND', 25_000_000, 25_000_000, '25.000.000 VND'],
    ['30,000 บาท', 'THB', 30_000, 30_000, '30,000 บาท'],
    ['¥200,000', 'JPY', 200_000, 200_000, '¥200,000'],
    ['1000 USDT', 'USDT', 1000, 1000, '1000 USDT'],
    ['US$ 1,200', 'USD', 1200, 1200, 'US$ 1,200'],
    ['gaji ＄１５００', 'USD', 1500, 1500, '＄１５００'],
  ])('%s', (text, currency, min, max, evidence) => {
    const m = one(text);
    expect(m.currency).toBe(currency);
    expect(m.min).toBe(min);
    expect(m.max).toBe(max);
    expect(m.period).toBe('month');
    expect(m.evidence.text).toBe(evidence);
    expect(m.idrMonthMax).toBeCloseTo(max * DEFAULT_RATES[currency], 0);
  });

  it('converts periods to a monthly estimate', () => {
    const day = one('Rp 200.000 per hari');
    expect(day.period).toBe('day');
    expect(day.idrMonthMax).toBe(200_000 * DAYS_PER_MONTH);
    expect(one('$50/day').period).toBe('day');
    expect(one('gaji 150rb sehari').period).toBe('day');
    expect(one('gaji harian 150rb').period).toBe('day');
    const week = one('$500 per week');
    expect(week.period).toBe('week');
    expect(week.idrMonthMax).toBeCloseTo(500 * USD * WEEKS_PER_MONTH, 0);
    expect(one('Rp 1.000.000 per minggu').period).toBe('week');
    expect(one('Rp 5jt/bulan').period).toBe('month');
    expect(one('$24,000 per year').idrMonthMax).toBeCloseTo((24_000 * USD) / 12, 0);
  });

  it('ignores bare numbers (ages, years, counts, phone numbers)', () => {
    expect(money('usia 20-40 tahun, tinggi 160 cm, tahun 2025, 3 orang')).toEqual([]);
    expect(money('hubungi 0812-3456-7890')).toEqual([]);
  });

  it('finds several amounts', () => {
    const m = money('gaji pokok 12 juta + bonus 20-30 juta');
    expect(m.map((x) => x.max)).toEqual([12_000_000, 30_000_000]);
  });

  it('marks company-size figures as not salary-like', () => {
    for (const text of [
      'a company with $389 billion in assets',
      'Apple had $389 billion revenue',
      'USD 2.5 million revenue last year',
      'annual turnover of USD 2.5 million',
      'omzet Rp 500 juta per bulan',
      'perusahaan dengan aset Rp 5 miliar',
      'Rp 5 miliar',
      'modal usaha Rp 2 triliun',
      'valuasi 10 triliun rupiah',
      'we raised $12m in funding',
      'Rp 3.000.000.000 per bulan', // above the monthly ceiling
    ]) {
      const m = money(text);
      expect(m.length, text).toBeGreaterThan(0);
      expect(
        m.map((x) => x.salaryLike),
        text,
      ).toEqual(m.map(() => false));
    }
  });

  it('keeps salaries salary-like, also next to company figures', () => {
    for (const text of [
      'gaji 15jt/bulan',
      'Salary USD 1,500 per month',
      'Rp 1.500.000.000 per tahun', // 125 juta a month: high, but a salary
      'perusahaan beromzet 1 miliar, gaji 20 juta',
      'investasi 1 juta, profit 300rb per hari',
      'Sales marketing, gaji $1200',
    ]) {
      const m = money(text);
      expect(m.at(-1)?.salaryLike, text).toBe(true);
    }
    expect(money('investasi 1 juta, profit 300rb per hari')[0].salaryLike).toBe(false);
  });
});

describe('phones', () => {
  it.each([
    ['+855 12 345 678', 'KH'],
    ['+95 9 123 456 789', 'MM'],
    ['+856 20 5555 1234', 'LA'],
    ['+66 81 234 5678', 'TH'],
    ['+63 917 123 4567', 'PH'],
    ['+60 12-345 6789', 'MY'],
    ['+62 812 3456 789', 'ID'],
    ['+84 91 234 56 78', 'VN'],
    ['+86 138 0013 8000', 'CN'],
    ['+886 912 345 678', 'TW'],
    ['+971 50 123 4567', 'AE'],
    ['00855 97 1234567', 'KH'],
    ['0812-3456-7890', 'ID'],
    ['081234567890', 'ID'],
    ['6281234567890', 'ID'],
    ['+８５５ １２ ３４５ ６７８', 'KH'],
    ['+855\u200b12345678', 'KH'],
  ])('%s → %s', (num, country) => {
    const text = `hubungi ${num} sekarang`;
    const p = extractAll(text).phones;
    expect(p).toHaveLength(1);
    expect(p[0].country).toBe(country);
    expect(p[0].evidence.text).toBe(num);
    expect(text.slice(p[0].evidence.start, p[0].evidence.end)).toBe(num);
  });
  it('reads the number of a wa.me link', () => {
    const p = extractAll('chat wa.me/85512345678 ya').phones;
    expect(p.map((x) => [x.country, x.e164])).toEqual([['KH', '+85512345678']]);
  });
  it('does not take prices or dates for phones', () => {
    expect(extractAll('Rp 15.000.000 tanggal 2025-10-12 kode 12345678').phones).toEqual([]);
  });
});

describe('links', () => {
  it('classifies chat links, shorteners, web links and e-mail', () => {
    const text =
      'Daftar: https://bit.ly/abc123, wa.me/6281234567 t.me/hrd_kerja telegram.me/x line.me/ti/p/abc, ' +
      'email hrd.job@gmail.com atau hr@perusahaan.co.id, www.karirhub.kemnaker.go.id.';
    const l = extractAll(text).links;
    expect(l.map((x) => [x.kind, x.host])).toEqual([
      ['shortener', 'bit.ly'],
      ['whatsapp', 'wa.me'],
      ['telegram', 't.me'],
      ['telegram', 'telegram.me'],
      ['line', 'line.me'],
      ['email', 'gmail.com'],
      ['email', 'perusahaan.co.id'],
      ['web', 'karirhub.kemnaker.go.id'],
    ]);
    expect(l.find((x) => x.host === 'gmail.com')?.freeMail).toBe(true);
    expect(l.find((x) => x.host === 'perusahaan.co.id')?.freeMail).toBe(false);
    for (const x of l) expect(text.slice(x.evidence.start, x.evidence.end)).toBe(x.evidence.text);
    expect(l[0].evidence.text).toBe('https://bit.ly/abc123');
    expect(l[7].evidence.text).toBe('www.karirhub.kemnaker.go.id');
  });
  it('knows the free-mail domains', () => {
    for (const d of ['yahoo.com', 'outlook.com', 'hotmail.com', 'ymail.com', 'proton.me']) {
      const l = extractAll(`kirim ke hrd@${d}`).links;
      expect(l[0].freeMail, d).toBe(true);
    }
  });
  it('finds an e-mail address glued to punctuation, whole, and strips trailing punctuation', () => {
    const l = extractAll('Kirim CV:hrd.kerja_2025@gmail.com!!! atau (admin+loker@yahoo.co.id).').links;
    expect(l.map((x) => x.evidence.text)).toEqual(['hrd.kerja_2025@gmail.com', 'admin+loker@yahoo.co.id']);
    expect(extractAll('lihat https://example.org/a.b...., ya').links.map((x) => x.evidence.text)).toEqual([
      'https://example.org/a.b',
    ]);
  });
  it('does not take numbers or sentence ends for hosts', () => {
    expect(extractAll('Gaji 15.000.000. Kerja di kantor.Kami tunggu').links).toEqual([]);
  });
});

describe('bounded work on crafted posts', () => {
  it(`keeps the first ${MAX_ITEMS_PER_KIND} amounts, phone numbers and links of each kind`, () => {
    const many = (unit: (i: number) => string) => Array.from({ length: 300 }, (_, i) => unit(i)).join(' ');
    const got = extractAll(many((i) => `${1000 + i} USDT`)).money;
    expect(got).toHaveLength(MAX_ITEMS_PER_KIND);
    expect(got[0].evidence.text).toBe('1000 USDT');
    expect(got[MAX_ITEMS_PER_KIND - 1].evidence.text).toBe(`${1000 + MAX_ITEMS_PER_KIND - 1} USDT`);
    expect(extractAll(many((i) => `+855 12 345 ${String(100 + i)}`)).phones).toHaveLength(MAX_ITEMS_PER_KIND);
    expect(extractAll(many((i) => `site${i}.com`)).links).toHaveLength(MAX_ITEMS_PER_KIND);
  });

  it('leaves ordinary posts whole', () => {
    const post = Array.from({ length: 40 }, (_, i) => `Gaji Rp ${i + 1}.000.000 per bulan`).join('. ');
    expect(extractAll(post).money).toHaveLength(40);
  });
});
