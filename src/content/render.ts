// Scanner stage 5, render: the warning host inside the post card, kept in step with the post's
// verdict. Hosts are known by identity, never by tag or attributes: a page can write
// <lokeraman-warning> elements itself and must not have its posts skipped, or a warning moved, for it.
import type { Verdict } from '../engine/types';
import type { ExtractedPost, SiteAdapter } from '../sites/types';
import { insertAt, resolveSlot } from './placement';

export const HOST_TAG = 'lokeraman-warning';

export interface HostView {
  update(post: ExtractedPost, verdict: Verdict): void;
  destroy(): void;
}

/** Renders the warning inside a freshly inserted host (index.ts wraps the warning UI's mountWarning). */
export type MountHost = (host: HTMLElement, post: ExtractedPost, verdict: Verdict) => HostView;

export interface PostRecord {
  el: Element;
  /** Hash of text+links last analysed; 0 when the element had no extractable post. */
  hash: number;
  post: ExtractedPost | null;
  /** Verdict as cached (engine thresholds at analysis time). */
  raw: Verdict | null;
  /** Verdict after the current thresholds are applied. */
  verdict: Verdict | null;
  host: HTMLElement | null;
  view: HostView | null;
  /** When the host was inserted (performance clock), for the benchmark's latency figures. */
  shownAt?: number;
}

export interface HostRendererOptions {
  adapter: SiteAdapter;
  mount: MountHost;
  now: () => number;
  /** Runs page- or UI-facing code, logging and returning `fallback` when it throws. */
  safe: <T>(what: string, fn: () => T, fallback: T) => T;
}

export interface HostRenderer {
  /** Insert (or re-insert) the record's host in the adapter's slot; never a second host for one post. */
  place(rec: PostRecord): void;
  /** Take the record's host off the page and unmount its warning. */
  remove(rec: PostRecord): void;
  /** Whether `node` is a host this renderer created. */
  owns(node: Node): boolean;
  /** The record a host of ours belongs to, until we remove that host ourselves (so a site removal shows). */
  ownerOf(host: Node): PostRecord | undefined;
}

function setHostAttributes(host: HTMLElement, rec: PostRecord, siteId: string): void {
  const post = rec.post as ExtractedPost;
  const verdict = rec.verdict as Verdict;
  if (host.getAttribute('data-lokeraman-risk') !== verdict.risk) host.setAttribute('data-lokeraman-risk', verdict.risk);
  if (host.getAttribute('data-lokeraman-post-id') !== post.id) host.setAttribute('data-lokeraman-post-id', post.id);
  if (host.getAttribute('data-lokeraman-site') !== siteId) host.setAttribute('data-lokeraman-site', siteId);
  if (post.partial) host.setAttribute('data-lokeraman-partial', 'true');
  else host.removeAttribute('data-lokeraman-partial');
}

export function createHostRenderer(o: HostRendererOptions): HostRenderer {
  const ownHosts = new WeakSet<Node>();
  const hostOwner = new WeakMap<Node, PostRecord>();

  function place(rec: PostRecord): void {
    if (!rec.post || !rec.verdict) return;
    if (!rec.el.isConnected) return;
    const slot = resolveSlot(o.adapter, rec.el);
    let host = rec.host;
    if (host) {
      setHostAttributes(host, rec, o.adapter.id);
      if (host.isConnected) return;
      // The site re-rendered and dropped our host: put the same host (and its mounted UI) back.
      insertAt(slot, host);
      return;
    }
    // A <lokeraman-warning> already in the slot is never a reason to stand back: the page can plant one (with
    // any post id it likes). A copy of this script orphaned by an extension update removes its own hosts
    // within a second, and copies in one world hand over through a symbol-keyed global (index.ts).
    const doc = rec.el.ownerDocument ?? document;
    host = doc.createElement(HOST_TAG);
    ownHosts.add(host);
    rec.host = host;
    hostOwner.set(host, rec);
    setHostAttributes(host, rec, o.adapter.id);
    if (!insertAt(slot, host)) {
      rec.host = null;
      return;
    }
    rec.shownAt = o.now();
    const post = rec.post;
    const verdict = rec.verdict;
    const mounted = host;
    rec.view = o.safe('mount warning', () => o.mount(mounted, post, verdict), null);
  }

  function remove(rec: PostRecord): void {
    const view = rec.view;
    const host = rec.host;
    rec.view = null;
    rec.host = null;
    if (view) o.safe('destroy warning', () => view.destroy(), undefined);
    if (host) {
      hostOwner.delete(host);
      o.safe('remove host', () => host.remove(), undefined);
    }
  }

  return { place, remove, owns: (node) => ownHosts.has(node), ownerOf: (host) => hostOwner.get(host) };
}
