// Background side of signed rule updates: about once a day (with jitter, so a mirror is not hit by
// every browser at the same minute) fetch the published update and its detached signature, let
// evaluateUpdate decide, and store an accepted bundle where getEngine() finds it. The request carries
// nothing about the user: no cookies, no referrer, no page information.
import { compileRuleSet, createEngine, ENGINE_VERSION, type RuleBundle } from '../engine/index';
import { bundledRules, isUsableUpdate, STORED_RULES_KEY, type StoredRules } from '../shared/active-rules';
import browser from '../shared/browser';
import { isMessage } from '../shared/messages';
import { evaluateUpdate, MAX_UPDATE_BYTES, type UpdatePayload } from '../shared/rule-update';
import { loadSettings } from '../shared/settings-store';
import type { TrustedKey } from '../shared/signing';
import { RELEASE_TRUSTED_KEYS as shippedKeys } from '../shared/release';
import { failingExamples } from '../shared/rule-examples';

export const RULES_ALARM = 'lokeraman-rules-update';
export const RULES_STATUS_KEY = 'rulesStatus';
const DAY_MINUTES = 24 * 60;

export interface RulesStatus {
  versionInUse: string;
  origin: 'bundled' | 'update';
  source?: string;
  lastCheck?: string;
  /** Outcome of the last check: 'installed', 'up-to-date', 'disabled', or a rejection reason. */
  lastResult?: string;
  lastError?: string;
}

/** Extra keys for test builds only (set at build time); production builds trust shipped keys alone. */
declare const __LOKERAMAN_EXTRA_TRUSTED_KEYS__: string;
export function trustedKeys(): TrustedKey[] {
  const extra = typeof __LOKERAMAN_EXTRA_TRUSTED_KEYS__ === 'string' ? JSON.parse(__LOKERAMAN_EXTRA_TRUSTED_KEYS__) : [];
  return [...(shippedKeys as TrustedKey[]), ...(extra as TrustedKey[])];
}

async function readStored(): Promise<StoredRules | undefined> {
  const stored = (await browser.storage.local.get(STORED_RULES_KEY))[STORED_RULES_KEY];
  return isUsableUpdate(stored) ? stored : undefined;
}

async function writeStatus(patch: Partial<RulesStatus>): Promise<RulesStatus> {
  const stored = await readStored();
  const previous = ((await browser.storage.local.get(RULES_STATUS_KEY))[RULES_STATUS_KEY] ?? {}) as Partial<RulesStatus>;
  const status: RulesStatus = {
    ...previous,
    ...patch,
    versionInUse: stored?.bundle.version ?? bundledRules.version,
    origin: stored ? 'update' : 'bundled',
    source: stored?.source,
  };
  await browser.storage.local.set({ [RULES_STATUS_KEY]: status });
  return status;
}

/** Reads a response body but gives up past `limit` bytes, so a hostile mirror cannot exhaust memory. */
async function readCapped(response: Response, limit: number): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const privateFetch = (url: string) =>
  fetch(url, { credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'follow' });

/**
 * Drops a stored bundle that is damaged, too large to be ours, made for another engine, or no longer
 * newer than the bundled floor (e.g. after an extension update), and leaves a notice for the options page.
 */
export async function discardStaleUpdate(): Promise<boolean> {
  const raw = (await browser.storage.local.get(STORED_RULES_KEY))[STORED_RULES_KEY];
  if (raw === undefined) return false;
  let usable = isUsableUpdate(raw) && JSON.stringify(raw).length <= MAX_UPDATE_BYTES * 4;
  if (usable) {
    try {
      createEngine((raw as StoredRules).bundle);
    } catch {
      usable = false;
    }
  }
  if (usable) return false;
  await browser.storage.local.remove(STORED_RULES_KEY);
  await writeStatus({
    lastResult: 'discarded-stored',
    lastError: 'The stored rule update was damaged or older than the built-in rules; it was removed and the built-in rules are in use.',
  });
  return true;
}

export async function checkForRuleUpdate(): Promise<RulesStatus> {
  const lastCheck = new Date().toISOString();
  const settings = await loadSettings();
  if (!settings.ruleUpdates.enabled) return writeStatus({ lastCheck, lastResult: 'disabled', lastError: undefined });
  const url = settings.ruleUpdates.url;
  try {
    const response = await privateFetch(url);
    if (!response.ok) return writeStatus({ lastCheck, lastResult: 'fetch-failed', lastError: `HTTP ${response.status} from ${url}` });
    const declared = response.headers.get('content-length');
    const body = await readCapped(response, MAX_UPDATE_BYTES);
    if (body === 'too-large') return writeStatus({ lastCheck, lastResult: 'too-large', lastError: `more than ${MAX_UPDATE_BYTES} bytes` });
    const signatureResponse = await privateFetch(`${url}.sig`).catch(() => null);
    const signature = signatureResponse?.ok ? await signatureResponse.text() : null;
    const stored = await readStored();
    const decision = await evaluateUpdate<RuleBundle>(
      { payload: body, declaredLength: declared === null ? undefined : Number(declared), signature },
      {
        trustedKeys: trustedKeys(),
        versionInUse: stored?.bundle.version ?? bundledRules.version,
        engineVersion: ENGINE_VERSION,
        compile: (payload: UpdatePayload) =>
          compileRuleSet({ rules: payload.rules, vocabs: payload.vocabs, families: payload.families, version: payload.meta.version }),
        failingExamples: (payload, bundle) => failingExamples(payload.rules, createEngine(bundle)),
      },
    );
    if (!decision.ok) {
      const alreadyCurrent = decision.reason === 'not-newer';
      return writeStatus({
        lastCheck,
        lastResult: alreadyCurrent ? 'up-to-date' : decision.reason,
        lastError: alreadyCurrent ? undefined : decision.detail,
      });
    }
    const record: StoredRules = { bundle: decision.bundle, meta: decision.meta, source: url, installedAt: lastCheck };
    await browser.storage.local.set({ [STORED_RULES_KEY]: record });
    return writeStatus({ lastCheck, lastResult: 'installed', lastError: undefined });
  } catch (error) {
    return writeStatus({ lastCheck, lastResult: 'fetch-failed', lastError: error instanceof Error ? error.message : String(error) });
  }
}

export async function rulesStatus(): Promise<RulesStatus> {
  return writeStatus({});
}

export function initRuleUpdates(): void {
  browser.runtime.onInstalled.addListener(() => {
    void discardStaleUpdate().then(checkForRuleUpdate);
    const jitter = Math.floor(Math.random() * 120);
    void browser.alarms.create(RULES_ALARM, { delayInMinutes: DAY_MINUTES + jitter, periodInMinutes: DAY_MINUTES });
  });
  browser.runtime.onStartup?.addListener(() => void discardStaleUpdate());
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RULES_ALARM) void checkForRuleUpdate();
  });
  browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
    // Only extension pages (options, possibly open in a tab) may trigger a check, never content scripts.
    const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
    if (!fromExtensionPage) return undefined;
    if (isMessage(message, 'rules/check-now')) return checkForRuleUpdate();
    if (isMessage(message, 'rules/status')) return rulesStatus();
    return undefined;
  });
}
