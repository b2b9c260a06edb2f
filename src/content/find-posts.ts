// Scanner stage 2, find posts: which elements of a new subtree are posts, and which open shadow roots
// it holds (those get observed and searched too). Discovery of one subtree is one step; the walk for
// shadow roots goes in chunks afterwards, so a large page shows its first verdicts before it ends.
import type { SiteAdapter } from '../sites/types';

/** Elements the shadow-root walk visits per step. */
export const WALK_CHUNK = 256;

export function isElement(node: Node | null | undefined): node is Element {
  return !!node && node.nodeType === 1;
}

/** Parent across shadow boundaries. */
export function parentOf(node: Node): Node | null {
  const parent = node.parentNode;
  if (parent && parent.nodeType === 11 /* DOCUMENT_FRAGMENT */ && (parent as ShadowRoot).host)
    return (parent as ShadowRoot).host;
  return parent;
}

/** The nearest element at or above `node` (across shadow roots) that `lookup` knows. */
export function enclosing<T>(node: Node, lookup: (el: Element) => T | undefined): T | null {
  for (let current: Node | null = node; current; current = parentOf(current)) {
    if (isElement(current)) {
      const found = lookup(current);
      if (found) return found;
    }
  }
  return null;
}

export interface PostFinderOptions {
  adapter: SiteAdapter;
  rootNode: Document | Element | ShadowRoot;
  /** Whether subtrees other than the root are searched for shadow roots (off for one-shot scans). */
  watching: boolean;
  /** Our own warning hosts: their (closed) shadow trees are never searched. */
  isOurHost: (node: Node) => boolean;
  /** A post element found in a subtree (known or not: the caller decides). */
  onPost: (el: Element) => void;
  /** An open shadow root seen for the first time: observe it. */
  onShadowRoot: (shadow: ShadowRoot) => void;
  log: (...args: unknown[]) => void;
}

export interface PostFinder {
  /** Queue a subtree for discovery. */
  add(root: Node): void;
  hasRoots(): boolean;
  /** Discover the next queued subtree: its posts, and a shadow-root walk over it. */
  discoverNext(): void;
  hasWalks(): boolean;
  /** Advance the current shadow-root walk by one chunk. */
  walkNext(): void;
  clear(): void;
}

export function createPostFinder(o: PostFinderOptions): PostFinder {
  // A Set dedupes repeated mutations of the same node within a batch.
  const roots = new Set<Node>();
  const walks: TreeWalker[] = [];
  const observedShadowRoots = new WeakSet<ShadowRoot>();

  function noteShadow(el: Element): void {
    if (o.isOurHost(el)) return;
    const shadow = el.shadowRoot;
    if (shadow && !observedShadowRoots.has(shadow)) {
      observedShadowRoots.add(shadow);
      o.onShadowRoot(shadow);
      roots.add(shadow);
    }
  }

  function discover(root: Node): void {
    if (!root.isConnected && root !== o.rootNode) return;
    let found: Element[] = [];
    try {
      found = o.adapter.findPosts(root as ParentNode);
    } catch (error) {
      o.log(`[lokeraman] ${o.adapter.id}: findPosts failed`, error);
    }
    for (const el of found) o.onPost(el);
    if (!o.watching && root !== o.rootNode) return;
    // nextNode() never returns the walker's root, so the root's own shadow tree is checked here.
    if (isElement(root)) noteShadow(root);
    const doc = (root.ownerDocument ?? (root as Document)) as Document;
    try {
      walks.push(doc.createTreeWalker(root, 1 /* SHOW_ELEMENT */));
    } catch (error) {
      o.log('[lokeraman] tree walker failed', error);
    }
  }

  function walkNext(): void {
    const walker = walks[walks.length - 1];
    for (let i = 0; i < WALK_CHUNK; i++) {
      const node = walker.nextNode();
      if (!node) {
        walks.pop();
        return;
      }
      noteShadow(node as Element);
    }
  }

  return {
    add: (root) => void roots.add(root),
    hasRoots: () => roots.size > 0,
    discoverNext() {
      const root = roots.values().next().value as Node;
      roots.delete(root);
      discover(root);
    },
    hasWalks: () => walks.length > 0,
    walkNext,
    clear() {
      roots.clear();
      walks.length = 0;
    },
  };
}
