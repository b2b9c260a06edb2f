// Cost must grow linearly with the text: a post made of one unit repeated thousands of times (the fuzzer's
// favourite) once took hundreds of milliseconds because some step rescanned the rest of a run from every
// position. Timing goals live in the bench; this only checks the growth, generously, in CPU time (steadier
// than wall time on a shared machine), best of several runs.
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine, extractAll, normalize } from '../../src/engine/index';
import { buildBundle } from '../../src/tooling/build';

let engine: Engine;
beforeAll(() => {
  const built = buildBundle({ out: null, redos: false });
  if (!built.bundle) throw new Error(built.errors.map((error) => error.message).join('\n'));
  engine = createEngine(built.bundle);
});

/** Units that once were super-linear, and the fragments the fuzzer repeats. */
const UNITS = [
  'wa.me/85512345678',
  '1000 USDT',
  'K.a.m.b.o.j.a',
  'K a m b o j a ',
  '9 ',
  '9.',
  'a.9.',
  'a 9 ',
  'a.',
  'x.com',
  'hrd@gmail.com',
  'a.a@',
  'https://example.org/?a=1',
  't.me/loker ',
  '+855 12 345 678',
  'Rp 15.000.000',
  '$1,500',
  'USD 1000-2000',
  '30,000 บาท',
  '₱50,000',
  '25 triệu',
  'gaji 15jt',
  '1 jt ',
  'K4mb0j4',
  '🇰🇭',
  '🔥',
  'ｋａｍｂｏｊａ１５',
  'Kamboja ',
  'ka\u200bm\u0301',
];

const SMALL = 2_000; // chars; 4× stays under the engine's 20,000-char cap
const RUNS = 5;

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/** Best CPU time of one call, measured over enough repetitions to be above the timer's resolution. */
function bestPerCall(text: string, work: (s: string) => void): number {
  let reps = 1;
  while (cpuMs(() => work(text)) * reps < 5 && reps < 64) reps *= 2;
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < RUNS; r++) {
    best = Math.min(
      best,
      cpuMs(() => {
        for (let i = 0; i < reps; i++) work(text);
      }) / reps,
    );
  }
  return best;
}

const everything = (s: string): void => {
  normalize(s);
  extractAll(s);
  engine.analyze(s);
};

describe('cost grows linearly on repeated units', () => {
  it.each(UNITS)('%j × N vs × 4N', (unit) => {
    const n = Math.ceil(SMALL / unit.length);
    const small = unit.repeat(n);
    const large = unit.repeat(4 * n);
    everything(small); // warm up (JIT, per-code-point caches)
    everything(large);
    // linear: ≈4; quadratic: ≈16. A floor on `a` keeps timer noise on tiny figures from deciding, and a
    // GC pause or a busy neighbour gets two more chances (a quadratic step fails all three).
    let ratio = Number.POSITIVE_INFINITY;
    let figures = '';
    for (let attempt = 0; attempt < 3 && ratio >= 8; attempt++) {
      const a = bestPerCall(small, everything);
      const b = bestPerCall(large, everything);
      ratio = Math.min(ratio, b / Math.max(a, 0.05));
      figures += ` ${a.toFixed(3)} ms → ${b.toFixed(3)} ms;`;
    }
    expect(ratio, figures).toBeLessThan(8);
  });
});
