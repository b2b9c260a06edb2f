// Active rules over a given floor: the bundled rules, or a newer signed update the background has
// verified and stored. Kept apart from src/shared/active-rules.ts (which adds the full bundle for the
// popup and background) so the content script's chunk does not carry the full bundle JSON.
import { ENGINE_VERSION, type RuleBundle } from '../engine/bundle';
import { createEngine } from '../engine/engine';
import { onStorageChanged, storageGet } from './browser-native';
import type { UpdateMeta } from './rule-update';
import { compareVersions } from './versions';

export const STORED_RULES_KEY = 'rulesUpdate';

export interface StoredRules {
  bundle: RuleBundle;
  meta: UpdateMeta;
  /** URL the update came from. */
  source: string;
  installedAt: string;
  /**
   * The signed payload (base64 of the exact bytes) and its detached signature, kept so the background can
   * verify the stored rules again whenever it reads them (src/background/updates.ts verifyStored).
   */
  payload?: string;
  signature?: string;
}

export interface ActiveRules {
  engine: ReturnType<typeof createEngine>;
  bundle: RuleBundle;
  origin: 'bundled' | 'update';
  source?: string;
}

/** True when `stored` may replace rules of version `floor.version`. */
export function usableOver(stored: unknown, floor: RuleBundle): stored is StoredRules {
  const candidate = stored as Partial<StoredRules> | undefined;
  const bundle = candidate?.bundle;
  if (!bundle || typeof bundle.version !== 'string' || typeof bundle.engineVersion !== 'string') return false;
  if (!Array.isArray(bundle.rules) || !Array.isArray(bundle.terms)) return false;
  if (bundle.engineVersion.split('.')[0] !== ENGINE_VERSION.split('.')[0]) return false;
  // An expired set is not used, even before the background gets round to removing it.
  const expires = candidate?.meta?.expires;
  if (expires !== undefined && !(Date.parse(expires) > Date.now())) return false;
  return compareVersions(bundle.version, floor.version) > 0;
}

export interface RulesSource {
  getEngine(): Promise<ActiveRules>;
  /** Calls back with the new rules whenever the background installs or discards an update. */
  onRulesChanged(callback: (rules: ActiveRules) => void): () => void;
}

/**
 * Active rules over a given floor. The content script's floor is the compact every-page bundle
 * (src/content/rules.ts, no rule messages); popup and background use the full bundle
 * (src/shared/active-rules.ts). A stored
 * update always carries its messages, whichever floor it replaces.
 */
export function rulesSource(loadFloor: () => RuleBundle): RulesSource {
  let floor: RuleBundle | null = null;
  let active: Promise<ActiveRules> | null = null;

  async function resolveActive(): Promise<ActiveRules> {
    floor ??= loadFloor();
    let stored: unknown;
    try {
      stored = await storageGet('local', STORED_RULES_KEY);
    } catch {
      stored = undefined;
    }
    if (stored !== undefined && usableOver(stored, floor)) {
      try {
        return { engine: createEngine(stored.bundle), bundle: stored.bundle, origin: 'update', source: stored.source };
      } catch {
        // A stored bundle this engine cannot load is as good as corrupt: fall through to the floor.
      }
    }
    return { engine: createEngine(floor), bundle: floor, origin: 'bundled' };
  }

  return {
    getEngine() {
      active ??= resolveActive();
      return active;
    },
    onRulesChanged(callback) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !(STORED_RULES_KEY in changes)) return;
        active = resolveActive();
        void active.then(callback);
      };
      return onStorageChanged(listener);
    },
  };
}
