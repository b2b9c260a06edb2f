import { describe, expect, it } from 'vitest';
import type { Verdict } from '../engine/types';
import {
  buildFeedback,
  buildReportFrom,
  FEEDBACK_BODY_LIMIT,
  feedbackLinks,
  type ReportInput,
  TEXT_LIMIT,
} from './report';

const text = 'Dicari admin customer service di Kamboja, gaji 15 juta, tiket gratis, cukup paspor. WA 0812xxxx';
const verdict: Verdict = {
  risk: 'high',
  score: 9.5,
  lang: 'id',
  isJobOffer: true,
  flags: [
    {
      id: 'dest-kh',
      family: 'destination',
      weight: 3,
      title: 'Tujuan: Kamboja',
      message: 'm',
      evidence: [{ text: 'Kamboja', start: 33, end: 40 }],
    },
    {
      id: 'free-ticket',
      family: 'costs',
      weight: 2,
      title: 'Tiket gratis',
      message: 'm',
      evidence: [{ text: 'tiket gratis', start: 57, end: 69 }],
    },
  ],
};
const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  verdict,
  post: { id: 'p1', text, links: ['https://wa.me/62812'], url: 'https://www.facebook.com/groups/1/posts/2' },
  site: 'facebook',
  pageUrl: 'https://www.facebook.com/groups/1',
  lang: 'id',
  rulesVersion: '2026.03.01',
  extensionVersion: '0.1.0',
  ...over,
});
const now = new Date('2026-03-01T02:30:00Z');

