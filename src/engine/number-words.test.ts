import { describe, expect, it } from 'vitest';
import { extractMoney } from './extract';
import { normalize } from './normalize';
import { parseCjkNumber, parseNumberWords, wordAmounts } from './number-words';

const money = (text: string) =>
  extractMoney(normalize(text).text).map((m) => [m.currency, m.max, m.period] as [string, number, string]);

describe('parseNumberWords', () => {
  it.each<[string, number]>([
    ['dua belas juta', 12e6],
    ['empat juta setengah', 4.5e6],
    ['tiga setengah juta', 3.5e6],
    ['lima puluh', 50],
    ['seratus lima puluh ribu', 150_000],
    ['dua juta lima ratus ribu', 2_500_000],
    ['sebelas juta', 11e6],
    ['sejuta', 1e6],
    ['two thousand', 2000],
    ['twenty five hundred', 2500],
    ['one hundred and fifty', 150],
  ])('%s = %d', (words, value) => {
    expect(parseNumberWords(words.split(' '))).toBe(value);
  });

  it('rejects runs that are not a number', () => {
    expect(parseNumberWords(['juta'])).toBeNull();
    expect(parseNumberWords(['puluh', 'dua'])).toBeNull();
    expect(parseNumberWords(['setengah'])).toBeNull();
  });
});

describe('parseCjkNumber', () => {
  it.each<[string, number]>([
    ['三', 3],
    ['十五', 15],
    ['三千', 3000],
    ['两千五百', 2500],
  ])('%s = %d', (s, v) => expect(parseCjkNumber(s)).toBe(v));
});

describe('amounts in words as money', () => {
  it.each<[string, [string, number, string]]>([
    ['gajinya dua belas juta per bulan', ['IDR', 12e6, 'month']],
    ['gaji empat juta setengah', ['IDR', 4.5e6, 'month']],
    ['dengan gaji 50 (lima puluh) ringgit', ['MYR', 50, 'month']],
    ['salary two thousand dollars a month', ['USD', 2000, 'month']],
    ['seratus lima puluh ribu per hari', ['IDR', 150_000, 'day']],
    ['月薪三萬元', ['TWD', 30_000, 'month']],
    ['月薪五千元', ['CNY', 5000, 'month']],
  ])('%s', (text, want) => {
    expect(money(text)).toContainEqual(want);
  });

  it('needs a scale word or a currency: counts of people or years are not money', () => {
    expect(money('butuh dua orang, kontrak lima tahun')).toEqual([]);
    expect(money('tiga puluh menit dari stasiun')).toEqual([]);
  });

  it('reads currencies written in other scripts and the Malay AS$', () => {
    expect(money('月薪2000美元')).toContainEqual(['USD', 2000, 'month']);
    expect(money('ค่าตอบแทน 1,000 ดอลลาร์')).toContainEqual(['USD', 1000, 'month']);
    expect(money('เงินเดือน 3 หมื่นบาท')).toContainEqual(['THB', 30_000, 'month']);
    expect(money('gaji AS$1,100 sebulan')).toContainEqual(['USD', 1100, 'month']);
    expect(money('salary US$1,200')).toContainEqual(['USD', 1200, 'month']);
  });

  it('skips the spelled-out copy of an amount already read from digits only when they overlap', () => {
    const spans = wordAmounts(normalize('Rp4.500.000,00 (empat juta lima ratus ribu rupiah)').text, 10);
    expect(spans).toHaveLength(1);
    expect(spans[0].value).toBe(4_500_000);
  });
});
