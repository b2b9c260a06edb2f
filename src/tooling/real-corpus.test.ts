import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalize } from '../engine/normalize';
import { isHeldOut, isOfferBearing, loadRealCorpus, OBFUSCATIONS, type RealRecord, wordsOf } from './real-corpus';

const REPO_CORPUS = join(import.meta.dirname, '..', '..', 'test', 'eval', 'real');

const record = (over: Partial<RealRecord> = {}): RealRecord => ({
  id: 'idc-0001',
  text: 'contoh teks',
  lang: 'id',
  label: 'lure',
  kind: 'chat_pitch',
  scheme: 'scam_compound',
  destination: 'Kamboja',
  source_url: 'https://example.org/a',
  source_date: '2025-01-02',
  publisher: 'PN Contoh',
  context: 'test',
  ...over,
});

function corpusDir(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'real-corpus-'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'a.jsonl'), `${lines.join('\n')}\n`);
  return dir;
}

describe('real corpus files in the repository', () => {
  it('every record is valid, ids are unique, and both parts hold records', () => {
    const { records, errors } = loadRealCorpus(REPO_CORPUS);
    expect(errors).toEqual([]);
    expect(records.length).toBeGreaterThan(0);
    expect(records.some((r) => r.heldOut)).toBe(true);
    expect(records.some((r) => !r.heldOut)).toBe(true);
  });
});

describe('loadRealCorpus', () => {
  it('names the file, line and id of a bad record and keeps the good ones', () => {
    const dir = corpusDir([
      JSON.stringify(record()),
      JSON.stringify(record({ id: 'idc-0002', kind: 'poster' as never })),
      '{not json',
      JSON.stringify(record()),
    ]);
    const { records, errors } = loadRealCorpus(dir);
    expect(records.map((r) => r.id)).toEqual(['idc-0001']);
    expect(errors[0]).toMatch(/^a\.jsonl:2 \(idc-0002\): kind/);
    expect(errors[1]).toMatch(/^a\.jsonl:3: not JSON/);
    expect(errors[2]).toMatch(/^a\.jsonl:4: duplicate id idc-0001 \(first at a\.jsonl:1\)/);
  });

  it('refuses a legit record with a lure scheme', () => {
    const { errors } = loadRealCorpus(corpusDir([JSON.stringify(record({ label: 'legit' }))]));
    expect(errors[0]).toMatch(/scheme must be "none"/);
  });
});

describe('held-out split', () => {
  it('is a fixed function of the id, about 30%, and never takes the published seed', () => {
    const ids = Array.from({ length: 2000 }, (_, i) => `idc-${i}`);
    const held = ids.filter(isHeldOut).length / ids.length;
    expect(held).toBeGreaterThan(0.25);
    expect(held).toBeLessThan(0.35);
    expect(ids.map(isHeldOut)).toEqual(ids.map(isHeldOut));
    expect(Array.from({ length: 100 }, (_, i) => `dev-${i}`).some(isHeldOut)).toBe(false);
  });
});

describe('offer-bearing', () => {
  it('counts CJK and Thai characters as words', () => {
    expect(wordsOf('高薪招聘客服人员包吃包住包机票月薪三万')).toBeGreaterThanOrEqual(12);
    expect(wordsOf('one two three')).toBe(3);
  });
  it('means a full ad or chat pitch of 15 words or more', () => {
    const long = 'kerja '.repeat(15);
    expect(isOfferBearing(record({ text: long }))).toBe(true);
    expect(isOfferBearing(record({ text: 'kerja '.repeat(14) }))).toBe(false);
    expect(isOfferBearing(record({ text: long, kind: 'fragment' }))).toBe(false);
    expect(isOfferBearing(record({ text: long, label: 'legit', scheme: 'none' }))).toBe(false);
  });
});

describe('obfuscations', () => {
  it('each changes the text, and normalisation undoes it', () => {
    const plain = 'Lowongan admin di Kamboja gaji besar tiket ditanggung';
    for (const [name, f] of Object.entries(OBFUSCATIONS)) {
      const obf = f(plain);
      expect(obf, name).not.toBe(plain);
      if (name !== 'leetspeak' && name !== 'spaced letters') {
        expect(normalize(obf).text, name).toBe(normalize(plain).text);
      }
    }
  });
});
