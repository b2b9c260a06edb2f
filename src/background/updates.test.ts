// The background's side of rule updates with a fake storage and fetch: a stored update is verified again
// whenever it is read (signature, safe patterns, expiry, bundle = compiled payload) and removed with a notice
// otherwise; downloads trust the signature, not Content-Length; the .sig is read at most 4 KB; redirects must
// stay on https.
import { beforeEach, describe, expect, it, vi } from 'vitest';

// A throwaway key trusted by these tests only (the mocked release keys).
const KEY = {
  kid: '6dc0ba043d27ee7b',
  publicKey: 'UwqGbQm3s0Uir1DEYFieimo1oqovc9D0r+DocoEHy4I=',
  privateKey: 'MC4CAQAwBQYDK2VwBCIEIP5yuVx+IRJl8ef/KzjMbbu+FHvzQIP7ddMCKPIGliBa',
};
vi.mock('../shared/release', () => ({
  RELEASE_TRUSTED_KEYS: [{ kid: '6dc0ba043d27ee7b', publicKey: 'UwqGbQm3s0Uir1DEYFieimo1oqovc9D0r+DocoEHy4I=', owner: 'unit test' }],
  RELEASE_RULES_URL: 'https://example.org/rules-update.json',
}));

const local = new Map<string, unknown>();
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
  }
  return value;
}
vi.mock('../shared/browser', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (local.has(key) ? { [key]: local.get(key) } : {}),
        // Chromium hands stored objects back with their keys sorted; so does this fake.
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) local.set(key, sortKeys(structuredClone(value)));
        },
        remove: async (key: string) => void local.delete(key),
      },
      sync: { get: async () => ({}), set: async () => undefined },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    i18n: { getUILanguage: () => 'id-ID', getMessage: () => '' },
  },
}));

const { compileRuleSet } = await import('../engine/index');
const { bundledRules, STORED_RULES_KEY } = await import('../shared/active-rules');
const { signPayload, toBase64 } = await import('../shared/signing');
const { checkForRuleUpdate, discardStaleUpdate, RULES_STATUS_KEY } = await import('./updates');
type UpdatePayload = import('../shared/rule-update').UpdatePayload;

const NEWER = `${bundledRules.version}.1`;

function updatePayload(version = NEWER, expires?: string, regex?: string): UpdatePayload {
  return {
    meta: {
      format: 1,
      version,
      created: '2026-12-01T00:00:00Z',
      min_engine_version: '0',
      ...(expires ? { expires } : {}),
    },
    rules: [
      {
        id: 'hub-myawaddy',
        kind: 'signal',
        family: 'destination',
        weight: 50,
        title: { en: 'Scam hub town', id: 'Kota sarang penipuan' },
        message: { en: 'Myawaddy is a known scam-compound hub.', id: 'Myawaddy adalah sarang penipuan online.' },
        languages: ['id', 'en'],
        match: [regex ? { regex } : { terms: ['myawaddy'] }],
        references: [{ url: 'https://example.org/source', title: 'Source' }],
        added: '2026-11-28',
        examples: {
          match: ['Kerja di Myawaddy gaji besar', 'job in MYAWADDY now'],
          no_match: ['Kerja di Bandung', 'job in Jakarta'],
        },
      },
    ],
    vocabs: [],
    families: {
      families: { destination: { cap: 60, description: { en: 'Destination', id: 'Tujuan' } } },
      thresholds: { low: 20, medium: 45, high: 70 },
      not_offer_factor: 0.25,
    },
  };
}

async function signed(update: UpdatePayload) {
  const bytes = new TextEncoder().encode(JSON.stringify(update));
  const signature = JSON.stringify(await signPayload(bytes, KEY.privateKey, KEY.kid));
  return { bytes, signature };
}

async function storedRecord(update = updatePayload()) {
  const { bytes, signature } = await signed(update);
  const bundle = compileRuleSet({
    rules: update.rules,
    vocabs: update.vocabs,
    families: update.families,
    version: update.meta.version,
  });
  return {
    bundle: sortKeys(JSON.parse(JSON.stringify(bundle))) as typeof bundle,
    meta: update.meta,
    source: 'https://example.org/r.json',
    installedAt: '2026-12-01',
    payload: toBase64(bytes),
    signature,
  };
}

const status = () => local.get(RULES_STATUS_KEY) as { lastResult?: string; lastError?: string; versionInUse?: string };

