import { describe, expect, it } from 'vitest';
import { compileRuleSet, createEngine, ENGINE_VERSION, type RuleBundle } from '../engine/index';
import type { Rule } from '../engine/schema';
import { failingExamples } from './rule-examples';
import {
  compareVersions,
  evaluateUpdate,
  MAX_SIGNATURE_BYTES,
  type UpdateContext,
  type UpdatePayload,
} from './rule-update';
import { generateKeyPair, signPayload, type TrustedKey } from './signing';

const families: UpdatePayload['families'] = {
  families: {
    destination: { cap: 60, description: { en: 'Destination', id: 'Tujuan' } },
    'job-context': { cap: 0, description: { en: 'Job offer', id: 'Tawaran kerja' } },
  },
  thresholds: { low: 20, medium: 45, high: 70 },
  not_offer_factor: 0.25,
};

function rule(overrides: Partial<Rule> = {}): Rule {
  return {
    id: 'hub-myawaddy',
    kind: 'signal',
    family: 'destination',
    weight: 50,
    title: { en: 'Scam hub town', id: 'Kota sarang penipuan' },
    message: { en: 'Myawaddy is a known scam-compound hub.', id: 'Myawaddy adalah sarang penipuan online.' },
    languages: ['id', 'en'],
    match: [{ terms: ['myawaddy'] }],
    references: [{ url: 'https://example.org/source', title: 'Source' }],
    added: '2026-11-28',
    examples: {
      match: ['Kerja di Myawaddy gaji besar', 'job in MYAWADDY now'],
      no_match: ['Kerja di Bandung', 'job in Jakarta'],
    },
    ...overrides,
  };
}

function payload(version: string, rules: Rule[] = [rule()], minEngine = ENGINE_VERSION): UpdatePayload {
  return {
    meta: { format: 1, version, created: '2026-11-28T00:00:00Z', min_engine_version: minEngine },
    rules,
    vocabs: [],
    families,
  };
}

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

async function setup() {
  const maintainer = await generateKeyPair();
  const stranger = await generateKeyPair();
  const trusted: TrustedKey[] = [{ kid: maintainer.kid, publicKey: maintainer.publicKey, owner: 'test' }];
  const sign = async (bytes: Uint8Array<ArrayBuffer>, key = maintainer) =>
    JSON.stringify(await signPayload(bytes, key.privateKey, key.kid));
  const context: UpdateContext<RuleBundle> = {
    trustedKeys: trusted,
    versionInUse: '2026.11.01',
    engineVersion: ENGINE_VERSION,
    compile: (update) =>
      compileRuleSet({
        rules: update.rules,
        vocabs: update.vocabs,
        families: update.families,
        version: update.meta.version,
      }),
    failingExamples: (update, bundle) => failingExamples(update.rules, createEngine(bundle)),
  };
  return { maintainer, stranger, sign, context };
}

