// Flags from the every-page rules arrive without messages; the dialog chunk fills them from the
// messages the build ships beside it, and leaves flags that carry their own (a stored rule update) alone.
import { describe, expect, it, vi } from 'vitest';
import type { Verdict } from '../../engine/types';
import messages from '../../generated/rules.messages.json';
import type { WarningInput } from './types';

vi.mock('../../shared/settings-store', () => ({ addAllowEntry: async () => undefined }));
const { withMessages } = await import('./dialog-entry');

const ruleId = Object.keys(messages)[6] as keyof typeof messages;
const flag = (id: string, message: string): Verdict['flags'][number] => ({ id, family: 'f', weight: 1, title: 't', message, evidence: [] });
const input = (flags: Verdict['flags'], lang: 'id' | 'en'): WarningInput => ({
  verdict: { risk: 'high', score: 5, lang: 'id', isJobOffer: true, flags },
  post: { id: 'p', text: 'x', links: [] },
  site: 'facebook',
  pageUrl: 'https://www.facebook.com/',
  lang,
  country: 'ID',
  rulesVersion: 'r',
  extensionVersion: '0',
});

describe('withMessages', () => {
  it('fills empty messages by rule id in the UI language', () => {
    for (const lang of ['id', 'en'] as const) {
      const out = withMessages(input([flag(ruleId, '')], lang));
      expect(out.verdict.flags[0].message).toBe(messages[ruleId][lang]);
      expect(out.verdict.flags[0].message).not.toBe('');
    }
  });

  it('keeps messages a flag already carries and leaves unknown rules empty', () => {
    const own = input([flag(ruleId, 'From the update.')], 'id');
    expect(withMessages(own)).toBe(own);
    const out = withMessages(input([flag(ruleId, 'From the update.'), flag('not-a-rule', '')], 'en'));
    expect(out.verdict.flags.map((f) => f.message)).toStrictEqual(['From the update.', '']);
  });
});
