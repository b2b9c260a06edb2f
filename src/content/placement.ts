// Where a warning host goes: inside the post's card, right above the text it is about (the adapter's
// badgeSlot). A host after the post read as a warning about the next post on a phone, and on
// fixed-height or virtualised layouts (Glints cells, X rows) it overflowed under the next card.
// Kept apart from the scanner so the fixture tests can check every adapter's placement without one.
import type { BadgeSlot, SiteAdapter } from '../sites/types';

/** The adapter's slot for `post`, or "first inside the post" when it names none or a stale one. */
export function resolveSlot(adapter: SiteAdapter, post: Element): BadgeSlot {
  let slot: BadgeSlot | null = null;
  try {
    slot = adapter.badgeSlot(post);
  } catch {
    slot = null;
  }
  if (!slot?.card?.isConnected) return { card: post, before: null };
  const before = slot.before;
  if (before && (!before.isConnected || before === slot.card || !slot.card.contains(before) || !before.parentNode))
    return { card: slot.card, before: null };
  return before ? { card: slot.card, before: outsideControls(before, slot.card) } : slot;
}

const CONTROL = 'a[href], button, [role="button"], [role="link"], label, summary';

/**
 * A badge inside a link or button would hand the page every click on it ("open the job", "expand the
 * caption"): step out to the outermost control around the text that is still inside the card.
 */
function outsideControls(before: Element, card: Element): Element {
  let target = before;
  for (let el = before.parentElement; el && el !== card; el = el.parentElement) {
    try {
      if (el.matches(CONTROL)) target = el;
    } catch {
      return target;
    }
  }
  return target;
}

/** Puts `host` into the slot; false when the page refused (detached or locked-down node). */
export function insertAt(slot: BadgeSlot, host: Element): boolean {
  try {
    if (slot.before) slot.before.before(host);
    else slot.card.prepend(host);
    return true;
  } catch {
    return false;
  }
}
