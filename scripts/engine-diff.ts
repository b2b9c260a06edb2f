// Byte-for-byte regression check for engine speed work: `npx tsx scripts/engine-diff.ts --record FILE` runs the
// engine (real bundle src/generated/rules.bundle.json) and the public normaliser over the bench corpus plus a few
// thousand seeded hostile strings and writes one JSON line per input; `--compare FILE` re-runs and reports every
// input whose verdict or normalisation (text, starts, ends, stats) differs, exiting 1 on any difference.
// The compare run analyses the inputs twice, in order and then shuffled, so state leaking from one post into the
// next (scratch buffers, lazily computed facts) shows up as a difference too.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine, type RuleBundle } from '../src/engine/index';
import { normalize } from '../src/engine/normalize';
import type { AnalyzeContext } from '../src/engine/types';
import { loadBenchPosts, REPO_ROOT as ROOT, seededRandom } from './bench-posts';

// ---------------------------------------------------------------------------------------------------------
// Seeded hostile inputs.

const FRAGMENTS = [
  'Kamboja',
  'KAMBOJA',
  'K4mb0j4',
  'kamboj4',
  'K a m b o j a',
  'K.a.m.b.o.j.a',
  'K-a-m-b-o-j-a',
  'K_a_m',
  'K*a*m*b*o*j*a',
  'K | a | m',
  'K·a·m·b·o·j·a',
  'K  a  m  b',
  '𝐊𝐚𝐦𝐛𝐨𝐣𝐚',
  '𝕂𝕒𝕞𝕓𝕠𝕛𝕒',
  'ｋａｍｂｏｊａ',
  'Кambоja',
  'Каmbоjа',
  'Μyanmar',
  'Kam\u200bboja',
  'Kam\u00adboja',
  'Ka\u0301mbo\u0308ja',
  'lương',
  'Đồng Nai',
  'việc làm',
  '🇰🇭',
  '🇲🇲',
  '🇹🇭🇲🇾',
  '🇺',
  '🔥',
  '✈️',
  '👍🏽',
  '1️⃣',
  '#️⃣',
  '*⃣',
  '2\u20e3',
  'Myawaddy',
  'Sihanoukville',
  'Phnom Penh',
  'phnompenh',
  'admin',
  '@dmin',
  '$4l4ry',
  '$ales',
  'h0tel',
  'hote1',
  'emai1',
  'gajiii',
  'gajiiiii',
  'wwww',
  'www.example.com',
  'aaa',
  'zzzz',
  'AAAAB',
  'gaji 15jt',
  'gaji 15 juta',
  '15jt',
  '7-16 juta',
  '500rb-1jt',
  'Rp 15.000.000',
  'Rp. 5.000.000 - Rp. 8.000.000',
  'rp5jt',
  'IDR 12,000,000/bulan',
  '$1,500/month',
  '$1,500',
  'US$ 2,000 per month',
  'USD 1000-2000',
  '1000 USDT',
  '800 usdt per bulan',
  '30,000 บาท',
  '25 triệu',
  '25 trieu/thang',
  '₱50,000',
  '¥300,000',
  '€2.500',
  '1万',
  '150rb per hari',
  'gaji harian 150rb',
  '$20/hour',
  'yearly income of $80,000',
  '$389 billion revenue',
  'omzet Rp 5 miliar',
  'investasi 1 juta, profit 300rb per hari',
  '1.5 juta',
  '1,5 juta',
  '1.000,50',
  '+855 12 345 678',
  '+85512345678',
  '+ 855 96 123 4567',
  '0085512345678',
  '0812-3456-7890',
  '0 812 3456 7890',
  '62 812 3456 7890',
  '6281234567890',
  '+95 9 123 456 789',
  '+856 20 5555 1234',
  '+66 81 234 5678',
  'wa.me/85512345678',
  'wa.me/6281234567890',
  'https://wa.me/85512345678',
  't.me/loker',
  'https://t.me/joinchat/abc',
  'telegram.me/hrd',
  'bit.ly/3xYz',
  'line.me/ti/p/abc',
  'https://example.org/?a=1',
  'www.kemnaker.go.id',
  'hrd@gmail.com',
  'hrd.loker@yahoo.co.id',
  'gmail . com',
  'gmail,com',
  'yahoo com',
  'outlook.co.id',
  'kirim cv ke hrd (at) gmail dot com',
  'a.b.c.d.e',
  'x.com',
  'covid19',
  'mp3',
  '2nd',
  '4g',
  'tanpa pengalaman',
  'tiket ditanggung',
  'visa turis',
  'visa kunjungan',
  'lowongan',
  'dibutuhkan',
  'hati-hati penipuan',
  'polisi',
  'korban TPPO',
  'kerjanya',
  'bekerjalah',
  'gajinya',
  'apapun',
  'bisakah',
  'e-commerce',
  'ecommerce',
  'customer service',
  'data entry',
  'scam',
  'online scam',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\u00ad',
  '\u202e',
  '\u0301',
  '１５',
  '１５００００００',
  'İ',
  'ß',
  'ﬁ',
  '™',
  'Ⓚⓐⓜ',
  'กรุงเทพ',
  '招聘',
  '工资',
  '한국',
  'カンボジア',
  'ម៉ោង',
  '\ud800',
  '\udc00x',
  '\t',
  '\n',
  '...',
  '!!!',
  '9 9 9 9 a b c',
  'a 9 b 9 c',
  'K a m b o j a 1 5 j t',
  'k.a.m k-a-m',
];

