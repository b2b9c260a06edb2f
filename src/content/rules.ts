// The content script's rules: the compact every-page bundle (expanded once, on first use) as the floor,
// or a newer signed update from storage. Popup and background use the full bundle instead.
import contentJson from '../generated/rules.content.json';
import { type ContentBundle, expandBundle } from '../shared/compact-rules';
import { rulesSource } from '../shared/rules-source';

export const { getEngine, onRulesChanged } = rulesSource(() => expandBundle(contentJson as unknown as ContentBundle));
