/// <reference types="@crxjs/vite-plugin/client" />
// On-demand checks (context menu on selected text, popup "Check this page"). On supported sites the
// content script is already there and answers; elsewhere the user's gesture granted activeTab, so
// the on-demand checker is injected first. Sending first (instead of matching URLs) also covers
// supported pages the content script has not reached yet, and never injects a second copy.
import onDemandPath from '../content/on-demand?script';
import browser from '../shared/browser';
import type { OnDemandResult, ToContent } from '../shared/messages';

/** Selected text is capped: the engine only reads a prefix of a post anyway. */
export const MAX_SELECTION = 20_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(tabId: number, frameId: number, message: ToContent): Promise<boolean> {
  try {
    await browser.tabs.sendMessage(tabId, message, { frameId });
    return true;
  } catch {
    return false; // "Receiving end does not exist": no content script in that frame
  }
}

export async function runOnDemand(tabId: number, message: ToContent, frameId = 0): Promise<OnDemandResult> {
  if (message.type === 'content/check-selection') {
    const text = message.text.trim().slice(0, MAX_SELECTION);
    if (!text) return { ok: false, error: 'empty' };
    message = { type: 'content/check-selection', text };
  }
  if (await send(tabId, frameId, message)) return { ok: true, via: 'content' };
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [onDemandPath] });
  } catch {
    return { ok: false, error: 'no-access' }; // browser pages, the store, or no user gesture
  }
  // The injected loader imports the checker module asynchronously; wait for its listener.
  for (let attempt = 0; attempt < 30; attempt++) {
    if (await send(tabId, frameId, message)) return { ok: true, via: 'injected' };
    await sleep(100);
  }
  return { ok: false, error: 'no-receiver' };
}
