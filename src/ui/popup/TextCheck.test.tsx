// @vitest-environment happy-dom
// The paste-check result says what it means: warning and reassuring signs apart, weak signs labelled as
// not enough for a warning, and a note when the text reads like news rather than an offer.
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Flag, Verdict } from '../../engine/types';

vi.mock('../../shared/browser', () => ({ default: { runtime: { getManifest: () => ({ version: '0' }) } } }));
vi.mock('../../shared/active-rules', () => ({ getEngine: async () => ({}) }));
vi.mock('../../shared/settings-store', () => ({ addAllowEntry: async () => undefined, saveSettings: async () => undefined }));
const { VerdictView } = await import('./TextCheck');

const TEXT = 'Lowongan admin di Kamboja, gaji besar. PT Maju, izin P3MI resmi.';
const flag = (id: string, weight: number, title: string, word: string): Flag => ({
  id,
  family: 'f',
  weight,
  title,
  message: `${title}.`,
  evidence: [{ text: word, start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length }],
});
const verdict = (over: Partial<Verdict>): Verdict => ({ risk: 'none', score: 0, lang: 'id', isJobOffer: true, flags: [], ...over });

function show(v: Verdict, lang: 'id' | 'en' = 'en'): HTMLElement {
  const root = document.createElement('div');
  render(<VerdictView text={TEXT} verdict={v} lang={lang} />, root);
  return root;
}

describe('paste-check result', () => {
  it('below a warning, weak signs are labelled as not enough and reassuring signs have their own list', () => {
    const root = show(
      verdict({ risk: 'none', flags: [flag('hub-country', 10, 'Cambodia named', 'Kamboja'), flag('licensed', -30, 'Licensed agency', 'izin P3MI')] }),
    );
    expect(root.querySelector('.verdict-level')?.textContent).toBe('No warning signs found');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      'Weak signs found (not enough for a warning)',
      'Reassuring signs',
    ]);
    expect(root.querySelector('[data-list="warning"]')?.textContent).toContain('Cambodia named');
    expect(root.querySelector('[data-list="warning"]')?.textContent).not.toContain('Licensed agency');
    expect(root.querySelector('[data-list="reassuring"]')?.textContent).toContain('Licensed agency');
  });

  it('a warning lists its signs as warning signs, with the same level name as the badge', () => {
    const root = show(verdict({ risk: 'high', flags: [flag('hub-country', 40, 'Cambodia named', 'Kamboja')] }), 'id');
    expect(root.querySelector('.verdict-level')?.textContent).toBe('Kemungkinan besar penipuan / perdagangan orang');
    expect(root.querySelector('h3')?.textContent).toBe('Tanda bahaya');
    expect(root.querySelector('[data-lokeraman-not-offer]')).toBeNull();
  });

  it('says when the text reads like news rather than an offer', () => {
    const root = show(verdict({ risk: 'low', isJobOffer: false, flags: [flag('hub-country', 10, 'Cambodia named', 'Kamboja')] }));
    expect(root.querySelector('[data-lokeraman-not-offer]')?.textContent).toMatch(/reads like news, a warning or a story/);
    const plain = show(verdict({ risk: 'none', isJobOffer: false }));
    expect(plain.querySelector('[data-lokeraman-not-offer]')?.textContent).toBe('This does not look like a job offer.');
  });
});
