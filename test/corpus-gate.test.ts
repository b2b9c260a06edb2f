import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusGate } from '../scripts/corpus-gate.mjs';

describe('npm test corpus gate', () => {
  const root = mkdtempSync(join(tmpdir(), 'lk-gate-'));
  const repo = join(root, 'clone');
  mkdirSync(repo);

  it('a clone without ../shared skips the gate with one line naming LOKERAMAN_SHARED', () => {
    const gate = corpusGate({}, repo);
    expect(gate.run).toBe(false);
    expect(gate.line).toMatch(/^skipped: rule evaluation regression gate \(no corpora at .*LOKERAMAN_SHARED/);
    expect(gate.line).not.toContain('\n');
  });

  it('runs the gate when ../shared/corpus exists beside the clone', () => {
    mkdirSync(join(root, 'shared', 'corpus'), { recursive: true });
    expect(corpusGate({}, repo)).toMatchObject({ run: true, corpusDir: join(root, 'shared', 'corpus') });
  });

  it('LOKERAMAN_SHARED wins over ../shared', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'lk-shared-'));
    expect(corpusGate({ LOKERAMAN_SHARED: elsewhere }, repo).run).toBe(false);
    mkdirSync(join(elsewhere, 'corpus'));
    expect(corpusGate({ LOKERAMAN_SHARED: elsewhere }, repo)).toMatchObject({
      run: true,
      corpusDir: join(elsewhere, 'corpus'),
    });
  });
});
