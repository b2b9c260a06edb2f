// Page lifecycle of the content script: which adapter owns the current URL, what the user's settings
// allow, which rules are active, SPA navigations, messages from the background/popup, and a clean
// teardown when the extension goes away. Extension APIs come in through ContentDeps so the whole
// lifecycle can be exercised in happy-dom with fakes.
import type { RiskThresholds, Verdict } from '../engine/types';
import type { ContentToBackground, PostSummary } from '../shared/messages';
import type { Country, Settings } from '../shared/settings';
import { thresholdsFor, uiLanguage, uiLanguageFor } from '../shared/settings-core';
import { urlMatches } from '../sites/match-pattern';
import type { ExtractedPost, SiteAdapter } from '../sites/types';
import { createScanner, type Finding, riskFor, type Scanner } from './scanner';

/** Structural copy of the warning UI's WarningInput (src/ui/warning), so this file stays testable alone. */
export interface WarningInputShape {
  verdict: Verdict;
  post: ExtractedPost;
  site: string;
  pageUrl: string;
  lang: 'id' | 'en';
  country: Country;
  rulesVersion: string;
  extensionVersion: string;
}

export interface EngineLike {
  analyze(
    text: string,
    ctx: { url?: string; site?: string; links?: string[]; uiLang?: 'id' | 'en'; thresholds?: RiskThresholds },
  ): Verdict;
}

export interface RulesLike {
  engine: EngineLike;
  bundle: { version: string; thresholds: RiskThresholds };
}

export interface ContentDeps {
  adapters: readonly SiteAdapter[];
  href(): string;
  loadSettings(): Promise<Settings>;
  onSettingsChanged(callback: (settings: Settings) => void): () => void;
  getRules(): Promise<RulesLike>;
  onRulesChanged(callback: (rules: RulesLike) => void): () => void;
  mountWarning(
    host: HTMLElement,
    input: WarningInputShape,
  ): { update(input: WarningInputShape): void; destroy(): void };
  openVerdictDialog(input: WarningInputShape): { close(): void };
  send(message: ContentToBackground): Promise<unknown>;
  /** Registers a runtime.onMessage listener; returns the unsubscribe. */
  onMessage(listener: (message: unknown) => Promise<unknown> | undefined): () => void;
  /** False once the extension context is invalidated (runtime.id gone: disabled, updated, removed). */
  alive(): boolean;
  /** The browser's accepted languages (or one language tag), best first. */
  browserUiLanguage(): string | readonly string[];
  extensionVersion: string;
  win: Window;
  isTopFrame: boolean;
  log(...args: unknown[]): void;
  /** Milliseconds between summary messages (debounce). */
  summaryDelayMs?: number;
  /** Milliseconds between liveness / URL polls. */
  pollMs?: number;
  /**
   * Test builds only: put `data-lokeraman-active` on <html> so browser tests can wait for the script. Shipped
   * builds leave the page no sign of the extension (a scam page could otherwise detect and adapt to it).
   */
  markPage?: boolean;
}

export interface ContentController {
  start(): Promise<void>;
  /** Full teardown: hosts removed, observers disconnected, listeners removed. Idempotent. */
  stop(): void;
  readonly scanner: Scanner | null;
  readonly stopped: boolean;
}

export function pickAdapter(adapters: readonly SiteAdapter[], href: string): SiteAdapter | null {
  for (const adapter of adapters) {
    if (adapter.matches.length > 0 && urlMatches(adapter, href)) return adapter;
  }
  return null;
}

/**
 * Whether `href` is the allowlisted page `entry` or a page under it. A plain prefix test is not enough:
 * `…/groups/loker` must not also cover `…/groups/lokerkamboja-vip/`, so the entry has to end at a path
 * boundary of the URL (its end, "/", "?" or "#").
 */
