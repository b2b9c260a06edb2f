// Property tests over the normaliser, extractors and engine with hostile Unicode. This is the short
// pass that runs in CI; `npm run fuzz` runs the same properties a million times.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, extractAll, normalize, type Engine } from '../../src/engine/index';
import { buildBundle } from '../../src/tooling/build';
import { hostileText } from './arbitraries';

const RUNS = Number(process.env.LOKERAMAN_FUZZ_RUNS ?? 150);
const RISKS = new Set(['none', 'low', 'medium', 'high']);

let engine: Engine;
beforeAll(() => {
  const built = buildBundle({ out: null, redos: false });
  if (!built.bundle) throw new Error(built.errors.map((error) => error.message).join('\n'));
  engine = createEngine(built.bundle);
});

describe('normalize', () => {
  it('never throws and maps every span back inside the original text', () => {
    fc.assert(
      fc.property(hostileText(), (original) => {
        const normalized = normalize(original);
        const outOfBounds: number[] = [];
        for (let i = 0; i < normalized.text.length; i++) {
          const [start, end] = normalized.toOriginal(i, i + 1);
          if (start < 0 || end > original.length || start > end) outOfBounds.push(i);
        }
        expect(outOfBounds).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('extractors', () => {
  it('never throw and give evidence that is a slice of the original text', () => {
    fc.assert(
      fc.property(hostileText(), (original) => {
        const found = extractAll(original) as unknown as Record<string, Array<{ start: number; end: number; text?: string }>>;
        for (const list of Object.values(found)) {
          if (!Array.isArray(list)) continue;
          for (const item of list) {
            if (typeof item?.start !== 'number') continue;
            expect(item.start).toBeGreaterThanOrEqual(0);
            expect(item.end).toBeLessThanOrEqual(original.length);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('engine.analyze', () => {
  it('never throws, returns a well-formed verdict, and every evidence span is the original text', () => {
    fc.assert(
      fc.property(hostileText(), (original) => {
        const verdict = engine.analyze(original);
        expect(RISKS.has(verdict.risk)).toBe(true);
        expect(Number.isFinite(verdict.score)).toBe(true);
        for (const flag of verdict.flags) {
          for (const evidence of flag.evidence) {
            expect(original.slice(evidence.start, evidence.end)).toBe(evidence.text);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: the same text gives the same verdict', () => {
    fc.assert(
      fc.property(hostileText(200), (original) => {
        expect(engine.analyze(original)).toEqual(engine.analyze(original));
      }),
      { numRuns: Math.ceil(RUNS / 3) },
    );
  });

  it('caps the work on huge inputs and says so', () => {
    const huge = 'Dibutuhkan admin Kamboja gaji 20 juta tanpa pengalaman. '.repeat(4000);
    const verdict = engine.analyze(huge);
    expect(verdict.truncated).toBe(true);
    expect(RISKS.has(verdict.risk)).toBe(true);
  });
});
