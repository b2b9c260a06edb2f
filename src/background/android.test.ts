// Firefox for Android lacks context menus (and may lack other desktop-only APIs). The background must start
// there anyway: every listener it can register is registered, and nothing throws at load.
import { describe, expect, it, vi } from 'vitest';

const registered: string[] = [];

/** A WebExtension API object where every namespace exists and every call resolves, except the missing ones. */
function fakeApi(path: string[], missing: ReadonlySet<string>): unknown {
  const callable = (..._args: unknown[]) => {
    const name = path.join('.');
    if (name.endsWith('.addListener')) registered.push(path.slice(0, -1).join('.'));
    return Promise.resolve(name.endsWith('.get') ? {} : name.endsWith('.query') ? [] : undefined);
  };
  return new Proxy(callable, {
    get(_target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      if (path.length === 0 && missing.has(key)) return undefined;
      if (key === 'getUILanguage') return () => 'id-ID';
      if (key === 'getManifest') return () => ({ version: '0.1.0' });
      return fakeApi([...path, key], missing);
    },
  });
}

vi.mock('../shared/browser', () => ({ default: fakeApi([], new Set(['contextMenus'])) }));

describe('background on Firefox for Android (no contextMenus)', () => {
  it('loads without throwing and registers its other listeners', async () => {
    await expect(import('./index')).resolves.toBeDefined();
    expect(registered).toContain('runtime.onInstalled');
    expect(registered).toContain('runtime.onMessage');
    expect(registered).toContain('storage.onChanged');
    expect(registered.some((name) => name.startsWith('contextMenus'))).toBe(false);
  });
});
