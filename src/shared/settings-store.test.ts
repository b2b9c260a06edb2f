import { beforeEach, describe, expect, it, vi } from 'vitest';

// In-memory stand-in for the WebExtension storage API, with the sync per-item quota enforced like Chrome.
const areas = { sync: new Map<string, unknown>(), local: new Map<string, unknown>() };
const listeners = new Set<(changes: Record<string, { newValue?: unknown }>, area: string) => void>();
function area(name: 'sync' | 'local') {
  const map = areas[name];
  return {
    async get(key: string) {
      return map.has(key) ? { [key]: structuredClone(map.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) {
        if (name === 'sync' && key.length + JSON.stringify(value).length > 8192) {
          throw new Error('QUOTA_BYTES_PER_ITEM quota exceeded');
        }
        map.set(key, structuredClone(value));
        for (const listener of listeners) listener({ [key]: { newValue: structuredClone(value) } }, name);
      }
    },
    async remove(key: string) {
      map.delete(key);
    },
  };
}
vi.mock('./browser', () => ({
  default: {
    i18n: { getUILanguage: () => 'id-ID' },
    storage: {
      sync: area('sync'),
      local: area('local'),
      onChanged: { addListener: (l: never) => listeners.add(l), removeListener: (l: never) => listeners.delete(l) },
    },
  },
}));

const store = await import('./settings-store');
const { defaultSettings } = await import('./settings');

beforeEach(() => {
  areas.sync.clear();
  areas.local.clear();
  listeners.clear();
});

describe('settings store', () => {
  it('background migration writes back a repaired value and leaves a one-time notice', async () => {
    areas.sync.set('settings', { sensitivity: 42 });
    const result = await store.ensureSettingsMigrated();
    expect(result.repaired).toEqual(['sensitivity']);
    expect(areas.sync.get('settings')).toEqual(defaultSettings('id-ID'));
    const notice = await store.takeSettingsNotice();
    expect(notice?.repaired).toEqual(['sensitivity']);
    expect(await store.takeSettingsNotice()).toBeNull();
  });

  it('loadSettings repairs in memory without writing', async () => {
    areas.sync.set('settings', { ...defaultSettings(), language: 'en', country: 12 });
    const settings = await store.loadSettings();
    expect(settings.language).toBe('en');
    expect(settings.country).toBe('ID');
    expect((areas.sync.get('settings') as { country: unknown }).country).toBe(12);
  });

  it('fresh install writes nothing (readers derive the defaults) and leaves no notice', async () => {
    await store.ensureSettingsMigrated();
    expect(areas.sync.has('settings')).toBe(false);
    expect(await store.loadSettings()).toEqual(defaultSettings('id-ID'));
    expect(await store.getSettingsNotice()).toBeNull();
  });

  it('a setting changed while the install migration runs is kept, in every interleaving', async () => {
    // Pause the background's reads one at a time and let the options page save at each pause point.
    const realGet = area('sync').get;
    for (let pausePoint = 0; pausePoint < 3; pausePoint++) {
      areas.sync.clear();
      let reads = 0;
      let release: () => void = () => undefined;
      const paused = new Promise<void>((resolve) => {
        release = resolve;
      });
      const syncArea = (await import('./browser')).default.storage.sync as { get: typeof realGet };
      syncArea.get = async (key: string) => {
        const value = await realGet(key);
        if (reads++ === pausePoint) await paused;
        return value;
      };
      const install = store.ensureSettingsMigrated();
      await new Promise((resolve) => setTimeout(resolve, 0));
      syncArea.get = realGet;
      await store.saveSettings({ sensitivity: 'strict', country: 'PH' });
      release();
      await install;
      const stored = areas.sync.get('settings') as { sensitivity: string; country: string };
      expect(stored, `options page saved during background read ${pausePoint}`).toMatchObject({
        sensitivity: 'strict',
        country: 'PH',
      });
    }
  });

  it('repairing a stored value re-reads it first, so a newer save is not reverted', async () => {
    areas.sync.set('settings', { ...defaultSettings('id-ID'), sensitivity: 42 });
    const realGet = area('sync').get;
    const syncArea = (await import('./browser')).default.storage.sync as { get: typeof realGet };
    let reads = 0;
    syncArea.get = async (key: string) => {
      const value = await realGet(key);
      // After the background's first read, the user saves a valid value.
      if (reads++ === 0) areas.sync.set('settings', { ...defaultSettings('id-ID'), sensitivity: 'relaxed' });
      return value;
    };
    await store.ensureSettingsMigrated();
    syncArea.get = realGet;
    expect((areas.sync.get('settings') as { sensitivity: string }).sensitivity).toBe('relaxed');
  });

  it('saveSettings merges; an invalid patch field keeps the current value', async () => {
    await store.saveSettings({ sensitivity: 'strict' });
    const next = await store.saveSettings({ language: 'xx' as never, lowRiskHints: true });
    expect(next.sensitivity).toBe('strict');
    expect(next.language).toBe('auto');
    expect(next.lowRiskHints).toBe(true);
  });

  it('site toggles and allowlist edits are idempotent', async () => {
    await store.setSiteEnabled('tiktok', false);
    await store.setSiteEnabled('tiktok', false);
    expect((await store.loadSettings()).disabledSites).toEqual(['tiktok']);
    await store.setSiteEnabled('tiktok', true);
    expect((await store.loadSettings()).disabledSites).toEqual([]);
    const entry = { kind: 'author' as const, value: 'Disnaker', added: '2026-01-01T00:00:00.000Z' };
    await store.addAllowEntry(entry);
    await store.addAllowEntry({ ...entry, added: 'later' });
    expect((await store.loadSettings()).allowlist).toHaveLength(1);
    await store.removeAllowEntry(entry);
    expect((await store.loadSettings()).allowlist).toHaveLength(0);
  });

  it('an allowlist that outgrows the sync item is trimmed instead of failing the write', async () => {
    for (let i = 0; i < 40; i++) {
      await store.addAllowEntry({ kind: 'page', value: `https://e.org/${i}/${'p'.repeat(250)}`, added: 'x' });
    }
    const stored = areas.sync.get('settings') as { allowlist: unknown[] };
    expect(stored.allowlist.length).toBeLessThan(40);
    expect((await store.getSettingsNotice())?.dropped).toBeGreaterThan(0);
  });

  it('onSettingsChanged delivers repaired settings from sync changes', async () => {
    const seen: string[] = [];
    const off = store.onSettingsChanged((s) => seen.push(s.sensitivity));
    await store.saveSettings({ sensitivity: 'relaxed' });
    await area('sync').set({ settings: { ...defaultSettings(), sensitivity: 42 } });
    off();
    await store.saveSettings({ sensitivity: 'strict' });
    expect(seen).toEqual(['relaxed', 'normal']);
  });
});
