// Service worker: toolbar badge from content-script summaries, the selection context menu,
// on-demand checks, settings migration/repair, and signed rule updates (updates.ts).
import browser from '../shared/browser';
import { TEST_BUILD } from '../shared/build-flags';
import { t } from '../shared/i18n';
import {
  type ContentToBackground,
  type OnDemandResult,
  parseContentToBackground,
  parseFindingsResponse,
  parsePageToBackground,
  type TabFindings,
} from '../shared/messages';
import { migrateSettings, uiLanguage } from '../shared/settings';
import { ensureSettingsMigrated, loadSettings, SETTINGS_KEY } from '../shared/settings-store';
import { applySummary, badgeText, type FrameFindings, flaggedCount, TOP_FRAME, tabFindings } from './findings';
import { runOnDemand } from './on-demand';
import { siteForUrl } from './site-for-url';
import { dropTab, readTab, serial, writeTab } from './tab-state';
import { initRuleUpdates } from './updates';

export const MENU_ID = 'lokeraman-check-selection';
const BADGE_COLOR = '#B3261E';

// ---- badge ---------------------------------------------------------------------------------

async function showBadge(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text: badgeText(count) });
  } catch {
    // The tab closed between the message and the update.
  }
}

function recordSummary(
  tabId: number,
  frameId: number,
  summary: Omit<Extract<ContentToBackground, { type: 'verdicts/summary' }>, 'type'>,
  url: string | null,
): Promise<void> {
  const frame: FrameFindings = {
    flagged: summary.flagged,
    posts: summary.posts,
    site: summary.site ?? siteForUrl(url)?.id ?? null,
    url,
  };
  return serial(async () => {
    const state = applySummary(await readTab(tabId), frameId, frame);
    await writeTab(tabId, state);
    await showBadge(tabId, flaggedCount(state));
  });
}

function clearTab(tabId: number): Promise<void> {
  return serial(async () => {
    await dropTab(tabId);
    await showBadge(tabId, 0);
  });
}

/** After a navigation completes, ask the top frame again: SPA navigations keep the content script alive. */
async function refreshFromContent(tabId: number): Promise<void> {
  try {
    const answer = parseFindingsResponse(
      await browser.tabs.sendMessage(tabId, { type: 'content/get-findings' }, { frameId: TOP_FRAME }),
    );
    if (answer) await recordSummary(tabId, TOP_FRAME, answer, (await readTab(tabId))?.[TOP_FRAME]?.url ?? null);
  } catch {
    // No content script on this page.
  }
}

browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  // Without the `tabs` permission changeInfo.url is usually hidden, but status is always there.
  if (changeInfo.status === 'loading' || changeInfo.url !== undefined) void clearTab(tabId);
  if (changeInfo.status === 'complete') void refreshFromContent(tabId);
});
browser.tabs.onRemoved.addListener((tabId) => void serial(() => dropTab(tabId)));

// ---- messages -----------------------------------------------------------------------------

function fromExtensionPage(sender: browser.Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  if (fromExtensionPage(sender)) {
    const request = parsePageToBackground(message);
    if (request?.type === 'tab/findings') {
      return readTab(request.tabId).then((state): TabFindings => tabFindings(request.tabId, state));
    }
    if (request?.type === 'tab/check-page') {
      return runOnDemand(request.tabId, { type: 'content/check-page' });
    }
    return undefined; // rules/* are answered by updates.ts
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return undefined;
  const parsed = parseContentToBackground(message);
  if (parsed?.type === 'verdicts/summary') {
    void recordSummary(tabId, sender.frameId ?? TOP_FRAME, parsed, sender.url ?? null);
  } else if (parsed?.type === 'content/error') {
    console.warn(`LokerAman content error on ${parsed.site}: ${parsed.message}`);
  }
  return undefined;
});

// ---- context menu -------------------------------------------------------------------------

async function menuTitle(): Promise<string> {
  const settings = await loadSettings();
  return t('background_menu_check', uiLanguage(settings, browser.i18n.getUILanguage()));
}

/**
 * Firefox for Android has no context menus (nor `menus`): there the API object is missing, and touching it
 * would stop the whole background script. Every use goes through this, and "Check a job offer" in the
 * popup is the way to check selected text on Android.
 */
const contextMenus: typeof browser.contextMenus | undefined = (
  browser as { contextMenus?: typeof browser.contextMenus }
).contextMenus;

async function createMenu(): Promise<void> {
  if (!contextMenus) return;
  try {
    await contextMenus.removeAll();
    contextMenus.create({ id: MENU_ID, title: await menuTitle(), contexts: ['selection'] });
  } catch (error) {
    console.warn('LokerAman: context menu not created', error);
  }
}

export function handleContextMenuCheck(tabId: number, text: string, frameId = TOP_FRAME): Promise<OnDemandResult> {
  return runOnDemand(tabId, { type: 'content/check-selection', text }, frameId);
}

contextMenus?.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
  void handleContextMenuCheck(tab.id, info.selectionText ?? '', info.frameId ?? TOP_FRAME);
});

// ---- settings -----------------------------------------------------------------------------

browser.runtime.onInstalled.addListener(() => {
  void ensureSettingsMigrated().then(createMenu);
});
browser.runtime.onStartup?.addListener(() => {
  void ensureSettingsMigrated().then(createMenu);
});
browser.storage.onChanged.addListener((changes: Record<string, browser.Storage.StorageChange>, area: string) => {
  if (area !== 'sync' || !(SETTINGS_KEY in changes)) return;
  // A value from another device, an older install, or a hand edit: repair it once, here.
  if (migrateSettings(changes[SETTINGS_KEY].newValue).changed) void ensureSettingsMigrated();
  if (contextMenus) void menuTitle().then((title) => contextMenus.update(MENU_ID, { title }).catch(() => undefined));
});

// Firefox for Android shows the badge in its extensions menu, or not at all in older releases.
void Promise.resolve()
  .then(() => browser.action.setBadgeBackgroundColor({ color: BADGE_COLOR }))
  .catch(() => undefined);

initRuleUpdates();

// Test hook: Playwright cannot click native context menus, so e2e tests call the same handler here. Only in
// the browser-test build (dist/test/*): the shipped service worker carries no test entry points.
if (TEST_BUILD) {
  (globalThis as unknown as { __lokeraman: unknown }).__lokeraman = {
    handleContextMenuCheck,
    tabFindings: async (tabId: number) => tabFindings(tabId, await readTab(tabId)),
    /** Tab id whose top frame reported `url` (tab URLs are hidden without the `tabs` permission). */
    tabIdForUrl: async (url: string) => {
      for (const tab of await browser.tabs.query({})) {
        if (tab.id !== undefined && (await readTab(tab.id))?.[TOP_FRAME]?.url === url) return tab.id;
      }
      return null;
    },
    ensureSettingsMigrated,
  };
}
