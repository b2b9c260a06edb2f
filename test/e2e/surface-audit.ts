// What the surfaces tests (Chromium and Firefox) check on every screen of the extension: the text a user
// reads (for language leaks) and any text rendered smaller than 14 px. Runs inside the page through
// `evaluate`, so it must not use anything from outside its own body.
import partsJson from '../../src/generated/rules.parts.json';
import messagesJson from '../../src/generated/rules.messages.json';
import { type LeakOptions, languageLeaks, SHARED_NAMES } from '../../src/ui/language-leaks';

export interface SurfaceText {
  /** UI text, without post text, the user's own text areas, and channel organisation names. */
  text: string;
  /** Visible text smaller than the minimum, as "tag.class 12px: text". */
  small: string[];
}

/** Collects from `rootSelector` (a page element or one of our shadow hosts), walking into open shadow roots. */
export function auditSurface({ rootSelector, minPx }: { rootSelector: string; minPx: number }): SurfaceText {
  const SKIP = '.la-post, textarea, .checked-text, .finding-excerpt, .la-channel-name strong, script, style, option';
  const parts: string[] = [];
  const small: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      const value = node.textContent?.trim() ?? '';
      if (!parent || !value || parent.closest(SKIP)) return;
      parts.push(value);
      const box = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      const shown = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
      // Text inside a closed <details> is not on screen; the surface is audited again when it opens.
      if (shown && !parent.closest('details:not([open]) > :not(summary)')) {
        const size = Number.parseFloat(style.fontSize);
        if (size < minPx) small.push(`${parent.tagName.toLowerCase()}.${parent.className} ${size}px: ${value.slice(0, 40)}`);
      }
      return;
    }
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    for (const child of Array.from(node.childNodes)) visit(child);
  };
  const root = document.querySelector(rootSelector);
  if (root) visit(root);
  return { text: parts.join('\n'), small };
}

const ruleIds = [...Object.keys(messagesJson), ...Object.keys(partsJson)];

export function leaksIn(text: string, lang: 'id' | 'en', extra: Partial<LeakOptions> = {}): string[] {
  return languageLeaks(text, lang, { allowed: [...SHARED_NAMES, 'English', ...(extra.allowed ?? [])], ruleIds });
}

/** Where screenshots go: docs/screenshots only when asked, so a test run leaves the work tree as it was. */
export const UPDATE_SCREENSHOTS = process.env.LOKERAMAN_UPDATE_SCREENSHOTS === '1';
