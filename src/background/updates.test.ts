// A stored rule update that is damaged, oversized or older than the built-in rules is removed at start-up,
// the built-in rules take over, and the options page gets a notice saying so.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const local = new Map<string, unknown>();
vi.mock('../shared/browser', () => ({
  default: {
    storage: {
      local: {
        get: async (key: string) => (local.has(key) ? { [key]: local.get(key) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [key, value] of Object.entries(items)) local.set(key, value);
        },
        remove: async (key: string) => void local.delete(key),
      },
      sync: { get: async () => ({}), set: async () => undefined },
      onChanged: { addListener: () => undefined, removeListener: () => undefined },
    },
    i18n: { getUILanguage: () => 'id-ID', getMessage: () => '' },
  },
}));

const { bundledRules, STORED_RULES_KEY } = await import('../shared/active-rules');
const { discardStaleUpdate, RULES_STATUS_KEY } = await import('./updates');

const stored = (bundle: unknown) => ({ bundle, meta: {}, source: 'https://example.org/r.json', installedAt: '2026-11-28' });
const newer = () => ({ ...structuredClone(bundledRules), version: `${bundledRules.version}.1` });

describe('discardStaleUpdate', () => {
  beforeEach(() => local.clear());

  it('keeps a valid newer update', async () => {
    local.set(STORED_RULES_KEY, stored(newer()));
    expect(await discardStaleUpdate()).toBe(false);
    expect(local.has(STORED_RULES_KEY)).toBe(true);
  });

  it.each([
    ['garbage instead of a bundle', 'garbage'],
    ['an older bundle', stored({ ...newer(), version: '0.0.1' })],
    ['a bundle whose rules the engine cannot load', stored({ ...newer(), engineVersion: '1.0.0', rules: [{ id: 1 }], terms: [{}] })],
    ['an oversized bundle', stored({ ...newer(), padding: 'x'.repeat(7_000_000) })],
  ])('removes %s and leaves a notice', async (_label, value) => {
    local.set(STORED_RULES_KEY, value);
    expect(await discardStaleUpdate()).toBe(true);
    expect(local.has(STORED_RULES_KEY)).toBe(false);
    expect(local.get(RULES_STATUS_KEY)).toMatchObject({
      origin: 'bundled',
      versionInUse: bundledRules.version,
      lastResult: 'discarded-stored',
      lastError: expect.stringContaining('built-in rules are in use'),
    });
  });
});