const TRANSFORMS: ((w: string, r: () => number) => string)[] = [
  (w) => w.toUpperCase(),
  (w) => w[0].toUpperCase() + w.slice(1),
  (w) => [...w].join(' '),
  (w) => [...w].join('.'),
  (w) => [...w].join('-'),
  (w) => w.replace(/a/g, '4').replace(/o/g, '0').replace(/e/g, '3'),
  (w) => w.replace(/a/g, '@').replace(/s/g, '$'),
  (w) => w.replace(/a/g, 'а').replace(/o/g, 'о').replace(/e/g, 'е'), // Cyrillic
  (w) => [...w].join('\u200b'),
  (w, r) => {
    const k = Math.floor(r() * w.length);
    return w.slice(0, k) + w[k].repeat(3 + Math.floor(r() * 3)) + w.slice(k + 1);
  },
  (w) =>
    [...w]
      .map((c) => {
        const p = c.charCodeAt(0);
        return p >= 97 && p <= 122 ? String.fromCharCode(0xff41 + p - 97) : c;
      })
      .join(''),
  (w) =>
    [...w]
      .map((c) => {
        const p = c.charCodeAt(0);
        return p >= 97 && p <= 122 ? String.fromCodePoint(0x1d41a + p - 97) : c;
      })
      .join(''),
  (w) => `${w}🔥`,
  (w) => `🔥${w}`,
  (w) => `${w}nya`,
  (w) => `${w}lah`,
  (w) => w.normalize('NFD'),
  (w, r) => w + (r() < 0.5 ? '1' : '4'),
];