describe('discardStaleUpdate: stored rules are verified again when read', () => {
  beforeEach(() => local.clear());

  it('keeps a valid, signed newer update', async () => {
    local.set(STORED_RULES_KEY, await storedRecord());
    expect(await discardStaleUpdate()).toBe(false);
    expect(local.has(STORED_RULES_KEY)).toBe(true);
  });

  it.each([
    ['garbage instead of a bundle', async () => 'garbage'],
    ['an older bundle', async () => ({ ...(await storedRecord()), bundle: { ...bundledRules, version: '0.0.1' } })],
    ['an oversized bundle', async () => ({ ...(await storedRecord()), padding: 'x'.repeat(10_000_000) })],
    [
      'a bundle edited in storage (its signed payload no longer compiles to it)',
      async () => {
        const record = await storedRecord();
        record.bundle.rules[0].weight = 0;
        return record;
      },
    ],
    [
      'a bundle stored without its signed payload',
      async () => {
        const { payload: _payload, signature: _signature, ...rest } = await storedRecord();
        return rest;
      },
    ],
    [
      'a payload signed by an untrusted key',
      async () => ({
        ...(await storedRecord()),
        signature: JSON.stringify({ alg: 'Ed25519', kid: 'ffffffffffffffff', sig: 'AA==' }),
      }),
    ],
    [
      'a stored pattern outside the safe subset',
      async () => storedRecord(updatePayload(NEWER, undefined, 'my(a+)+wady')),
    ],
  ])('removes %s and leaves a notice', async (_label, make) => {
    local.set(STORED_RULES_KEY, await make());
    expect(await discardStaleUpdate()).toBe(true);
    expect(local.has(STORED_RULES_KEY)).toBe(false);
    expect(status()).toMatchObject({
      versionInUse: bundledRules.version,
      lastResult: 'discarded-stored',
      lastError: expect.stringContaining('built-in rules are in use'),
    });
  });

  it('removes an expired update with its own notice', async () => {
    local.set(STORED_RULES_KEY, await storedRecord(updatePayload(NEWER, '2026-01-01T00:00:00Z')));
    expect(await discardStaleUpdate()).toBe(true);
    expect(status()).toMatchObject({
      lastResult: 'expired',
      lastError: expect.stringContaining('expired on 2026-01-01'),
    });
  });
});

describe('checkForRuleUpdate downloads', () => {
  beforeEach(() => {
    local.clear();
    vi.unstubAllGlobals();
  });

  function respond(body: BodyInit | ReadableStream, init: ResponseInit = {}, url = 'https://example.org/x'): Response {
    const response = new Response(body, init);
    Object.defineProperty(response, 'url', { value: url });
    return response;
  }

  it('installs a gzip-served update: Content-Length is the compressed size, the signature decides (issue 15, point 6)', async () => {
    const { bytes, signature } = await signed(updatePayload());
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('.sig')
        ? respond(signature, {}, url)
        : // What fetch shows for a gzipped response: the decoded bytes, with the compressed length in the header.
          respond(
            bytes,
            { headers: { 'content-length': String(Math.floor(bytes.length / 4)), 'content-encoding': 'gzip' } },
            url,
          ),
    );
    const result = await checkForRuleUpdate();
    expect(result).toMatchObject({ lastResult: 'installed', versionInUse: NEWER });
    expect(local.get(STORED_RULES_KEY)).toMatchObject({ payload: toBase64(bytes), signature });
  });

  it('refuses a 400 MB .sig after reading at most 4 KB of it', async () => {
    const { bytes } = await signed(updatePayload());
    let served = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (served >= 400 * 1024 * 1024) return controller.close();
        served += 1024;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('.sig') ? respond(endless, {}, url) : respond(bytes, {}, url),
    );
    const result = await checkForRuleUpdate();
    expect(result).toMatchObject({ lastResult: 'malformed-signature', lastError: expect.stringContaining('4096') });
    expect(served).toBeLessThanOrEqual(8 * 1024); // the reader stopped; a little read-ahead is allowed
    expect(local.has(STORED_RULES_KEY)).toBe(false);
  });

  it('refuses an update that a redirect took off https', async () => {
    const { bytes, signature } = await signed(updatePayload());
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('.sig') ? respond(signature, {}, url) : respond(bytes, {}, 'http://mirror.example.org/rules.json'),
    );
    const result = await checkForRuleUpdate();
    expect(result).toMatchObject({
      lastResult: 'insecure-url',
      lastError: expect.stringContaining('http://mirror.example.org'),
    });
    expect(local.has(STORED_RULES_KEY)).toBe(false);
  });

  it('refuses a signed update with a catastrophic pattern before installing it', async () => {
    const { bytes, signature } = await signed(updatePayload(NEWER, undefined, 'my(a+)+wady'));
    vi.stubGlobal('fetch', async (url: string) =>
      url.endsWith('.sig') ? respond(signature, {}, url) : respond(bytes, {}, url),
    );
    const result = await checkForRuleUpdate();
    expect(result).toMatchObject({ lastResult: 'unsafe-regex', lastError: expect.stringContaining('hub-myawaddy') });
    expect(local.has(STORED_RULES_KEY)).toBe(false);
  });
});