describe('evaluateUpdate', () => {
  it('accepts a newer, validly signed bundle whose examples pass', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    const decision = await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context);
    expect(decision.ok).toBe(true);
    if (decision.ok) {
      expect(decision.meta.version).toBe('2026.12.01');
      const verdict = createEngine(decision.bundle).analyze('Lowongan admin di Myawaddy');
      expect(verdict.flags.map((flag) => flag.id)).toContain('hub-myawaddy');
    }
  });

  it('rejects a tampered payload', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    const signature = await sign(bytes);
    const tampered = encode(payload('2026.12.01', [rule({ weight: 99 })]));
    expect(await evaluateUpdate({ payload: tampered, signature }, context)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a signature by a key that is not trusted', async () => {
    const { sign, stranger, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    expect(await evaluateUpdate({ payload: bytes, signature: await sign(bytes, stranger) }, context)).toMatchObject({
      ok: false,
      reason: 'unknown-key',
    });
  });

  it('rejects a signature made by a stranger under a trusted key id', async () => {
    const { maintainer, stranger, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    const forged = JSON.stringify(await signPayload(bytes, stranger.privateKey, maintainer.kid));
    expect(await evaluateUpdate({ payload: bytes, signature: forged }, context)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('rejects a missing or malformed signature', async () => {
    const { context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    expect(await evaluateUpdate({ payload: bytes, signature: null }, context)).toMatchObject({
      reason: 'missing-signature',
    });
    expect(await evaluateUpdate({ payload: bytes, signature: 'not json' }, context)).toMatchObject({
      reason: 'malformed-signature',
    });
    expect(
      await evaluateUpdate({ payload: bytes, signature: '{"alg":"RSA","kid":"x","sig":"y"}' }, context),
    ).toMatchObject({
      reason: 'malformed-signature',
    });
  });

  it('rejects an older and the same version', async () => {
    const { sign, context } = await setup();
    for (const version of ['2026.10.31', '2026.11.01', '2026.11.01.0']) {
      const bytes = encode(payload(version));
      expect(await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context)).toMatchObject({
        ok: false,
        reason: 'not-newer',
      });
    }
  });

  it('rejects malformed JSON even when it is signed', async () => {
    const { sign, context } = await setup();
    const bytes = new TextEncoder().encode('{"meta": {"format": 1,');
    expect(await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context)).toMatchObject({
      ok: false,
      reason: 'malformed-json',
    });
  });

  it('rejects a schema-invalid rule', async () => {
    const { sign, context } = await setup();
    const bad = { ...payload('2026.12.01'), rules: [{ ...rule(), references: [] }] };
    const bytes = encode(bad);
    expect(await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context)).toMatchObject({
      ok: false,
      reason: 'schema-invalid',
    });
  });

  it('rejects a rule whose own examples fail', async () => {
    const { sign, context } = await setup();
    const broken = rule({
      examples: { match: ['Kerja di Myawaddy', 'Kerja di Bandung'], no_match: ['Jakarta', 'Surabaya'] },
    });
    const bytes = encode(payload('2026.12.01', [broken]));
    const decision = await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context);
    expect(decision).toMatchObject({ ok: false, reason: 'examples-failed' });
    if (!decision.ok) expect(decision.detail).toContain('hub-myawaddy');
  });

  it('rejects a rule that does not compile', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01', [rule({ match: [{ terms: ['@no-such-vocab'] }] })]));
    expect(await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context)).toMatchObject({
      ok: false,
      reason: 'compile-failed',
    });
  });

  it('rejects an oversized file before looking at it', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    const decision = await evaluateUpdate(
      { payload: bytes, signature: await sign(bytes) },
      { ...context, maxBytes: 100 },
    );
    expect(decision).toMatchObject({ ok: false, reason: 'too-large' });
  });

  it('rejects a truncated download: the signature covers every byte', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    const signature = await sign(bytes);
    const cut = bytes.slice(0, bytes.length - 10);
    expect(await evaluateUpdate({ payload: cut, signature }, context)).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await evaluateUpdate({ payload: null, signature }, context)).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
  });

  it('refuses a signature file over 4 KB without parsing it', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01'));
    const signature = await sign(bytes);
    const padded = `${signature}${' '.repeat(MAX_SIGNATURE_BYTES)}`;
    expect(JSON.parse(padded)).toBeTruthy(); // still valid JSON with a valid signature inside
    expect(await evaluateUpdate({ payload: bytes, signature: padded }, context)).toMatchObject({
      ok: false,
      reason: 'malformed-signature',
      detail: expect.stringContaining('4096'),
    });
  });

  it('rejects a signed bundle with a catastrophic regex before compiling it or running an example (issue 15, point 5)', async () => {
    const { sign, context } = await setup();
    const evil = rule({
      id: 'evil-redos',
      match: [{ regex: '(a+)+$' }],
      examples: { match: ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'aaaa'], no_match: ['b', 'c'] },
    });
    const bytes = encode(payload('2026.12.01', [rule(), evil]));
    let compiled = false;
    const decision = await evaluateUpdate(
      { payload: bytes, signature: await sign(bytes) },
      {
        ...context,
        compile: (update) => {
          compiled = true;
          return context.compile(update);
        },
      },
    );
    expect(decision).toMatchObject({
      ok: false,
      reason: 'unsafe-regex',
      detail: expect.stringContaining('evil-redos'),
    });
    expect(compiled).toBe(false);
  });

  it('rejects an inconclusive regex (a lookahead the safe subset does not cover) and accepts a bounded one', async () => {
    const { sign, context } = await setup();
    const withRegex = (regex: string) =>
      rule({
        id: 'regex-rule',
        match: [{ regex }],
        examples: { match: ['myawaddy kerja', 'MYAWADDY kerja'], no_match: ['b', 'c'] },
      });
    const lookahead = encode(payload('2026.12.01', [withRegex('myawaddy(?=\\s)')]));
    expect(await evaluateUpdate({ payload: lookahead, signature: await sign(lookahead) }, context)).toMatchObject({
      ok: false,
      reason: 'unsafe-regex',
    });
    const bounded = encode(payload('2026.12.01', [withRegex('myawaddy\\s{1,3}kerja')]));
    expect(await evaluateUpdate({ payload: bounded, signature: await sign(bounded) }, context)).toMatchObject({
      ok: true,
    });
  });

  it('refuses an expired update', async () => {
    const { sign, context } = await setup();
    const expired = payload('2026.12.01');
    expired.meta.expires = '2026-12-01T00:00:00Z';
    const bytes = encode(expired);
    const at = (iso: string) => ({ ...context, now: () => new Date(iso) });
    expect(
      await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, at('2026-12-02T00:00:00Z')),
    ).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    expect(
      await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, at('2026-11-30T00:00:00Z')),
    ).toMatchObject({
      ok: true,
    });
  });

  it('rejects rules that need a newer engine', async () => {
    const { sign, context } = await setup();
    const bytes = encode(payload('2026.12.01', [rule()], '99.0.0'));
    expect(await evaluateUpdate({ payload: bytes, signature: await sign(bytes) }, context)).toMatchObject({
      ok: false,
      reason: 'incompatible-engine',
    });
  });
});

describe('compareVersions', () => {
  it('orders dotted numeric versions segment by segment', () => {
    expect(compareVersions('2026.11.28.10', '2026.11.28.2')).toBe(1);
    expect(compareVersions('0.1.0+20261128.0930', '0.1.0+20261128.0931')).toBe(-1);
    expect(compareVersions('1.0', '1.0.0')).toBe(0);
  });
});