export function underPage(entry: string, href: string): boolean {
  if (entry === '' || !href.startsWith(entry)) return false;
  if (href.length === entry.length || /[/?#]$/.test(entry)) return true;
  return '/?#'.includes(href.charAt(entry.length));
}

export function pageAllowlisted(settings: Settings, href: string, siteId?: string): boolean {
  return settings.allowlist.some(
    (entry) =>
      entry.kind === 'page' && underPage(entry.value, href) && (!entry.site || !siteId || entry.site === siteId),
  );
}

export function postAllowlisted(settings: Settings, post: ExtractedPost, siteId: string): boolean {
  return settings.allowlist.some((entry) => {
    if (entry.site && entry.site !== siteId) return false;
    if (entry.kind === 'post') return entry.value === post.id;
    // A display name is only an identity on one site: author entries without a site match nowhere.
    if (entry.kind === 'author') return entry.site === siteId && !!post.author && entry.value === post.author;
    return false;
  });
}

export function showsVerdict(settings: Pick<Settings, 'lowRiskHints'>, verdict: Verdict): boolean {
  return verdict.risk === 'high' || verdict.risk === 'medium' || (settings.lowRiskHints && verdict.risk === 'low');
}

export function summarize(findings: Finding[], site: string): PostSummary[] {
  return findings.map((f) => ({
    postId: f.post.id,
    site,
    risk: f.verdict.risk,
    score: f.verdict.score,
    reasons: f.verdict.flags.slice(0, 3).map((flag) => flag.title),
    excerpt: f.post.text.length > 160 ? `${f.post.text.slice(0, 159)}…` : f.post.text,
  }));
}

function isInvalidated(error: unknown): boolean {
  return /context invalidated/i.test(String((error as Error)?.message ?? error));
}

export function createContentController(deps: ContentDeps): ContentController {
  const abort = new AbortController();
  const cleanups: Array<() => void> = [];
  let settings: Settings | null = null;
  let rules: RulesLike | null = null;
  let scanner: Scanner | null = null;
  let lastUrl = '';
  let stopped = false;
  let summaryTimer: ReturnType<typeof setTimeout> | null = null;
  let lastSummary = '';

  // null: neither the setting nor the browser's languages decide, so each post's own language does.
  const chosenLang = () => uiLanguageFor(settings ?? { language: 'auto' }, deps.browserUiLanguage());

  function inputFor(post: ExtractedPost, verdict: Verdict, site: string): WarningInputShape {
    return {
      verdict,
      post,
      site,
      pageUrl: deps.href(),
      lang: uiLanguage(settings ?? { language: 'auto' }, deps.browserUiLanguage(), verdict.lang),
      country: settings?.country ?? 'OTHER',
      rulesVersion: rules?.bundle.version ?? '',
      extensionVersion: deps.extensionVersion,
    };
  }

  const reportedOverBudget = new Set<string>();

  function analyzerFor(adapter: SiteAdapter) {
    return (item: ExtractedPost): Verdict => {
      if (!rules) throw new Error('rules not loaded');
      const verdict = rules.engine.analyze(item.text, {
        url: deps.href(),
        site: adapter.id,
        links: item.links,
        uiLang: chosenLang() ?? undefined,
      });
      // A rule that ran out the engine's per-post time budget is reported once per page (background console).
      const fresh = verdict.overBudget?.filter((id) => !reportedOverBudget.has(id)) ?? [];
      if (fresh.length > 0) {
        for (const id of fresh) reportedOverBudget.add(id);
        post({
          type: 'content/error',
          site: adapter.id,
          message: `regex rules over the per-post time budget: ${fresh.join(', ')}`,
        });
      }
      return verdict;
    };
  }

  function currentThresholds(): RiskThresholds | null {
    if (!rules || !settings) return null;
    return thresholdsFor(settings.sensitivity, rules.bundle.thresholds);
  }

  function stopScanner(): void {
    if (!scanner) return;
    scanner.stop();
    scanner = null;
    scheduleSummary();
  }

  function route(force = false): void {
    if (stopped) return;
    let href: string;
    try {
      href = deps.href();
    } catch {
      return;
    }
    if (!force && href === lastUrl) return;
    lastUrl = href;
    if (!settings || !rules) return;
    const adapter = pickAdapter(deps.adapters, href);
    const wanted =
      adapter && !settings.disabledSites.includes(adapter.id) && !pageAllowlisted(settings, href, adapter.id)
        ? adapter
        : null;
    if (scanner && wanted && scanner.adapter === wanted) {
      // Same site after an SPA navigation: the new view's posts arrive through mutations; a rescan
      // covers sites that swap text into existing nodes without structural changes.
      scanner.rescan();
      return;
    }
    stopScanner();
    if (!wanted) return;
    const current = settings;
    scanner = createScanner({
      adapter: wanted,
      analyze: analyzerFor(wanted),
      mount: (host, post, verdict) => {
        const view = deps.mountWarning(host, inputFor(post, verdict, wanted.id));
        return {
          update: (p, v) => view.update(inputFor(p, v, wanted.id)),
          destroy: () => view.destroy(),
        };
      },
      shows: (verdict) => showsVerdict(settings ?? current, verdict),
      isAllowed: (post) => postAllowlisted(settings ?? current, post, wanted.id),
      onFindingsChanged: scheduleSummary,
      onMutations: onMutationBatch,
      log: deps.log,
    });
    scanner.setThresholds(currentThresholds());
    scanner.start();
  }

  function onMutationBatch(): void {
    if (!deps.alive()) {
      stop();
      return;
    }
    route();
  }

  function scheduleSummary(): void {
    if (stopped || summaryTimer !== null) return;
    summaryTimer = setTimeout(sendSummary, deps.summaryDelayMs ?? 400);
  }

  function findingsPayload() {
    const found = scanner?.findings() ?? [];
    // The background keeps at most 100 per frame; the highest risks come first.
    return {
      flagged: found.length,
      posts: summarize(found.slice(0, 100), scanner?.adapter.id ?? ''),
      site: scanner?.adapter.id ?? null,
    };
  }

  function sendSummary(): void {
    summaryTimer = null;
    if (stopped) return;
    const payload = findingsPayload();
    const key = JSON.stringify(payload);
    if (key === lastSummary) return;
    lastSummary = key;
    post({ type: 'verdicts/summary', ...payload });
  }

  function post(message: ContentToBackground): void {
    try {
      deps.send(message).catch((error: unknown) => {
        if (isInvalidated(error) || !deps.alive()) stop();
        // Otherwise nobody was listening (background asleep or not interested): nothing to do.
      });
    } catch (error) {
      if (isInvalidated(error) || !deps.alive()) stop();
    }
  }

  function applySettings(next: Settings): void {
    const prev = settings;
    settings = next;
    if (!prev || stopped) return;
    const siteChanged =
      prev.disabledSites.join('\u0000') !== next.disabledSites.join('\u0000') ||
      JSON.stringify(prev.allowlist.filter((e) => e.kind === 'page')) !==
        JSON.stringify(next.allowlist.filter((e) => e.kind === 'page'));
    if (siteChanged) {
      route(true);
      if (!scanner) return;
    }
    if (!scanner) return;
    if (prev.language !== next.language) {
      // Verdict messages are produced in the UI language, so they need the engine again.
      scanner.setAnalyzer(analyzerFor(scanner.adapter));
    }
    if (prev.sensitivity !== next.sensitivity) scanner.setThresholds(currentThresholds());
    if (
      prev.lowRiskHints !== next.lowRiskHints ||
      prev.country !== next.country ||
      JSON.stringify(prev.allowlist) !== JSON.stringify(next.allowlist)
    ) {
      scanner.refresh(prev.country !== next.country);
    }
  }

  function applyRules(next: RulesLike): void {
    rules = next;
    if (stopped || !scanner) return;
    scanner.setThresholds(currentThresholds());
    scanner.setAnalyzer(analyzerFor(scanner.adapter));
  }

  function checkText(text: string): { risk: Verdict['risk'] } | undefined {
    if (!rules) return undefined;
    const site = scanner?.adapter.id ?? 'selection';
    const verdict = rules.engine.analyze(text, { url: deps.href(), site, uiLang: chosenLang() ?? undefined });
    const thresholds = currentThresholds();
    const shown = thresholds ? { ...verdict, risk: riskFor(verdict.score, thresholds) } : verdict;
    deps.openVerdictDialog(inputFor({ id: 'selection', text, links: [] }, shown, site));
    return { risk: shown.risk };
  }

  function scrollToPost(postId: string): boolean {
    const finding = scanner?.findings().find((f) => f.post.id === postId);
    if (!finding) return false;
    const host = finding.host;
    host.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const previous = host.style.outline;
    host.style.outline = '3px solid #e8710a';
    host.style.outlineOffset = '2px';
    if (!host.hasAttribute('tabindex')) host.setAttribute('tabindex', '-1');
    host.focus({ preventScroll: true });
    setTimeout(() => {
      host.style.outline = previous;
      host.style.outlineOffset = '';
    }, 2000);
    return true;
  }

  function onMessage(message: unknown): Promise<unknown> | undefined {
    if (stopped || typeof message !== 'object' || message === null) return undefined;
    const msg = message as { type?: string; postId?: string; text?: string };
    try {
      switch (msg.type) {
        case 'content/get-findings': {
          const payload = findingsPayload();
          // Every frame gets the request; only the top frame answers when it has nothing, so a frame
          // with findings is not drowned out by empty answers.
          if (payload.flagged === 0 && !deps.isTopFrame) return undefined;
          return Promise.resolve(payload);
        }
        case 'content/scroll-to-post':
          return typeof msg.postId === 'string' && scrollToPost(msg.postId) ? Promise.resolve(true) : undefined;
        case 'content/check-selection': {
          if (typeof msg.text !== 'string' || msg.text.trim() === '') return undefined;
          // The background addresses the frame the context menu was opened in (frameId), so this
          // frame answers even when the selection is not readable here (text inside an input).
          const result = checkText(msg.text);
          return result ? Promise.resolve(result) : undefined;
        }
        case 'content/check-page':
          if (!scanner) return undefined;
          scanner.rescan();
          return Promise.resolve(findingsPayload());
        default:
          return undefined;
      }
    } catch (error) {
      deps.log('[lokeraman] message handling failed', error);
      return undefined;
    }
  }

  function stop(): void {
    if (stopped) return;
    stopped = true;
    abort.abort();
    if (summaryTimer !== null) clearTimeout(summaryTimer);
    summaryTimer = null;
    try {
      scanner?.stop();
    } catch (error) {
      deps.log('[lokeraman] scanner stop failed', error);
    }
    scanner = null;
    for (const cleanup of cleanups.splice(0)) {
      try {
        cleanup();
      } catch {
        // Unsubscribing from a dead extension context throws; the listeners die with it anyway.
      }
    }
    if (deps.markPage) {
      try {
        delete deps.win.document.documentElement.dataset.lokeramanActive;
      } catch {
        // Document gone.
      }
    }
  }

  async function start(): Promise<void> {
    const { win } = deps;
    // No page-visible hand-over (a DOM event or attribute would let the page switch us off): a copy of this
    // script in the same world is stopped by index.ts through a symbol-keyed global the page cannot reach, and
    // a copy orphaned by an extension update stops itself within one liveness poll (its runtime id is gone).
    if (deps.markPage) win.document.documentElement.dataset.lokeramanActive = 'true';

    // Subscribe before reading: a change that lands while settings and rules load (the background's
    // install-time settings write, the user switching the site back on, a rule update) would
    // otherwise be missed, and the page would run on the stale value until the next change. Such a
    // change is at least as new as what the read returns, so it wins.
    let loaded = false;
    let changedSettings: Settings | null = null;
    let changedRules: RulesLike | null = null;
    cleanups.push(
      deps.onSettingsChanged((next) => {
        if (stopped) return;
        if (loaded) applySettings(next);
        else changedSettings = next;
      }),
    );
    cleanups.push(
      deps.onRulesChanged((next) => {
        if (stopped) return;
        if (loaded) applyRules(next);
        else changedRules = next;
      }),
    );

    const [loadedSettings, loadedRules] = await Promise.all([deps.loadSettings(), deps.getRules()]);
    if (stopped) return;
    settings = changedSettings ?? loadedSettings;
    rules = changedRules ?? loadedRules;
    loaded = true;

    cleanups.push(deps.onMessage(onMessage));

    const onNavigate = () => route();
    win.addEventListener('popstate', onNavigate, { signal: abort.signal });
    win.addEventListener('hashchange', onNavigate, { signal: abort.signal });
    const navigation = (win as unknown as { navigation?: EventTarget }).navigation;
    if (navigation && typeof navigation.addEventListener === 'function') {
      // Fires for the page's own history.pushState/replaceState calls too, which an isolated-world
      // patch of history.* would never see.
      navigation.addEventListener('currententrychange', onNavigate, { signal: abort.signal });
      navigation.addEventListener('navigatesuccess', onNavigate, { signal: abort.signal });
    }
    // Liveness poll (the extension can be disabled or updated at any moment) doubles as the URL check
    // for browsers without the Navigation API while no observer is running.
    const poll = setInterval(() => {
      if (!deps.alive()) stop();
      else route();
    }, deps.pollMs ?? 1000);
    cleanups.push(() => clearInterval(poll));

    route(true);
  }

  return {
    start: () =>
      start().catch((error) => {
        deps.log('[lokeraman] content start failed', error);
        if (!deps.alive()) stop();
      }),
    stop,
    get scanner() {
      return scanner;
    },
    get stopped() {
      return stopped;
    },
  };
}
