// Toolbar popup: this tab's findings (from the background's per-tab summary), the on/off switch for
// this site, "Check this page" where no adapter runs, and the paste-to-check box.
import { useEffect, useState } from 'preact/hooks';
import { siteForUrl } from '../../background/site-for-url';
import browser from '../../shared/browser';
import { t, type UiLang } from '../../shared/i18n';
import type { OnDemandResult, PageToBackground, TabFindings, ToContent } from '../../shared/messages';
import { setSiteEnabled } from '../../shared/settings-store';
import { adapterById } from '../../sites/index';
import { langOf, NoticeBanner, useDocumentLang, useSettings, useSettingsNotice } from './common';
import { TextCheck } from './TextCheck';
import type { Verdict } from '../../engine/types';
import { levelKey } from '../warning/badge-i18n';

interface ActiveTab {
  id: number;
  url: string | null;
}

/** `?tabId=` lets tests (and the options page) open the popup for a given tab; normally the active tab. */
async function activeTab(): Promise<ActiveTab | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return { id: fromQuery, url: null };
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
  } catch {
    return null;
  }
}

const request = <T,>(message: PageToBackground) => browser.runtime.sendMessage(message) as Promise<T>;

/** The same level names as the badge and the dialog: one name per level in each language. */
function riskLabel(risk: string, lang: UiLang): string {
  return t(levelKey(risk as Verdict['risk']), lang);
}

export function Popup() {
  const [settings] = useSettings();
  const lang = langOf(settings);
  useDocumentLang(lang, 'popup_title');
  const notice = useSettingsNotice();
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [findings, setFindings] = useState<TabFindings | null>(null);
  const [pageCheck, setPageCheck] = useState<OnDemandResult | 'running' | null>(null);

  useEffect(() => {
    void activeTab().then(async (found) => {
      setTab(found);
      if (!found) return;
      try {
        setFindings(await request<TabFindings>({ type: 'tab/findings', tabId: found.id }));
      } catch {
        setFindings(null);
      }
    });
  }, []);

  const siteId = findings?.site ?? siteForUrl(tab?.url ?? findings?.url)?.id ?? null;
  const site = siteId ? adapterById(siteId) : undefined;
  const siteOn = !!siteId && !!settings && !settings.disabledSites.includes(siteId);

  async function scrollTo(postId: string) {
    if (!tab) return;
    const message: ToContent = { type: 'content/scroll-to-post', postId };
    try {
      await browser.tabs.sendMessage(tab.id, message);
    } catch {
      // The page changed since the findings were taken; closing is still the right thing.
    }
    window.close();
  }

  async function checkPage() {
    if (!tab) return;
    setPageCheck('running');
    const result = await request<OnDemandResult>({ type: 'tab/check-page', tabId: tab.id }).catch(
      (): OnDemandResult => ({ ok: false, error: 'no-receiver' }),
    );
    setPageCheck(result);
    if (result.ok) window.close();
  }

  return (
    <main class="popup">
      <header>
        <h1>LokerAman</h1>
        <a
          href={browser.runtime.getURL('src/ui/options/index.html')}
          target="_blank"
          rel="noopener"
          class="settings-link"
        >
          {t('popup_open_options', lang)}
        </a>
      </header>
      <NoticeBanner notice={notice} lang={lang} />

      <section aria-labelledby="page-heading">
        <h2 id="page-heading">{t('popup_page_heading', lang)}</h2>
        {siteId ? (
          <>
            <label class="switch">
              <input
                type="checkbox"
                checked={siteOn}
                disabled={!settings}
                data-lokeraman-site-toggle={siteId}
                onChange={(event) => void setSiteEnabled(siteId, (event.currentTarget as HTMLInputElement).checked)}
              />
              <span>{t('popup_site_toggle', lang, site?.name ?? siteId)}</span>
            </label>
            {!siteOn && settings && <p class="muted">{t('popup_site_off', lang)}</p>}
          </>
        ) : (
          <>
            <p class="muted">{t('popup_unsupported', lang)}</p>
            <button type="button" onClick={checkPage} disabled={!tab || pageCheck === 'running'}>
              {t('popup_check_page', lang)}
            </button>
            {pageCheck && pageCheck !== 'running' && !pageCheck.ok && (
              <p class="error" role="alert">
                {t(pageCheck.error === 'no-access' ? 'popup_check_page_no_access' : 'popup_check_page_failed', lang)}
              </p>
            )}
          </>
        )}
        {findings && findings.flagged > 0 ? (
          <>
            <p>{t('popup_found', lang, findings.flagged)}</p>
            <ul class="findings" data-lokeraman-findings>
              {findings.posts.map((post) => (
                <li key={`${post.site}:${post.postId}`}>
                  <button type="button" class={`finding risk-${post.risk}`} onClick={() => scrollTo(post.postId)}>
                    <span class="finding-level">{riskLabel(post.risk, lang)}</span>
                    <span class="finding-excerpt">{post.excerpt}</span>
                    {post.reasons.length > 0 && (
                      <span class="finding-reasons">{post.reasons.slice(0, 3).join(' · ')}</span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          siteId && siteOn && <p class="muted">{t('popup_none_found', lang)}</p>
        )}
      </section>

      {settings && <TextCheck settings={settings} lang={lang} />}
    </main>
  );
}
