// The page a warning protects against can run script: it can call .click() on our buttons or dispatch events
// at them. Those events carry isTrusted === false (an unforgeable property), so every action that changes
// state or hands data out (open the dialog, hide the post, download, copy, send feedback) ignores them.
// Only an explicit false is refused: real browsers always set the flag, and test DOMs that have no such
// property (happy-dom) still drive the UI.

export function fromPageScript(event: Event): boolean {
  return event.isTrusted === false;
}

/** Wraps a handler so page-script events are dropped (and their default action, e.g. following a link, cancelled). */
export function userOnly<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event: E) => {
    if (fromPageScript(event)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    handler(event);
  };
}
