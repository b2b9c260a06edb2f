// Background side of signed rule updates: about once a day (with jitter, so a mirror is not hit by
// every browser at the same minute) fetch the published update and its detached signature, let
// evaluateUpdate decide, and store an accepted bundle where getEngine() finds it. The request carries
// nothing about the user: no cookies, no referrer, no page information.
import { compileRuleSet, createEngine, ENGINE_VERSION, type RuleBundle } from '../engine/index';
import { bundledRules, isUsableUpdate, STORED_RULES_KEY, type StoredRules } from '../shared/active-rules';
import browser from '../shared/browser';
import { isMessage } from '../shared/messages';
import { failingExamples } from '../shared/rule-examples';
import {
  evaluateUpdate,
  isExpired,
  MAX_SIGNATURE_BYTES,
  MAX_UPDATE_BYTES,
  type UpdatePayload,
} from '../shared/rule-update';
import { isAllowedRulesUrl } from '../shared/settings-core';
import { loadSettings } from '../shared/settings-store';
import { fromBase64, type TrustedKey, toBase64 } from '../shared/signing';
import { RELEASE_TRUSTED_KEYS as shippedKeys } from '../shared/release';

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
  const extra =
    typeof __LOKERAMAN_EXTRA_TRUSTED_KEYS__ === 'string' ? JSON.parse(__LOKERAMAN_EXTRA_TRUSTED_KEYS__) : [];
  return [...(shippedKeys as TrustedKey[]), ...(extra as TrustedKey[])];
}

async function readStored(): Promise<StoredRules | undefined> {
  const stored = (await browser.storage.local.get(STORED_RULES_KEY))[STORED_RULES_KEY];
  return isUsableUpdate(stored) && (await verifyStored(stored)) === null ? stored : undefined;
}

const updateContext = (versionInUse: string) => ({
  trustedKeys: trustedKeys(),
  versionInUse,
  engineVersion: ENGINE_VERSION,
  compile: (payload: UpdatePayload) =>
    compileRuleSet({
      rules: payload.rules,
      vocabs: payload.vocabs,
      families: payload.families,
      version: payload.meta.version,
    }),
  failingExamples: (payload: UpdatePayload, bundle: RuleBundle) => failingExamples(payload.rules, createEngine(bundle)),
});

/**
 * JSON with object keys sorted: Chromium's storage hands objects back with their keys in alphabetical order, so
 * a stored bundle is compared with a fresh compile by content, not by key order.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.keys(item as object).sort().map((key) => [key, (item as Record<string, unknown>)[key]]))
      : item,
  );
}

/** Signature → the bundle (as JSON) it was verified to compile to, so a service-worker lifetime compiles each once. */
const verifiedBundles = new Map<string, string>();

/**
 * Why the stored update may not be used, or null when it may. Storage is not trusted on its own: the stored
 * payload must verify against a trusted key again, pass every check an install does (safe patterns, examples,
 * not expired), and compile to exactly the stored bundle.
 */
export async function verifyStored(stored: StoredRules): Promise<string | null> {
  if (typeof stored.payload !== 'string' || typeof stored.signature !== 'string')
    return 'no signed payload stored with it';
  if (isExpired(stored.meta ?? {}, new Date())) return `it expired on ${stored.meta.expires}`;
  const bundleJson = canonicalJson(stored.bundle);
  const known = verifiedBundles.get(stored.signature);
  if (known !== undefined) return known === bundleJson ? null : 'the stored bundle does not match its signed payload';
  let payload: Uint8Array<ArrayBuffer>;
  try {
    payload = fromBase64(stored.payload);
  } catch {
    return 'the stored payload is damaged';
  }
  // versionInUse '0': the stored set is judged on its own, not against itself.
  const decision = await evaluateUpdate<RuleBundle>({ payload, signature: stored.signature }, updateContext('0'));
  if (!decision.ok) return `${decision.reason}: ${decision.detail}`;
  const compiledJson = canonicalJson(decision.bundle);
  verifiedBundles.set(stored.signature, compiledJson);
  return compiledJson === bundleJson ? null : 'the stored bundle does not match its signed payload';
}

