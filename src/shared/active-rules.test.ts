// The bundled rules are the floor: a stored update that is corrupt, oversized-and-truncated, older, or
// made for another engine is never used, and the extension falls back to the rules it shipped with.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const storage = new Map<string, unknown>();
vi.mock('./browser-native', () => ({
  storageGet: async (_area: string, key: string) => storage.get(key),
  onStorageChanged: () => () => undefined,
}));

const { bundledRules, getEngine, isUsableUpdate, STORED_RULES_KEY } = await import('./active-rules');

const newer = () => ({
  bundle: { ...structuredClone(bundledRules), version: `${bundledRules.version}.1` },
  meta: { format: 1, version: `${bundledRules.version}.1`, created: '2026-11-28', min_engine_version: '1.0.0' },
  source: 'https://example.org/rules-update.json',
  installedAt: '2026-11-28T00:00:00Z',
});

describe('isUsableUpdate', () => {
  it('accepts a newer bundle for this engine', () => {
    expect(isUsableUpdate(newer())).toBe(true);
  });

  it.each([
    ['nothing stored', undefined],
    ['a string instead of an object', 'garbage'],
    ['a bundle without rules', { ...newer(), bundle: { ...newer().bundle, rules: undefined } }],
    ['a bundle without terms', { ...newer(), bundle: { ...newer().bundle, terms: 'x' } }],
    ['the same version as the bundled rules', { ...newer(), bundle: { ...newer().bundle, version: bundledRules.version } }],
    ['an older version', { ...newer(), bundle: { ...newer().bundle, version: '0.0.1' } }],
    ['another engine major version', { ...newer(), bundle: { ...newer().bundle, engineVersion: '9.0.0' } }],
  ])('refuses %s', (_label, stored) => {
    expect(isUsableUpdate(stored)).toBe(false);
  });
});

describe('getEngine', () => {
  beforeEach(() => storage.clear());

  it('falls back to the bundled rules when the stored bundle is corrupt', async () => {
    storage.set(STORED_RULES_KEY, { ...newer(), bundle: { ...newer().bundle, rules: [{ id: 42 }], terms: [] } });
    vi.resetModules();
    const fresh = await import('./active-rules');
    const active = await fresh.getEngine();
    expect(active.origin).toBe('bundled');
    expect(active.bundle.version).toBe(bundledRules.version);
    expect(active.engine.analyze('Lowongan admin Kamboja gaji 20 juta tanpa pengalaman').risk).not.toBe('none');
  });

  it('uses a valid newer update', async () => {
    storage.set(STORED_RULES_KEY, newer());
    vi.resetModules();
    const fresh = await import('./active-rules');
    const active = await fresh.getEngine();
    expect(active.origin).toBe('update');
    expect(active.bundle.version).toBe(`${bundledRules.version}.1`);
  });

  it('is shared between callers (one engine per context)', async () => {
    expect(await getEngine()).toBe(await getEngine());
  });
});
