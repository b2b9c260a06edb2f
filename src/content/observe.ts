// Scanner stage 1, observe: what a batch of DOM mutations means for the scanner, sorted into work
// queues without doing any of the work (the observer callback must stay cheap on a busy feed).
import { isElement } from './find-posts';

export const OBSERVE_INIT: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export interface MutationWork {
  /** Added subtrees to search for posts. */
  addRoot(el: Element): void;
  /** A node whose enclosing post may have changed text. */
  touch(node: Node): void;
  /** Something left the page: drop records of detached posts later. */
  prune(): void;
  /** The site removed one of our hosts (a re-render): put the post back in the queue. */
  hostRemovedBySite(host: Node): void;
}

/**
 * Sorts `mutations` into `work`. Our own hosts coming and going are ignored; every other added
 * element is a subtree to search, and the mutation's target is touched, since text inside a known
 * post changes structurally ("See more" swaps nodes, virtual lists recycle them).
 */
export function sortMutations(mutations: MutationRecord[], isOurHost: (node: Node) => boolean, work: MutationWork) {
  for (const m of mutations) {
    if (m.type === 'characterData') {
      work.touch(m.target);
      continue;
    }
    let onlyOurs = true;
    for (const node of Array.from(m.addedNodes)) {
      if (isOurHost(node)) continue;
      onlyOurs = false;
      if (isElement(node)) work.addRoot(node);
    }
    for (const node of Array.from(m.removedNodes)) {
      if (isOurHost(node)) {
        work.hostRemovedBySite(node);
        continue;
      }
      onlyOurs = false;
      if (isElement(node)) work.prune();
    }
    if (!onlyOurs) work.touch(m.target);
  }
}

/** A MutationObserver on `root` calling `onMutations` (errors logged, never thrown into the page). */
export function observeMutations(
  root: Node,
  onMutations: (mutations: MutationRecord[]) => void,
  log: (...args: unknown[]) => void,
): MutationObserver | null {
  if (typeof MutationObserver !== 'function') return null;
  const observer = new MutationObserver((mutations) => {
    try {
      onMutations(mutations);
    } catch (error) {
      log('[lokeraman] mutation handling failed', error);
    }
  });
  try {
    observer.observe(root, OBSERVE_INIT);
  } catch (error) {
    log('[lokeraman] observe failed', error);
  }
  return observer;
}
