// On-demand checks on pages LokerAman has no adapter for. The background injects this file through
// activeTab (scripting.executeScript) when the user asks, then sends `content/check-page` or
// `content/check-selection`. Job-post-like blocks are found by the generic adapter and checked once
// with the same scanner as supported sites, so warnings look and behave the same. Injecting it twice
// is harmless: the second copy finds the first one's listener and leaves.

import type { Verdict } from '../engine/types';
import { acceptedLanguages, manifestVersion, onMessage, runtimeId } from '../shared/browser-native';
import { CONTENT_KEY, ON_DEMAND_KEY } from '../shared/build-flags';
import type { Settings } from '../shared/settings';
import { thresholdsFor, uiLanguage } from '../shared/settings-core';
import { loadSettingsLite as loadSettings } from '../shared/settings-lite';
import { adapterById } from '../sites/index';
import type { ExtractedPost } from '../sites/types';
import { mountWarning, openVerdictDialog } from '../ui/warning/lazy';
import { postAllowlisted, showsVerdict, summarize, type WarningInputShape } from './controller';
import { getEngine } from './rules';
import { createScanner, riskFor, type Scanner } from './scanner';
import { t } from './strings';

const log: (...args: unknown[]) => void = import.meta.env.DEV ? (...args) => console.debug(...args) : () => {};
const TOAST_TAG = 'lokeraman-toast';

interface OnDemandState {
  scanner: Scanner | null;
  listener: (message: unknown) => Promise<unknown> | undefined;
}

function alive(): boolean {
  try {
    return typeof runtimeId() === 'string';
  } catch {
    return false;
  }
}

async function context() {
  const [settings, rules] = await Promise.all([loadSettings(), getEngine()]);
  const lang = uiLanguage(settings, acceptedLanguages());
  return { settings, rules, lang };
}

function inputFor(
  post: ExtractedPost,
  verdict: Verdict,
  site: string,
  settings: Settings,
  lang: 'id' | 'en',
  rulesVersion: string,
): WarningInputShape {
  return {
    verdict,
    post,
    site,
    pageUrl: location.href,
    lang,
    country: settings.country,
    rulesVersion,
    extensionVersion: manifestVersion(),
  };
}

function showToast(text: string, closeLabel: string): void {
  document.querySelector(TOAST_TAG)?.remove();
  const host = document.createElement(TOAST_TAG);
  const shadow = host.attachShadow({ mode: 'closed' });
  const box = document.createElement('div');
  box.setAttribute('role', 'status');
  box.style.cssText =
    'position:fixed;z-index:2147483647;right:16px;bottom:16px;max-width:360px;padding:12px 14px;border-radius:8px;' +
    'background:#1f2933;color:#fff;font:14px/1.4 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3);display:flex;gap:12px;align-items:flex-start';
  const message = document.createElement('span');
  message.textContent = text;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = closeLabel;
  close.style.cssText =
    'background:none;border:1px solid #fff;color:#fff;border-radius:4px;cursor:pointer;font:inherit;padding:2px 8px';
  close.addEventListener('click', () => host.remove());
  box.append(message, close);
  shadow.append(box);
  document.documentElement.append(host);
  setTimeout(() => host.remove(), 12_000);
}

async function waitIdle(scanner: Scanner, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!scanner.idle() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 30));
}

async function checkPage(state: OnDemandState) {
  const generic = adapterById('generic');
  if (!generic) return { flagged: 0, posts: [], checked: 0 };
  const { settings, rules, lang } = await context();
  if (!state.scanner) {
    state.scanner = createScanner({
      adapter: generic,
      analyze: (post) =>
        rules.engine.analyze(post.text, { url: location.href, site: generic.id, links: post.links, uiLang: lang }),
      mount: (host, post, verdict) => {
        const view = mountWarning(host, inputFor(post, verdict, generic.id, settings, lang, rules.bundle.version));
        return {
          update: (p, v) => view.update(inputFor(p, v, generic.id, settings, lang, rules.bundle.version)),
          destroy: () => view.destroy(),
        };
      },
      shows: (verdict) => showsVerdict(settings, verdict),
      isAllowed: (post) => postAllowlisted(settings, post, generic.id),
      // One look at the page as it is now; the user asks again after it changes.
      observe: false,
      log,
    });
    state.scanner.setThresholds(thresholdsFor(settings.sensitivity, rules.bundle.thresholds));
    state.scanner.start();
  } else {
    state.scanner.rescan();
  }
  await waitIdle(state.scanner, 10_000);
  const findings = state.scanner.findings();
  const checked = state.scanner.checkedCount();
  const key =
    checked === 0
      ? 'content_check_page_empty'
      : findings.length > 0
        ? 'content_check_page_found'
        : 'content_check_page_none';
  showToast(t(key, lang, findings.length), t('content_toast_close', lang));
  return { flagged: findings.length, posts: summarize(findings, generic.id), checked };
}

async function checkSelection(text: string) {
  const { settings, rules, lang } = await context();
  const raw = rules.engine.analyze(text, { url: location.href, site: 'selection', uiLang: lang });
  const verdict = { ...raw, risk: riskFor(raw.score, thresholdsFor(settings.sensitivity, rules.bundle.thresholds)) };
  openVerdictDialog(
    inputFor({ id: 'selection', text, links: [] }, verdict, 'selection', settings, lang, rules.bundle.version),
  );
  return { risk: verdict.risk };
}

function install(): void {
  // Symbol keys: an element with id="__lokeramanOnDemand" could stand in for a string-keyed global.
  const holder = globalThis as unknown as { [ON_DEMAND_KEY]?: OnDemandState };
  if (holder[ON_DEMAND_KEY]) return;
  const state: OnDemandState = {
    scanner: null,
    listener(message) {
      if (!alive()) {
        state.scanner?.stop();
        return undefined;
      }
      const msg = message as { type?: string; text?: string } | null;
      if (!msg || typeof msg !== 'object') return undefined;
      // On a supported page the regular content script answers; two answers would open two dialogs.
      const main = (globalThis as unknown as { [CONTENT_KEY]?: { stopped: boolean } })[CONTENT_KEY];
      if (main && !main.stopped) return undefined;
      try {
        if (msg.type === 'content/check-page') {
          return checkPage(state).catch((error) => {
            log('[lokeraman] page check failed', error);
            return { flagged: 0, posts: [], checked: 0, error: true };
          });
        }
        if (msg.type === 'content/check-selection' && typeof msg.text === 'string' && msg.text.trim()) {
          return checkSelection(msg.text).catch((error) => {
            log('[lokeraman] selection check failed', error);
            return { risk: 'none', error: true };
          });
        }
      } catch (error) {
        log('[lokeraman] on-demand message failed', error);
      }
      return undefined;
    },
  };
  holder[ON_DEMAND_KEY] = state;
  onMessage(state.listener);
}

try {
  install();
} catch (error) {
  log('[lokeraman] on-demand script failed to start', error);
}
