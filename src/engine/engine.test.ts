import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from './compile';
import { createEngine, explainRule, MAX_CHARS, requiredLiterals } from './engine';
import { COUNTRY_CALLING_CODES, extractAll } from './extract';
import { engineOf, FAMILIES, firedIds, type MiniRule, rule, vocab } from './testkit';
import type { Verdict } from './types';

/** Every evidence span must be exactly what the user sees at those offsets. */
function checkEvidence(text: string, v: Verdict): void {
  for (const f of v.flags) {
    for (const e of f.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  }
}

function fires(rules: MiniRule[], text: string, id = rules[0].id): boolean {
  const e = engineOf(rules);
  const v = e.analyze(text);
  checkEvidence(text, v);
  return v.flags.some((f) => f.id === id);
}

describe('terms', () => {
  const kh: MiniRule[] = [{ id: 'kh', match: [{ terms: ['kamboja', 'phnom penh'] }] }];
  it('matches whole words only', () => {
    expect(fires(kh, 'kerja di Kamboja')).toBe(true);
    expect(fires(kh, 'kerja di kambojanese')).toBe(false);
    expect(fires(kh, 'kerjadikamboja')).toBe(false);
  });
  it('tolerates Indonesian clitics on the last word', () => {
    expect(fires(kh, 'kerja di Kambojanya')).toBe(true);
    expect(fires(kh, 'Kambojalah tujuannya')).toBe(true);
    expect(fires(kh, 'ke Phnom Penhnya')).toBe(true);
    expect(fires(kh, 'ke Phnomnya Penh')).toBe(false);
  });
  it('matches phrases across spaces and punctuation, and written together', () => {
    expect(fires(kh, 'ke Phnom-Penh!')).toBe(true);
    expect(fires(kh, 'ke PHNOM,\n  penh')).toBe(true);
    expect(fires(kh, 'ke PhnomPenh')).toBe(true);
    expect(fires(kh, 'Phnom dan Penh')).toBe(false);
  });
  it('matches obfuscated writing', () => {
    for (const t of ['𝐊𝐚𝐦𝐛𝐨𝐣𝐚', 'K4mb0j4', 'K a m b o j a', 'K.a.m.b.o.j.a', 'Kаmbоjа', 'Kam\u200bboja', 'kambojaaa']) {
      expect(fires(kh, `kerja di ${t} gaji besar`), t).toBe(true);
    }
  });
  it('finds words glued to emoji, with the word itself as evidence', () => {
    const e = engineOf(kh);
    for (const text of [
      '🔥LOKER KAMBOJA🔥',
      '🇰🇭KAMBOJA',
      'KAMBOJA✈️',
      'kerja👩‍💻kamboja',
      'kamboja👍🏾 gaji besar',
      '3️⃣kamboja',
      '💰💰Phnom🔥Penh💰',
    ]) {
      const v = e.analyze(text);
      checkEvidence(text, v);
      expect(
        v.flags.map((f) => f.id),
        text,
      ).toEqual(['kh']);
      expect(v.flags[0].evidence[0].text.toLowerCase(), text).toMatch(/^(kamboja|phnom🔥penh)$/);
    }
  });
  it('expands Indonesian affixes for word+', () => {
    const r: MiniRule[] = [{ id: 'cost', match: [{ terms: ['biaya tanggung+'] }] }];
    expect(fires(r, 'semua biaya ditanggung perusahaan')).toBe(true);
    expect(fires(r, 'biaya menanggung')).toBe(true);
    expect(fires(r, 'biaya tanggungan')).toBe(true);
    expect(fires(r, 'biaya ditanggungnya')).toBe(true);
    expect(fires(r, 'biaya ditunggu')).toBe(false);
    expect(fires(r, 'ditanggung')).toBe(false);
  });
  it('matches prefixes for word*', () => {
    const r: MiniRule[] = [{ id: 'adm', match: [{ terms: ['admin*'] }] }];
    expect(fires(r, 'posisi Administrasi')).toBe(true);
    expect(fires(r, 'posisi admin')).toBe(true);
    expect(fires(r, 'posisi @dmin')).toBe(true);
    expect(fires(r, 'posisi adm')).toBe(false);
  });
  it('matches Thai and Chinese terms without spaces', () => {
    const r: MiniRule[] = [{ id: 'lure', match: [{ terms: ['รายได้สูง', '包吃包住'] }] }];
    expect(fires(r, 'งานออนไลน์รายได้สูงมาก')).toBe(true);
    expect(fires(r, '高薪招聘，包吃包住包機票')).toBe(true);
    expect(fires(r, 'รายได้ต่ำ')).toBe(false);
  });
  it('expands vocabularies', () => {
    const e = engineOf([{ id: 'hub', match: [{ terms: ['@hubs'] }] }], [vocab('hubs', ['Bavet', 'Poipet'])]);
    expect(firedIds(e, 'kerja di Poipet')).toEqual(['hub']);
  });
  it('reports the matched words with original offsets', () => {
    const e = engineOf(kh);
    const text = 'Loker 𝐊𝐚𝐦𝐛𝐨𝐣𝐚 dan Phnom-Penh 🙂';
    const v = e.analyze(text);
    checkEvidence(text, v);
    expect(v.flags[0].evidence.map((x) => x.text)).toEqual(['𝐊𝐚𝐦𝐛𝐨𝐣𝐚', 'Phnom-Penh']);
  });
});

describe('near / unless / all / any / regex', () => {
  it('near: within N words, either order', () => {
    const r: MiniRule[] = [
      { id: 'n', match: [{ near: { terms: ['visa'], with: ['turis', 'kunjungan'], within: 3 } }] },
    ];
    expect(fires(r, 'pakai visa turis dulu')).toBe(true);
    expect(fires(r, 'pakai visa dulu ya turis')).toBe(true);
    expect(fires(r, 'turis, pakai visa')).toBe(true);
    expect(fires(r, 'visa kerja resmi, bukan untuk para turis')).toBe(false);
  });
  it('near evidence covers both words', () => {
    const e = engineOf([{ id: 'n', match: [{ near: { terms: ['visa'], with: ['turis'], within: 3 } }] }]);
    const text = 'Pakai VISA dulu TURIS';
    const v = e.analyze(text);
    checkEvidence(text, v);
    expect(v.flags[0].evidence.map((x) => x.text)).toEqual(['VISA', 'TURIS']);
  });
  it('unless blocks anywhere in the text', () => {
    const r: MiniRule[] = [{ id: 'kh', match: [{ terms: ['kamboja'] }], unless: [{ terms: ['kbri', 'waspada'] }] }];
    expect(fires(r, 'kerja di kamboja')).toBe(true);
    expect(fires(r, 'kerja di kamboja? Waspada penipuan!')).toBe(false);
    expect(fires(r, 'KBRI: lowongan ke kamboja')).toBe(false);
  });
  it('all needs every part, any needs one', () => {
    const all: MiniRule[] = [{ id: 'a', match: [{ all: [{ terms: ['admin'] }, { terms: ['kamboja'] }] }] }];
    expect(fires(all, 'admin di kamboja')).toBe(true);
    expect(fires(all, 'admin di jakarta')).toBe(false);
    const any: MiniRule[] = [{ id: 'a', match: [{ any: [{ terms: ['myanmar'] }, { terms: ['laos'] }] }] }];
    expect(fires(any, 'kerja di laos')).toBe(true);
    expect(fires(any, 'kerja di jakarta')).toBe(false);
  });
  it('regex prefilter only uses words the regex cannot match without', () => {
    expect(requiredLiterals('(?:gmail|yahoo)[^a-z]{1,3}com', '')).toEqual(['gmail', 'yahoo']);
    expect(requiredLiterals('visa\\s+turis', '')).toEqual(['visa']);
    expect(requiredLiterals('kamboja?', '')).toEqual(['kamboj']);
    expect(requiredLiterals('(?:gmail|yahoo)x|other', '')).toBeNull();
    expect(requiredLiterals('visa|turis', '')).toBeNull();
    expect(requiredLiterals('(?:a|b)?c', '')).toBeNull();
    expect(requiredLiterals('\\bvisa', '')).toBeNull();
    expect(requiredLiterals('ab*c', '')).toBeNull();
  });
  it('regex runs on normalised text', () => {
    const r: MiniRule[] = [{ id: 'rx', match: [{ regex: 'visa\\s+(?:turis|kunjungan)' }] }];
    expect(fires(r, 'pakai VISA  Turis')).toBe(true);
    expect(fires(r, 'pakai V1SA kunjungan')).toBe(true);
    expect(fires(r, 'visa kerja')).toBe(false);
  });
});

describe('money / phone / link patterns', () => {
  it('money: company-size figures never count as a salary', () => {
    const r: MiniRule[] = [{ id: 'pay', match: [{ money: { min_idr_month: 12_000_000 } }] }];
    expect(fires(r, 'Apple, a $389 billion company, is hiring')).toBe(false);
    expect(fires(r, 'We are a startup with USD 2.5 million revenue')).toBe(false);
    expect(fires(r, 'Grup usaha dengan aset Rp 5 miliar membuka lowongan')).toBe(false);
    expect(fires(r, 'Omzet 800 juta per bulan, dibutuhkan admin')).toBe(false);
    expect(fires(r, 'Omzet 800 juta per bulan, dibutuhkan admin, gaji 15 juta')).toBe(true);
    expect(fires(r, 'Salary USD 2,000 per month')).toBe(true);
  });
  it('money: monthly IDR threshold, currency filter', () => {
    const r: MiniRule[] = [{ id: 'pay', match: [{ money: { min_idr_month: 15_000_000 } }] }];
    expect(fires(r, 'gaji $1500 per bulan')).toBe(true);
    expect(fires(r, 'gaji 7-16 juta')).toBe(true);
    expect(fires(r, 'gaji Rp 5.000.000')).toBe(false);
    expect(fires(r, 'gaji $100 per hari')).toBe(true);
    expect(fires(r, 'gaji $100 per minggu')).toBe(false);
    const usd: MiniRule[] = [{ id: 'usd', match: [{ money: { min_idr_month: 1, currencies: ['USD'] } }] }];
    expect(fires(usd, 'gaji $800')).toBe(true);
    expect(fires(usd, 'gaji 20 juta')).toBe(false);
  });
  it('phone: by country', () => {
    const r: MiniRule[] = [{ id: 'ph', match: [{ phone: { countries: ['KH', 'MM'] } }] }];
    expect(fires(r, 'WA +855 12 345 678')).toBe(true);
    expect(fires(r, 'WA +95 9 123 456 789')).toBe(true);
    expect(fires(r, 'WA 0812-3456-7890')).toBe(false);
    const id: MiniRule[] = [{ id: 'id', match: [{ phone: { countries: ['ID'] } }] }];
    expect(fires(id, 'WA 0812-3456-7890')).toBe(true);
  });
  it('link: host suffix, from text and from ctx.links', () => {
    const rules: MiniRule[] = [{ id: 'tg', match: [{ link: { hosts: ['t.me', 'bit.ly'] } }] }];
    const e = engineOf(rules);
    expect(firedIds(e, 'gabung t.me/loker_kh')).toEqual(['tg']);
    expect(firedIds(e, 'gabung https://www.bit.ly/x')).toEqual(['tg']);
    expect(firedIds(e, 'gabung grup kami')).toEqual([]);
    const v = e.analyze('gabung grup kami', { links: ['https://t.me/loker_kh', 'not a url'] });
    expect(v.flags.map((f) => f.id)).toEqual(['tg']);
    expect(firedIds(e, 'kunjungi notbit.ly.example.com')).toEqual([]);
  });
});

describe('combos, scoring, gate, risk', () => {
  const rules: MiniRule[] = [
    {
      id: 'offer',
      kind: 'gate',
      gate: 'job-offer',
      family: 'gate',
      weight: 1,
      match: [{ terms: ['lowongan', 'dibutuhkan'] }],
    },
    {
      id: 'news',
      kind: 'gate',
      gate: 'not-offer',
      family: 'gate',
      weight: 2,
      match: [{ terms: ['polisi', 'korban'] }],
    },
    { id: 'kh', family: 'destination', weight: 30, match: [{ terms: ['kamboja'] }] },
    { id: 'mm', family: 'destination', weight: 30, match: [{ terms: ['myanmar'] }] },
    { id: 'pay', family: 'pay', weight: 20, match: [{ money: { min_idr_month: 15_000_000 } }] },
    { id: 'legit', family: 'legit', weight: -25, match: [{ terms: ['siskop2mi'] }] },
    { id: 'zero', family: 'pay', weight: 0, match: [{ terms: ['bonus'] }] },
    { id: 'kh-pay', kind: 'combo', family: 'combo', weight: 15, match: [{ all: [{ flag: 'kh' }, { flag: 'pay' }] }] },
    { id: 'combo2', kind: 'combo', family: 'combo', weight: 5, match: [{ flag: 'kh-pay' }] },
  ];
  const e = engineOf(rules);

  it('adds weights per family, clamped to the family cap', () => {
    // destination: 30 + 30 = 60, cap 40
    const v = e.analyze('Lowongan kerja di Kamboja dan Myanmar');
    expect(v.score).toBe(40);
    expect(v.isJobOffer).toBe(true);
  });
  it('combos fire over fired rules, in dependency order, with their evidence', () => {
    const text = 'Lowongan Kamboja gaji $2000';
    const v = e.analyze(text);
    checkEvidence(text, v);
    expect(v.flags.map((f) => f.id)).toEqual(['kh', 'pay', 'kh-pay', 'combo2']);
    expect(v.score).toBe(30 + 20 + 15 + 5);
    expect(v.flags.find((f) => f.id === 'kh-pay')?.evidence.map((x) => x.text)).toEqual(['Kamboja', '$2000']);
    expect(e.analyze('Lowongan Kamboja').flags.map((f) => f.id)).toEqual(['kh']);
  });
  it('negative weights lower the score, never below zero', () => {
    expect(e.analyze('Lowongan Kamboja, terdaftar SISKOP2MI').score).toBe(5);
    expect(e.analyze('Lowongan resmi SISKOP2MI').score).toBe(0);
  });
  it('keeps zero-weight and negative flags but no gate flags; sorted by weight', () => {
    const v = e.analyze('Lowongan Kamboja bonus SISKOP2MI');
    expect(v.flags.map((f) => [f.id, f.weight])).toEqual([
      ['kh', 30],
      ['zero', 0],
      ['legit', -25],
    ]);
  });
  it('gate: an offer unless a stronger not-offer gate fires; a text no gate speaks about is judged on its flags', () => {
    const plain = e.analyze('Kerja di Kamboja dan Myanmar');
    expect(plain.isJobOffer).toBe(true);
    expect(plain.score).toBe(40);
    expect(plain.gates).toEqual([]);
    const news = e.analyze('Lowongan palsu ke Kamboja, polisi selamatkan korban');
    expect(news.isJobOffer).toBe(false);
    expect(news.score).toBeLessThan(plain.score);
    const both = engineOf([
      { id: 'offer', kind: 'gate', gate: 'job-offer', family: 'gate', weight: 3, match: [{ terms: ['lowongan'] }] },
      { id: 'news', kind: 'gate', gate: 'not-offer', family: 'gate', weight: 2, match: [{ terms: ['polisi'] }] },
    ]).analyze('lowongan, kata polisi');
    expect(both.isJobOffer).toBe(true);
    expect(both.gates?.sort()).toEqual(['news', 'offer']);
  });
  it('without job-offer gates every text counts as an offer', () => {
    expect(engineOf([{ id: 'kh', match: [{ terms: ['kamboja'] }] }]).analyze('kamboja').isJobOffer).toBe(true);
  });
  it('risk follows the thresholds, and ctx.thresholds overrides them', () => {
    expect(e.analyze('Lowongan').risk).toBe('none');
    expect(e.analyze('Lowongan gaji $2000').risk).toBe('low'); // 20
    expect(e.analyze('Lowongan Kamboja').risk).toBe('medium'); // 30
    expect(e.analyze('Lowongan Kamboja gaji $2000').risk).toBe('high'); // 70
    expect(e.analyze('Lowongan Kamboja', { thresholds: { low: 5, medium: 10, high: 25 } }).risk).toBe('high');
  });
  it('messages follow the UI language (id for id/ms posts, en otherwise, or ctx.uiLang)', () => {
    const id = e.analyze('Dibutuhkan segera, lowongan kerja untuk anda di Kamboja dengan gaji besar');
    expect(id.lang).toBe('id');
    expect(id.flags[0].message).toBe('P kh');
    expect(id.flags[0].title).toBe('J kh');
    const en = e.analyze('Lowongan: we are hiring for a job in Kamboja and the salary is good for you');
    expect(en.lang).toBe('en');
    expect(en.flags[0].message).toBe('M kh');
    expect(e.analyze('Lowongan Kamboja', { uiLang: 'en' }).flags[0].title).toBe('T kh');
  });
});

describe('limits', () => {
  it(`analyses only the first ${MAX_CHARS} chars and says so`, () => {
    const e = engineOf([{ id: 'kh', match: [{ terms: ['kamboja'] }] }]);
    const pad = 'lorem ipsum '.repeat(Math.ceil(MAX_CHARS / 12));
    const v = e.analyze(`${pad} kamboja`);
    expect(v.truncated).toBe(true);
    expect(v.flags).toEqual([]);
    const head = e.analyze(`kamboja ${pad}`);
    expect(head.truncated).toBe(true);
    expect(head.flags.map((f) => f.id)).toEqual(['kh']);
    expect(e.analyze('kamboja').truncated).toBeUndefined();
  });
  it('handles empty and punctuation-only input', () => {
    const e = engineOf([{ id: 'kh', match: [{ terms: ['kamboja'] }] }]);
    expect(e.analyze('')).toMatchObject({ risk: 'none', score: 0, flags: [], lang: 'und' });
    expect(e.analyze('!!! ... ???').flags).toEqual([]);
  });
  it('is not confused by many occurrences', () => {
    const e = engineOf([{ id: 'kh', match: [{ terms: ['kamboja'] }] }]);
    const text = 'kamboja '.repeat(2000);
    const v = e.analyze(text);
    checkEvidence(text, v);
    expect(v.flags[0].evidence.length).toBeLessThanOrEqual(8);
  });
  it('rejects a bundle from another engine major version', () => {
    const b = compileRuleSet({
      rules: [rule({ id: 'a', match: [{ terms: ['x'] }] })],
      vocabs: [],
      families: FAMILIES,
      version: 'v',
    });
    expect(() => createEngine({ ...b, engineVersion: '99.0.0' })).toThrow(/not compatible/);
  });
  it('works from a JSON round-tripped bundle', () => {
    const b = compileRuleSet({
      rules: [rule({ id: 'a', match: [{ terms: ['tanggung+'] }] })],
      vocabs: [],
      families: FAMILIES,
      version: 'v',
    });
    const e = createEngine(JSON.parse(JSON.stringify(b)));
    expect(e.analyze('biaya ditanggung').flags.map((f) => f.id)).toEqual(['a']);
  });
});

describe('explainRule', () => {
  it('describes patterns in words', () => {
    const b = compileRuleSet({
      rules: [
        rule({
          id: 'x',
          match: [{ all: [{ terms: ['kamboja'] }, { money: { min_idr_month: 15_000_000 } }] }],
          unless: [{ terms: ['kbri'] }],
        }),
      ],
      vocabs: [],
      families: FAMILIES,
      version: 'v',
    });
    const text = explainRule(b, 'x');
    expect(text).toContain('"kamboja"');
    expect(text).toContain('ALL of');
    expect(text).toContain('unless');
    expect(() => explainRule(b, 'nope')).toThrow();
  });
});

describe('extraction inside the engine', () => {
  it('finds the same amounts, phones and links as the standalone extractors (property)', () => {
    const e = engineOf([
      { id: 'money', family: 'pay', match: [{ money: { min_idr_month: 0 } }] },
      {
        id: 'phone',
        family: 'contact',
        match: [{ phone: { countries: [...new Set(Object.values(COUNTRY_CALLING_CODES))] } }],
      },
      { id: 'link', family: 'contact', match: [{ link: { hosts: ['com', 'me', 'ly', 'id'] } }] },
    ]);
    const piece = fc.constantFrom(
      'gaji ',
      'Rp 15.000.000',
      '7-10 juta',
      '$1500',
      ' per hari',
      'USD 1,000-2,000',
      '+855 12 345 678',
      '0812-3456-7890',
      'wa.me/85512345678',
      't.me/abc',
      'hrd@gmail.com',
      'K4mb0j4 ',
      'ＲＭ ８０００',
      ' ',
      '. ',
      '\u200b',
      '2025',
      'umur 20-40 tahun',
      ' revenue ',
      '5 miliar',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const v = e.analyze(text);
        const ev = (id: string) =>
          (v.flags.find((f) => f.id === id)?.evidence ?? []).map((x) => `${x.start}-${x.end}`).join(',');
        const x = extractAll(text);
        const spans = (l: { evidence: { start: number; end: number } }[]) => {
          // the engine merges overlapping spans and keeps at most 8
          const merged: [number, number][] = [];
          for (const { evidence: s } of [...l].sort((a, b) => a.evidence.start - b.evidence.start)) {
            const last = merged[merged.length - 1];
            if (last && s.start < last[1]) last[1] = Math.max(last[1], s.end);
            else merged.push([s.start, s.end]);
          }
          return merged
            .slice(0, 8)
            .map(([a, b]) => `${a}-${b}`)
            .join(',');
        };
        return ev('money') === spans(x.money.filter((m) => m.salaryLike)) && ev('phone') === spans(x.phones);
      }),
      { numRuns: 300 },
    );
  });
});

