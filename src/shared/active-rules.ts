// The rules in use: the bundle built into the extension, or a newer signed update the background has
// verified and stored. The bundled rules are the floor: a stored bundle that is not newer, or that
// this engine cannot load, is discarded. Shared by the content script, popup and background.
import bundledJson from '../generated/rules.bundle.json';
// Straight from the engine's modules rather than its index: the index also re-exports the rule
// compiler, and the bundler then keeps it in the chunk every supported page loads.
import { ENGINE_VERSION, type RuleBundle } from '../engine/bundle';
import { createEngine } from '../engine/engine';
import browser from './browser';
import type { UpdateMeta } from './rule-update';
import { compareVersions } from './versions';

export const STORED_RULES_KEY = 'rulesUpdate';

export interface StoredRules {
  bundle: RuleBundle;
  meta: UpdateMeta;
  /** URL the update came from. */
  source: string;
  installedAt: string;
}

export interface ActiveRules {
  engine: ReturnType<typeof createEngine>;
  bundle: RuleBundle;
  origin: 'bundled' | 'update';
  source?: string;
}

export const bundledRules = bundledJson as unknown as RuleBundle;

let active: Promise<ActiveRules> | null = null;

/** True when `stored` may replace the bundled rules. */
export function isUsableUpdate(stored: unknown, bundled: RuleBundle = bundledRules): stored is StoredRules {
  const candidate = stored as Partial<StoredRules> | undefined;
  const bundle = candidate?.bundle;
  if (!bundle || typeof bundle.version !== 'string' || typeof bundle.engineVersion !== 'string') return false;
  if (!Array.isArray(bundle.rules) || !Array.isArray(bundle.terms)) return false;
  if (bundle.engineVersion.split('.')[0] !== ENGINE_VERSION.split('.')[0]) return false;
  return compareVersions(bundle.version, bundled.version) > 0;
}

async function resolveActive(): Promise<ActiveRules> {
  let stored: unknown;
  try {
    stored = (await browser.storage.local.get(STORED_RULES_KEY))[STORED_RULES_KEY];
  } catch {
    stored = undefined;
  }
  if (stored !== undefined && isUsableUpdate(stored)) {
    try {
      return { engine: createEngine(stored.bundle), bundle: stored.bundle, origin: 'update', source: stored.source };
    } catch {
      // A stored bundle this engine cannot load is as good as corrupt: fall through to the floor.
    }
  }
  return { engine: createEngine(bundledRules), bundle: bundledRules, origin: 'bundled' };
}

export function getEngine(): Promise<ActiveRules> {
  active ??= resolveActive();
  return active;
}

/** Calls back with the new rules whenever the background installs or discards an update. */
export function onRulesChanged(callback: (rules: ActiveRules) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(STORED_RULES_KEY in changes)) return;
    active = resolveActive();
    void active.then(callback);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
