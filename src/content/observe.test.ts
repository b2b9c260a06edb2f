// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { sortMutations } from './observe';

function collect() {
  const work = { roots: [] as Element[], touched: [] as Node[], prunes: 0, hostsRemoved: [] as Node[] };
  return {
    work,
    sink: {
      addRoot: (el: Element) => void work.roots.push(el),
      touch: (node: Node) => void work.touched.push(node),
      prune: () => void work.prunes++,
      hostRemovedBySite: (host: Node) => void work.hostsRemoved.push(host),
    },
  };
}

const record = (init: Partial<MutationRecord>): MutationRecord =>
  ({ type: 'childList', addedNodes: [], removedNodes: [], ...init }) as unknown as MutationRecord;

describe('sortMutations', () => {
  it('queues added elements as roots and touches their parent; text changes only touch', () => {
    const parent = document.createElement('div');
    const added = document.createElement('article');
    const text = document.createTextNode('x');
    const { work, sink } = collect();
    sortMutations(
      [
        record({ target: parent, addedNodes: [added, text] as unknown as NodeList }),
        record({ type: 'characterData', target: text }),
      ],
      () => false,
      sink,
    );
    expect(work.roots).toEqual([added]);
    expect(work.touched).toEqual([parent, text]);
    expect(work.prunes).toBe(0);
  });

  it('ignores our own hosts coming, and reports them going, without touching the post', () => {
    const card = document.createElement('article');
    const ours = document.createElement('lokeraman-warning');
    const { work, sink } = collect();
    const isOurs = (n: Node) => n === ours;
    sortMutations([record({ target: card, addedNodes: [ours] as unknown as NodeList })], isOurs, sink);
    sortMutations([record({ target: card, removedNodes: [ours] as unknown as NodeList })], isOurs, sink);
    expect(work.roots).toEqual([]);
    expect(work.touched).toEqual([]);
    expect(work.hostsRemoved).toEqual([ours]);
  });

  it('treats a page-made <lokeraman-warning> like any element', () => {
    const card = document.createElement('article');
    const planted = document.createElement('lokeraman-warning');
    const { work, sink } = collect();
    sortMutations([record({ target: card, removedNodes: [planted] as unknown as NodeList })], () => false, sink);
    expect(work.prunes).toBe(1);
    expect(work.touched).toEqual([card]);
    expect(work.hostsRemoved).toEqual([]);
  });
});