async function writeStatus(patch: Partial<RulesStatus>): Promise<RulesStatus> {
  const stored = await readStored();
  const previous = ((await browser.storage.local.get(RULES_STATUS_KEY))[RULES_STATUS_KEY] ??
    {}) as Partial<RulesStatus>;
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

/**
 * The rules URL and wherever it redirects to must be https (or http on this machine, for maintainers): the
 * signature protects the content, https keeps who fetches what from the network path. fetch follows redirects
 * itself, so the final URL is checked.
 */
async function privateFetch(url: string): Promise<Response> {
  if (url === '' || !isAllowedRulesUrl(url)) throw new InsecureUrl(`not an https URL: ${url}`);
  const response = await fetch(url, {
    credentials: 'omit',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    redirect: 'follow',
  });
  if (response.url && !isAllowedRulesUrl(response.url)) {
    await response.body?.cancel().catch(() => undefined);
    throw new InsecureUrl(`redirected to a non-https URL: ${response.url}`);
  }
  return response;
}

class InsecureUrl extends Error {}

/**
 * Drops a stored bundle that is damaged, too large to be ours, made for another engine, or no longer
 * newer than the bundled floor (e.g. after an extension update), and leaves a notice for the options page.
 */
export async function discardStaleUpdate(): Promise<boolean> {
  const raw = (await browser.storage.local.get(STORED_RULES_KEY))[STORED_RULES_KEY];
  if (raw === undefined) return false;
  const meta = (raw as Partial<StoredRules> | null)?.meta;
  const expired = typeof meta === 'object' && meta !== null && isExpired(meta, new Date());
  let usable = !expired && isUsableUpdate(raw) && JSON.stringify(raw).length <= MAX_UPDATE_BYTES * 6;
  if (usable) {
    try {
      createEngine((raw as StoredRules).bundle);
    } catch {
      usable = false;
    }
  }
  const unverified = usable ? await verifyStored(raw as StoredRules) : null;
  if (usable && !unverified) return false;
  await browser.storage.local.remove(STORED_RULES_KEY);
  if (expired) {
    await writeStatus({
      lastResult: 'expired',
      lastError: `The rule update expired on ${meta?.expires}; it was removed and the built-in rules are in use until a newer update arrives.`,
    });
  } else {
    await writeStatus({
      lastResult: 'discarded-stored',
      lastError: `The stored rule update was damaged, older than the built-in rules or failed verification${unverified ? ` (${unverified})` : ''}; it was removed and the built-in rules are in use.`,
    });
  }
  return true;
}

export async function checkForRuleUpdate(): Promise<RulesStatus> {
  const lastCheck = new Date().toISOString();
  const settings = await loadSettings();
  if (!settings.ruleUpdates.enabled) return writeStatus({ lastCheck, lastResult: 'disabled', lastError: undefined });
  const url = settings.ruleUpdates.url;
  try {
    const response = await privateFetch(url);
    if (!response.ok)
      return writeStatus({ lastCheck, lastResult: 'fetch-failed', lastError: `HTTP ${response.status} from ${url}` });
    // No Content-Length check: it is the compressed size when the host gzips, and the signature covers
    // every decoded byte anyway. The cap applies to what is actually read.
    const body = await readCapped(response, MAX_UPDATE_BYTES);
    if (body === 'too-large')
      return writeStatus({ lastCheck, lastResult: 'too-large', lastError: `more than ${MAX_UPDATE_BYTES} bytes` });
    const signatureResponse = await privateFetch(`${url}.sig`).catch((error: unknown) => {
      if (error instanceof InsecureUrl) throw error;
      return null;
    });
    const signatureBytes = signatureResponse?.ok ? await readCapped(signatureResponse, MAX_SIGNATURE_BYTES) : null;
    if (signatureBytes === 'too-large') {
      return writeStatus({
        lastCheck,
        lastResult: 'malformed-signature',
        lastError: `signature file larger than ${MAX_SIGNATURE_BYTES} bytes`,
      });
    }
    const signature = signatureBytes ? new TextDecoder().decode(signatureBytes) : null;
    const stored = await readStored();
    const decision = await evaluateUpdate<RuleBundle>(
      { payload: body, signature },
      updateContext(stored?.bundle.version ?? bundledRules.version),
    );
    if (!decision.ok) {
      const alreadyCurrent = decision.reason === 'not-newer';
      return writeStatus({
        lastCheck,
        lastResult: alreadyCurrent ? 'up-to-date' : decision.reason,
        lastError: alreadyCurrent ? undefined : decision.detail,
      });
    }
    const record: StoredRules = {
      bundle: decision.bundle,
      meta: decision.meta,
      source: url,
      installedAt: lastCheck,
      payload: toBase64(body),
      signature: signature as string,
    };
    await browser.storage.local.set({ [STORED_RULES_KEY]: record });
    return writeStatus({ lastCheck, lastResult: 'installed', lastError: undefined });
  } catch (error) {
    const lastResult = error instanceof InsecureUrl ? 'insecure-url' : 'fetch-failed';
    return writeStatus({ lastCheck, lastResult, lastError: error instanceof Error ? error.message : String(error) });
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
    const fromExtensionPage =
      sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
    if (!fromExtensionPage) return undefined;
    if (isMessage(message, 'rules/check-now')) return checkForRuleUpdate();
    if (isMessage(message, 'rules/status')) return rulesStatus();
    return undefined;
  });
}