describe('buildReportFrom', () => {
  it('drops javascript: and other unfollowable links a link shim unwrapped to (issue 15)', () => {
    // The facebook adapter unwraps l.facebook.com/l.php?u=javascript%3Aalert(1) to the javascript: URL itself.
    const links = [
      'https://wa.me/62812',
      'javascript:alert(document.cookie)',
      'JavaScript:alert(1)',
      'data:text/html,x',
      'mailto:a@b.c',
    ];
    const report = buildReportFrom(input({ post: { id: 'p1', text, links } }), now, 'Asia/Jakarta');
    expect(JSON.parse(report.json).links).toEqual(['https://wa.me/62812', 'mailto:a@b.c']);
    expect(report.text.toLowerCase()).not.toContain('javascript:');
  });

  it('has every field in the user language, with ISO and local time', () => {
    const report = buildReportFrom(input(), now, 'Asia/Jakarta');
    expect(report.text).toContain('Laporan LokerAman');
    expect(report.text).toContain('Situs: facebook');
    expect(report.text).toContain('https://www.facebook.com/groups/1/posts/2');
    expect(report.text).toContain('- Tujuan: Kamboja: "Kamboja"');
    expect(report.text).toContain('2026-03-01T02:30:00.000Z');
    expect(report.text).toMatch(/1 Maret 2026.*09[.:]30/);
    expect(report.text).toContain('0.1.0 / 2026.03.01');
    expect(report.text).toContain(text);
    const data = JSON.parse(report.json);
    expect(data).toMatchObject({
      site: 'facebook',
      postUrl: 'https://www.facebook.com/groups/1/posts/2',
      postText: text,
      risk: 'high',
      createdAt: '2026-03-01T02:30:00.000Z',
      timeZone: 'Asia/Jakarta',
      extensionVersion: '0.1.0',
      rulesVersion: '2026.03.01',
    });
    expect(data.flags).toEqual([
      { id: 'dest-kh', title: 'Tujuan: Kamboja', evidence: ['Kamboja'] },
      { id: 'free-ticket', title: 'Tiket gratis', evidence: ['tiket gratis'] },
    ]);
    expect(report.fileBase).toBe('lokeraman-report-facebook-20260301-0230');
  });

  it('uses English labels when the UI language is English and falls back to the page URL', () => {
    const report = buildReportFrom(input({ lang: 'en', post: { id: 'p', text, links: [] } }), now, 'UTC');
    expect(report.text).toContain('LokerAman report');
    expect(report.text).toContain('Post URL: https://www.facebook.com/groups/1');
    expect(report.text).toContain('Assessment: Likely scam or trafficking lure');
    expect(report.fullText).toContain(text);
  });

  it('caps the plain text for WhatsApp and marks the cut, but keeps the full text in JSON', () => {
    const long = `${'Lowongan kerja luar negeri gaji besar. '.repeat(200)}😀`;
    const report = buildReportFrom(input({ post: { id: 'p', text: long, links: [] } }), now, 'UTC');
    expect(report.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(report.text).toContain('(dipotong)');
    expect(report.text).toContain('Versi ekstensi'); // the tail survives the cut
    expect(JSON.parse(report.json).postText).toBe(long);
    const en = buildReportFrom(input({ lang: 'en', post: { id: 'p', text: long, links: [] } }), now, 'UTC');
    expect(en.text).toContain('(truncated)');
  });
});

it('lists only the strongest flags in the text so the post excerpt keeps its room', () => {
  const many: Verdict = {
    ...verdict,
    flags: Array.from({ length: 20 }, (_, i) => ({
      id: `f${i}`,
      family: 'x',
      weight: i,
      title: `Tanda nomor ${i} dengan judul yang cukup panjang`,
      message: 'm',
      evidence: [
        { text: 'Kamboja', start: 33, end: 40 },
        { text: 'tiket gratis', start: 57, end: 69 },
        { text: 'paspor', start: 77, end: 83 },
        { text: 'WA', start: 85, end: 87 },
      ],
    })),
  };
  const long = `${text} ${'Detail pekerjaan dan fasilitas lengkap. '.repeat(40)}`;
  const report = buildReportFrom(input({ verdict: many, post: { id: 'p', text: long, links: [] } }), now, 'UTC');
  expect(report.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
  expect(report.text).toContain('- Tanda nomor 19 dengan');
  expect(report.text).not.toContain('- Tanda nomor 13 ');
  expect(report.text).toContain('dan 14 tanda lain');
  expect(report.text).toContain(text); // the start of the post survives
  expect(report.text).toContain('(dipotong)');
  expect(report.text).toContain('Versi ekstensi');
  expect(JSON.parse(report.json).flags).toHaveLength(20);
});

describe('buildFeedback', () => {
  it('prefills a GitHub issue and a mailto with plain words: the level and reasons by name, no ids or scores', () => {
    const fb = buildFeedback({ kind: 'false-alarm', text, verdict, lang: 'en', site: 'facebook' });
    expect(fb.title).toBe('False alarm on facebook');
    expect(fb.body).toContain('LokerAman said: Likely scam or trafficking lure');
    expect(fb.body).not.toMatch(/dest-kh|free-ticket|score|lang /);
    const url = new URL(fb.issueUrl);
    expect(`${url.origin}${url.pathname}`).toBe('https://github.com/lokeraman/lokeraman/issues/new');
    expect(url.searchParams.get('title')).toBe(fb.title);
    expect(url.searchParams.get('body')).toBe(fb.body);
    expect(fb.mailto).toMatch(/^mailto:[^?]+\?subject=False%20alarm/);
    expect(decodeURIComponent(fb.mailto.split('&body=')[1] ?? '')).toBe(fb.body);
  });

  it('works without a verdict for a missed scam and caps long bodies', () => {
    const fb = buildFeedback({ kind: 'missed', text: 'x'.repeat(20_000), lang: 'id' });
    expect(fb.title).toContain('Penipuan terlewat');
    expect(fb.body.length).toBeLessThanOrEqual(FEEDBACK_BODY_LIMIT);
    expect(fb.issueUrl.length).toBeLessThan(8000);
    const edited = feedbackLinks('t', 'y'.repeat(50_000));
    expect(new URL(edited.issueUrl).searchParams.get('body')?.length).toBeLessThanOrEqual(FEEDBACK_BODY_LIMIT);
  });
});