function generate(posts: string[], count: number): string[] {
  const r = seededRandom(20251104);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const corpusWord = (): string => {
    const p = pick(posts);
    const ws = p.match(/[A-Za-z]{3,14}/g);
    return ws ? pick(ws).toLowerCase() : 'kamboja';
  };
  const corpusSlice = (): string => {
    const p = pick(posts);
    const a = Math.floor(r() * p.length);
    return p.slice(a, a + 1 + Math.floor(r() * 200));
  };
  const seps = [' ', ' ', ' ', '\n', ', ', '. ', '!', ':', ' - ', '', '/', '(', ')', '  '];
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    const parts: string[] = [];
    const k = 1 + Math.floor(r() * 30);
    for (let j = 0; j < k; j++) {
      const x = r();
      if (x < 0.35) parts.push(pick(FRAGMENTS));
      else if (x < 0.55) parts.push(corpusWord());
      else if (x < 0.75) parts.push(pick(TRANSFORMS)(corpusWord(), r));
      else if (x < 0.88) parts.push(corpusSlice());
      else if (x < 0.94) parts.push(pick(TRANSFORMS)(pick(FRAGMENTS.slice(0, 60)), r));
      else parts.push(String(Math.floor(r() * 1e9)));
      parts.push(pick(seps));
    }
    let s = parts.join('');
    if (r() < 0.1) s = s.trim();
    if (r() < 0.05) s = pick(FRAGMENTS).repeat(1 + Math.floor(r() * 300));
    out.push(s);
  }
  // boundary cases: tricks at the very start / end, empty and one-char texts, and the cap
  const edge = [
    '',
    ' ',
    'a',
    'A',
    '1',
    '.',
    '@',
    'é',
    '🔥',
    'gaji 15jt é',
    'gaji 15jt kamboj4',
    'lowongan kerja K a m',
    'lowongan kerja www',
    'lowongan kerja aaa',
    'lowongan kerja 1️⃣',
    '1️⃣ lowongan',
    'kerja di kamboja\u200b',
    'kerja di kambojа',
    'wa.me/855123456789',
    'hrd@gmail.com',
    'gmail.com',
    '$4',
    '@',
    'a@b',
    'K a',
    'K a m',
    'K.a',
    'k4m',
    'x'.repeat(25_000),
    `${'lowongan kerja kamboja gaji $1500 '.repeat(700)}é`,
    `${'a '.repeat(10_000)}🔥`,
    `${'b'.repeat(19_999)}🔥`,
    `${'c'.repeat(19_998)}🔥`,
  ];
  for (const e of edge) out.push(e);
  for (let n = 0; n < 300; n++) {
    const p = pick(posts);
    out.push(`${p} ${pick(FRAGMENTS)}`);
    out.push(`${pick(FRAGMENTS)} ${p}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------

function normDigest(text: string): string {
  const n = normalize(text);
  const h = createHash('sha256');
  h.update(n.text);
  h.update(Buffer.from(n.starts.buffer, n.starts.byteOffset, n.starts.byteLength));
  h.update(Buffer.from(n.ends.buffer, n.ends.byteOffset, n.ends.byteLength));
  h.update(JSON.stringify(n.stats));
  return h.digest('hex').slice(0, 32);
}

const CTXS: (AnalyzeContext | undefined)[] = [
  undefined,
  { uiLang: 'en' },
  { links: ['https://wa.me/85512345678', 'not a url'] },
  { uiLang: 'id', links: ['https://www.t.me/x'], thresholds: { low: 5, medium: 10, high: 20 } },
];

function main(): void {
  const args = process.argv.slice(2);
  const mode = args[0];
  const file = args[1];
  if ((mode !== '--record' && mode !== '--compare') || !file) {
    console.error('usage: tsx scripts/engine-diff.ts --record FILE | --compare FILE');
    process.exit(2);
  }
  const { posts } = loadBenchPosts();
  const hostile = generate(posts, 4000);
  const inputs = [...posts, ...hostile];
  const bundle = JSON.parse(readFileSync(join(ROOT, 'src/generated/rules.bundle.json'), 'utf8')) as RuleBundle;
  const engine = createEngine(bundle);
  const ctxOf = (i: number) => (i % 17 === 0 ? CTXS[(i / 17) % CTXS.length] : undefined);
  const lineOf = (i: number, verdict: unknown) =>
    JSON.stringify({ i, verdict: JSON.stringify(verdict), norm: normDigest(inputs[i]) });
  const t0 = performance.now();
  const lines = inputs.map((s, i) => lineOf(i, engine.analyze(s, ctxOf(i))));
  console.log(
    `${inputs.length} inputs (${posts.length} corpus posts, ${hostile.length} generated) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  if (mode === '--record') {
    writeFileSync(file, `${lines.join('\n')}\n`);
    console.log(`recorded ${file}`);
    return;
  }
  const base = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  if (base.length !== lines.length) {
    console.log(`DIFFERENT: baseline has ${base.length} inputs, this run ${lines.length}`);
    process.exit(1);
  }
  // second pass in a shuffled order: catches state carried over from the previous post
  const order = inputs.map((_, i) => i);
  const r = seededRandom(7);
  for (let k = order.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [order[k], order[j]] = [order[j], order[k]];
  }
  const shuffled: string[] = new Array(inputs.length);
  for (const i of order)
    shuffled[i] = JSON.stringify({ i, verdict: JSON.stringify(engine.analyze(inputs[i], ctxOf(i))) });
  let diffs = 0;
  for (let i = 0; i < base.length; i++) {
    const b = JSON.parse(base[i]) as { verdict: string; norm: string };
    const a = JSON.parse(lines[i]) as { verdict: string; norm: string };
    const s = JSON.parse(shuffled[i]) as { verdict: string };
    const bad: string[] = [];
    if (a.verdict !== b.verdict) bad.push('verdict');
    if (s.verdict !== b.verdict) bad.push('verdict (shuffled order)');
    if (a.norm !== b.norm) bad.push('normalize()');
    if (bad.length === 0) continue;
    diffs++;
    if (diffs <= 20) {
      console.log(`--- input #${i} differs in ${bad.join(', ')}: ${JSON.stringify(inputs[i].slice(0, 300))}`);
      console.log(`  baseline: ${b.verdict}`);
      if (a.verdict !== b.verdict) console.log(`  now     : ${a.verdict}`);
      if (s.verdict !== b.verdict) console.log(`  shuffled: ${s.verdict}`);
      if (a.norm !== b.norm) console.log(`  normalize(): ${b.norm} → ${a.norm}`);
    }
  }
  if (diffs > 0) {
    console.log(`DIFFERENT: ${diffs} of ${inputs.length} inputs`);
    process.exit(1);
  }
  console.log(`identical: 0 differences in ${inputs.length} inputs (in order and shuffled)`);
}

main();
