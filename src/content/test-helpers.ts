// Fakes shared by the content-script unit tests: a tiny adapter, a keyword "engine", a manual
// scheduler and a recording warning renderer. Test-only; nothing imports this from shipped code.
import type { Verdict } from '../engine/types';
import type { ExtractedPost, SiteAdapter } from '../sites/types';
import type { HostView, MountHost, Scheduler } from './scanner';

/** Posts are `<article data-post="id">` with text in `.body`; "more" buttons mark partial posts. */
export function fakeAdapter(overrides: Partial<SiteAdapter> = {}): SiteAdapter {
  return {
    id: 'fake',
    name: 'Fake',
    matches: ['https://fake.example/*'],
    sampleUrls: ['https://fake.example/feed'],
    notUrls: ['https://fake.example.net/'],
    fixtureSource: 'documented',
    findPosts(root) {
      const out: Element[] = [];
      if ((root as Element).matches?.('article[data-post]')) out.push(root as Element);
      out.push(...Array.from(root.querySelectorAll('article[data-post]')));
      return out;
    },
    extract(el) {
      const id = el.getAttribute('data-post');
      const body = el.querySelector('.body');
      if (!id || !body) return null;
      const text = (body.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (!text) return null;
      return { id, text, links: [], partial: !!el.querySelector('button.more') };
    },
    badgeSlot: (el) => ({ card: el, before: el.querySelector('.body') }),
    ...overrides,
  };
}

/** Scores by counting lure words; records every text it analysed. */
export function fakeEngine() {
  const calls: string[] = [];
  const analyze = (post: ExtractedPost): Verdict => {
    calls.push(post.text);
    const words = ['kamboja', 'gaji', 'tiket', 'visa', 'wa.me'];
    const lower = post.text.toLowerCase();
    const score = words.filter((w) => lower.includes(w)).length * 2;
    const risk: Verdict['risk'] = score >= 8 ? 'high' : score >= 6 ? 'medium' : score >= 2 ? 'low' : 'none';
    return { risk, score, lang: 'id', flags: [], isJobOffer: true };
  };
  return { analyze, calls };
}

export function manualScheduler() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const scheduler: Scheduler = {
    request(cb) {
      const id = next++;
      queue.set(id, () => cb());
      return id;
    },
    cancel(handle) {
      queue.delete(handle as number);
    },
  };
  return {
    scheduler,
    pending: () => queue.size,
    runOne() {
      const [id, cb] = queue.entries().next().value ?? [];
      if (id === undefined || !cb) return false;
      queue.delete(id);
      cb();
      return true;
    },
  };
}

export const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function recordingMount() {
  const mounted: { host: HTMLElement; post: ExtractedPost; verdict: Verdict; destroyed: boolean; updates: number }[] =
    [];
  const mount: MountHost = (host, post, verdict): HostView => {
    const entry = { host, post, verdict, destroyed: false, updates: 0 };
    mounted.push(entry);
    return {
      update(p, v) {
        entry.post = p;
        entry.verdict = v;
        entry.updates++;
      },
      destroy() {
        entry.destroyed = true;
      },
    };
  };
  return { mount, mounted };
}

export const LURE = 'Kerja di Kamboja gaji 15 juta, tiket dan visa ditanggung, WA wa.me/85512345678';
export const LEGIT = 'Lowongan staf gudang di Bandung, kirim lamaran ke hrd@contoh.co.id';
