// The rules in use: the bundle built into the extension, or a newer signed update the background has
// verified and stored. The bundled rules are the floor: a stored bundle that is not newer, or that
// this engine cannot load, is discarded. Popup and background use this full bundle; the content
// script uses the compact one (src/content/rules.ts) through the same rulesSource.
import bundledJson from '../generated/rules.bundle.json';
import { type ActiveRules, type RulesSource, rulesSource, type StoredRules, usableOver } from './rules-source';
import type { RuleBundle } from '../engine/bundle';

export { type ActiveRules, STORED_RULES_KEY, type StoredRules } from './rules-source';

export const bundledRules = bundledJson as unknown as RuleBundle;

/** True when `stored` may replace the bundled rules. */
export function isUsableUpdate(stored: unknown, bundled: RuleBundle = bundledRules): stored is StoredRules {
  return usableOver(stored, bundled);
}

let full: RulesSource | null = null;
const fullSource = () => (full ??= rulesSource(() => bundledRules));

export function getEngine(): Promise<ActiveRules> {
  return fullSource().getEngine();
}

/** Calls back with the new rules whenever the background installs or discards an update. */
export function onRulesChanged(callback: (rules: ActiveRules) => void): () => void {
  return fullSource().onRulesChanged(callback);
}
