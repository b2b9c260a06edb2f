import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/** Inside a closed <details> only its own summary can take focus. */
function inClosedDetails(el: Element): boolean {
  const closed = el.closest('details:not([open])');
  if (!closed) return false;
  if (el.tagName !== 'SUMMARY' || el.parentElement !== closed) return true;
  return closed.parentElement !== null && inClosedDetails(closed.parentElement);
}

export function focusableIn(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) =>
      !el.hidden &&
      el.getAttribute('aria-hidden') !== 'true' &&
      el.closest('[hidden]') === null &&
      !inClosedDetails(el),
  );
}

/** Focused element inside a shadow root or the document (document.activeElement stops at the host). */
export function activeElementOf(node: Node): Element | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  return root.activeElement ?? null;
}

interface Props {
  labelledBy: string;
  lang: string;
  onClose: () => void;
  children: ComponentChildren;
  class?: string;
  /** Element to focus when the dialog opens; defaults to the first focusable one. */
  initialFocus?: () => HTMLElement | null | undefined;
}

/**
 * A modal <dialog> in the top layer (so page z-index and transforms cannot cover or clip it), with
 * our own Tab trap (the native one lets focus leave to the browser UI) and Esc handling so the
 * caller decides where focus returns.
 */
export function ModalDialog({ labelledBy, lang, onClose, children, initialFocus, class: className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    try {
      if (!dialog.open) dialog.showModal();
    } catch {
      dialog.setAttribute('open', ''); // environments without the top layer (tests)
    }
    (initialFocus?.() ?? focusableIn(dialog)[0])?.focus();
    return () => {
      if (dialog.open) {
        try {
          dialog.close();
        } catch {
          dialog.removeAttribute('open');
        }
      }
    };
  }, []);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Native Esc fires `cancel` and would close without telling us; route it through onClose.
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    const dialog = ref.current;
    if (!dialog) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      closeRef.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const items = focusableIn(dialog);
    if (items.length === 0) return;
    const first = items[0] as HTMLElement;
    const last = items[items.length - 1] as HTMLElement;
    const active = activeElementOf(dialog);
    const inside = active !== null && dialog.contains(active);
    const index = inside ? items.indexOf(active as HTMLElement) : -1;
    // Focus on a non-tabbable element inside (a heading we focused) moves on naturally.
    if (inside && index === -1) return;
    if (event.shiftKey && index <= 0) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (index === -1 || index === items.length - 1)) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      class={className}
      // biome-ignore lint/a11y/noRedundantRoles: explicit role and aria-modal for assistive tech that predates <dialog>
      role="dialog"
      aria-modal="true"
      aria-labelledby={labelledBy}
      lang={lang}
      data-lokeraman-dialog=""
      onKeyDown={onKeyDown}
    >
      {children}
    </dialog>
  );
}
