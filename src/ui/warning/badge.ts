/// <reference types="vite/client" />
// The badge after a flagged post, drawn with plain DOM calls: it ships with the content script on
// every supported page, so it carries no UI framework and only its own few strings. The verdict
// dialog (Preact, report view, channel list, platform steps, feedback and their strings) comes from a
// DialogSource: loaded on first use by the content script (lazy.ts), bundled directly in pages and
// tests (index.tsx). Post text never passes through here except as textContent.
import componentsCss from '../components/components.css?inline';
import badgeCss from './badge.css?inline';
import { levelKey, tBadge } from './badge-i18n';
import { userOnly } from './trusted';
import type { WarningInput } from './types';
import type { View } from './VerdictDialog';

export const HOST_TAG = 'lokeraman-warning';

export interface DialogHandle {
  update(input: WarningInput): void;
  close(): void;
}

export interface DialogOptions {
  onClose(): void;
  /** Absent for the standalone dialog, which has no badge to hide. */
  onHide?(): Promise<void>;
  initialView?: View;
}

/** What the lazily loaded dialog chunk provides (dialog-entry.tsx). */
export interface DialogModule {
  showDialog(container: HTMLElement, input: WarningInput, options: DialogOptions): DialogHandle;
  /** Stores the "hide for this post" allowlist entry. */
  hidePost(input: WarningInput): Promise<void>;
}

/** The dialog module now (already loaded) or once its chunk has loaded. */
export type DialogSource = () => DialogModule | Promise<DialogModule>;

export interface MountOptions {
  /** For screenshots and tests: open straight into a view. */
  initialView?: View;
  /**
   * 'closed' on web pages (lazy.ts): page script can neither read nor change the badge and dialog, nor find
   * their buttons. Extension pages and unit tests use 'open' (the default).
   */
  shadowMode?: ShadowRootMode;
}

export interface WarningView {
  update(input: WarningInput): void;
  destroy(): void;
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === 'function';
}

/** Our shadow roots by host, so a closed root can be reused (host.shadowRoot is null for it). */
const roots = new WeakMap<HTMLElement, ShadowRoot>();

export function prepareShadow(
  host: HTMLElement,
  mode: ShadowRootMode = 'open',
): { container: HTMLElement; cleanup: () => void } {
  let shadow = roots.get(host) ?? host.shadowRoot;
  if (!shadow) {
    shadow = host.attachShadow({ mode });
    roots.set(host, shadow);
  }
  const style = document.createElement('style');
  style.textContent = `${componentsCss}\n${badgeCss}`;
  const container = document.createElement('div');
  container.className = 'la-root';
  shadow.append(style, container);
  return {
    container,
    cleanup() {
      container.remove();
      style.remove();
    },
  };
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

export function mountBadge(
  host: HTMLElement,
  input: WarningInput,
  source: DialogSource,
  options: MountOptions = {},
): WarningView {
  const { container, cleanup } = prepareShadow(host, options.shadowMode);
  let current = input;
  let destroyed = false;
  let dialog: DialogHandle | null = null;
  let slot: HTMLElement | null = null;
  let opening = false;

  const badge = el('div', 'la-badge');
  badge.setAttribute('data-lokeraman-badge', '');
  const icon = el('span', 'la-badge-icon');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = '!';
  const text = el('span', 'la-badge-text');
  const level = document.createElement('strong');
  const count = el('span', 'la-badge-count');
  text.append(level, count);
  const button = el('button', 'la-btn la-badge-button');
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-expanded', 'false');
  badge.append(icon, text, button);

  function draw(): void {
    const { verdict, lang } = current;
    if (verdict.risk === 'none') {
      closeDialog();
      badge.remove();
      return;
    }
    badge.className = `la-badge la-risk-${verdict.risk}`;
    badge.lang = lang;
    level.textContent = tBadge(levelKey(verdict.risk), lang);
    const flags = verdict.flags.length;
    if (verdict.risk !== 'low' && flags > 0) {
      count.textContent = ` · ${tBadge('warning_badge_count', lang, flags)}`;
      if (!count.isConnected) text.append(count);
    } else {
      count.remove();
    }
    button.textContent = tBadge('warning_badge_open', lang);
    if (!badge.isConnected) container.append(badge);
  }

  function closeDialog(): void {
    const open = dialog;
    dialog = null;
    button.setAttribute('aria-expanded', 'false');
    open?.close();
    slot?.remove();
    slot = null;
  }

  function show(module: DialogModule, view: View): void {
    if (destroyed || dialog || current.verdict.risk === 'none') return;
    slot = document.createElement('div');
    // The dialog lives in the top layer; the slot must not add a flex item to the badge's row.
    slot.style.display = 'contents';
    badge.append(slot);
    button.setAttribute('aria-expanded', 'true');
    dialog = module.showDialog(slot, current, {
      initialView: view,
      onClose() {
        closeDialog();
        // Return focus to the control that opened the dialog (WCAG 2.4.3), after it leaves the top layer.
        queueMicrotask(() => button.focus());
      },
      async onHide() {
        await module.hidePost(current);
        destroy();
        host.remove();
      },
    });
  }

  function open(view: View): void {
    if (destroyed || dialog || opening) return;
    let loaded: DialogModule | Promise<DialogModule>;
    try {
      loaded = source();
    } catch {
      return;
    }
    if (!isPromise(loaded)) {
      show(loaded, view);
      return;
    }
    opening = true;
    button.setAttribute('aria-busy', 'true');
    loaded.then(
      (module) => {
        opening = false;
        button.removeAttribute('aria-busy');
        show(module, view);
      },
      () => {
        // Chunk failed to load (extension updated under the page): the button stays usable for a retry.
        opening = false;
        button.removeAttribute('aria-busy');
      },
    );
  }

  function destroy(): void {
    if (destroyed) return;
    destroyed = true;
    closeDialog();
    cleanup();
  }

  button.addEventListener(
    'click',
    userOnly(() => open('main')),
  );
  draw();
  if (options.initialView) open(options.initialView);

  return {
    update(next) {
      if (destroyed) return;
      current = next;
      draw();
      dialog?.update(next);
    },
    destroy,
  };
}

/** The verdict dialog on its own (context-menu check, "check this page"), in a host appended to <body>. */
export function openStandalone(
  input: WarningInput,
  source: DialogSource,
  options: MountOptions = {},
): { close(): void } {
  const previous = document.activeElement as HTMLElement | null;
  const host = document.createElement(HOST_TAG);
  host.dataset.lokeramanRisk = input.verdict.risk;
  host.dataset.lokeramanStandalone = '';
  document.body.appendChild(host);
  const { container, cleanup } = prepareShadow(host, options.shadowMode);
  let closed = false;
  let handle: DialogHandle | null = null;
  const close = () => {
    if (closed) return;
    closed = true;
    handle?.close();
    cleanup();
    host.remove();
    previous?.focus?.();
  };
  const show = (module: DialogModule) => {
    if (!closed) handle = module.showDialog(container, input, { onClose: close, initialView: options.initialView });
  };
  try {
    const loaded = source();
    if (isPromise(loaded)) loaded.then(show, close);
    else show(loaded);
  } catch {
    close();
  }
  return { close };
}
