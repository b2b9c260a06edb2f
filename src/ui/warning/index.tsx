/// <reference types="vite/client" />
// Warning UI used by the content script: a badge after flagged posts and an in-page dialog, both in
// the host's open shadow root with a full style reset so page CSS and ours never meet.
import { render } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { buildReportFrom, type Report } from '../../shared/report';
import { addAllowEntry } from '../../shared/settings-store';
import componentsCss from '../components/components.css?inline';
import { t } from './i18n';
import type { WarningInput } from './types';
import { levelKey, VerdictDialog, type View } from './VerdictDialog';
import warningCss from './warning.css?inline';

export type { WarningInput } from './types';
export type { Report } from '../../shared/report';

const HOST_TAG = 'lokeraman-warning';

/** Report package (plain text + JSON) in the user's language. */
export function buildReport(input: WarningInput, now: Date): Report {
  return buildReportFrom(input, now);
}

function prepareShadow(host: HTMLElement): { container: HTMLElement; cleanup: () => void } {
  const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${componentsCss}\n${warningCss}`;
  const container = document.createElement('div');
  container.className = 'la-root';
  shadow.append(style, container);
  return {
    container,
    cleanup() {
      render(null, container);
      container.remove();
      style.remove();
    },
  };
}

interface BadgeAppProps {
  input: WarningInput;
  onHide: () => Promise<void>;
  /** For screenshots and tests: open straight into a view. */
  initialView?: View;
}

function BadgeApp({ input, onHide, initialView }: BadgeAppProps) {
  const [open, setOpen] = useState<View | null>(initialView ?? null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const { verdict, lang } = input;
  if (verdict.risk === 'none') return null;
  const close = () => {
    setOpen(null);
    // Return focus to the control that opened the dialog (WCAG 2.4.3), after the dialog leaves the top layer.
    queueMicrotask(() => buttonRef.current?.focus());
  };
  const count = verdict.flags.length;
  return (
    <div class={`la-badge la-risk-${verdict.risk}`} lang={lang} data-lokeraman-badge="">
      <span class="la-badge-icon" aria-hidden="true">
        !
      </span>
      <span class="la-badge-text">
        <strong>{t(levelKey(verdict.risk), lang)}</strong>
        {verdict.risk !== 'low' && count > 0 ? <span class="la-badge-count"> · {t('warning_badge_count', lang, count)}</span> : null}
      </span>
      <button
        ref={buttonRef}
        type="button"
        class="la-btn la-badge-button"
        aria-haspopup="dialog"
        aria-expanded={open !== null}
        onClick={() => setOpen('main')}
      >
        {t('warning_badge_open', lang)}
      </button>
      {open ? <VerdictDialog input={input} onClose={close} onHide={onHide} initialView={open} /> : null}
    </div>
  );
}

export interface MountOptions {
  initialView?: View;
}

export function mountWarning(
  host: HTMLElement,
  input: WarningInput,
  options: MountOptions = {},
): { update(input: WarningInput): void; destroy(): void } {
  const { container, cleanup } = prepareShadow(host);
  let current = input;
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    cleanup();
  };
  const onHide = async () => {
    await addAllowEntry({ kind: 'post', value: current.post.id, site: current.site, added: new Date().toISOString() });
    destroy();
    host.remove();
  };
  const draw = () => render(<BadgeApp input={current} onHide={onHide} initialView={options.initialView} />, container);
  draw();
  return {
    update(next) {
      if (destroyed) return;
      current = next;
      draw();
    },
    destroy,
  };
}

/** The verdict dialog on its own (context-menu check, "check this page"), in a host appended to <body>. */
export function openVerdictDialog(input: WarningInput, options: MountOptions = {}): { close(): void } {
  const previous = document.activeElement as HTMLElement | null;
  const host = document.createElement(HOST_TAG);
  host.dataset.lokeramanRisk = input.verdict.risk;
  host.dataset.lokeramanStandalone = '';
  document.body.appendChild(host);
  const { container, cleanup } = prepareShadow(host);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    cleanup();
    host.remove();
    previous?.focus?.();
  };
  render(<VerdictDialog input={input} onClose={close} initialView={options.initialView} />, container);
  return { close };
}
