// The verdict dialog as loaded on demand: the content script imports this chunk the first time the
// user opens a dialog, so Preact, the report/feedback views, channel data and the dialog's strings
// stay out of the bundle every supported page loads (see badge.ts).
import { render } from 'preact';
import type { LocalizedText } from '../../engine/bundle';
import messagesJson from '../../generated/rules.messages.json';
import { addAllowEntry, saveSettings } from '../../shared/settings-store';
import type { DialogHandle, DialogOptions } from './badge';
import type { WarningInput } from './types';
import { VerdictDialog } from './VerdictDialog';
import dialogCss from './warning.css?inline';

/** The dialog's styles, once per shadow root, after the badge's (same cascade order as one sheet). */
function addStyles(container: HTMLElement): HTMLStyleElement | null {
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot) || root.querySelector('style[data-la-dialog]')) return null;
  const style = document.createElement('style');
  style.setAttribute('data-la-dialog', '');
  style.textContent = dialogCss;
  const first = root.querySelector('style');
  if (first) first.after(style);
  else root.prepend(style);
  return style;
}

const ruleMessages = messagesJson as Record<string, LocalizedText | undefined>;

/**
 * The every-page rules ship without messages (src/shared/compact-rules.ts), so their flags arrive
 * with empty ones: fill them by rule id for the dialog and the report. Flags from a stored rule update
 * already carry their own messages and are left as they are.
 */
export function withMessages(input: WarningInput): WarningInput {
  if (input.verdict.flags.every((flag) => flag.message)) return input;
  const flags = input.verdict.flags.map((flag) => {
    if (flag.message) return flag;
    const text = ruleMessages[flag.id];
    return { ...flag, message: text?.[input.lang] ?? text?.en ?? '' };
  });
  return { ...input, verdict: { ...input.verdict, flags } };
}

export function showDialog(container: HTMLElement, input: WarningInput, options: DialogOptions): DialogHandle {
  const style = addStyles(container);
  const draw = (next: WarningInput) =>
    render(
      <VerdictDialog
        input={withMessages(next)}
        onClose={options.onClose}
        onHide={options.onHide}
        onCountry={saveCountry}
        initialView={options.initialView}
      />,
      container,
    );
  draw(input);
  return {
    update: draw,
    close() {
      render(null, container);
      style?.remove();
    },
  };
}

/** The country picked in the report view is the same setting as in options, so it is remembered everywhere. */
async function saveCountry(country: WarningInput['country']): Promise<void> {
  await saveSettings({ country });
}

export async function hidePost(input: WarningInput): Promise<void> {
  await addAllowEntry({ kind: 'post', value: input.post.id, site: input.site, added: new Date().toISOString() });
}