describe('families pattern (combos over independent evidence)', () => {
  const rules = [
    { id: 'place', family: 'destination', match: [{ terms: ['kamboja'] }] },
    { id: 'salary', family: 'pay', match: [{ terms: ['gaji besar'] }] },
    { id: 'salary-again', family: 'pay', match: [{ terms: ['bonus'] }] },
    { id: 'chat', family: 'contact', match: [{ terms: ['wa'] }] },
    { id: 'official', family: 'legit', weight: -20, match: [{ terms: ['resmi'] }] },
    {
      id: 'breadth',
      kind: 'combo' as const,
      family: 'combo',
      weight: 25,
      match: [{ families: { min: 3, of: ['destination', 'pay', 'contact', 'legit'] } }],
    },
  ];
  const engine = engineOf(rules);

  it('fires when signals from enough different families fired', () => {
    expect(firedIds(engine, 'kerja kamboja gaji besar hubungi wa')).toContain('breadth');
  });
  it('counts a family once however many of its rules fired, and never counts negative evidence', () => {
    expect(firedIds(engine, 'kerja kamboja gaji besar bonus')).not.toContain('breadth');
    expect(firedIds(engine, 'kerja kamboja gaji besar resmi')).not.toContain('breadth');
  });
  it('highlights the evidence of the families it counted', () => {
    const v = engine.analyze('kerja kamboja gaji besar hubungi wa');
    const words = v.flags.find((f) => f.id === 'breadth')?.evidence.map((e) => e.text);
    expect(words).toEqual(expect.arrayContaining(['kamboja', 'gaji besar', 'wa']));
  });
});
