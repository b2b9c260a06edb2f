// OLX Indonesia: job ads ("Lowongan") on item pages and as cards on category/search pages.
// Built from OLX's documented data-aut-id hooks; no saved OLX page exists (fixtureSource 'documented').
// Searched again 2026-12 (public repositories, scraper fixtures, stored pages): no saved olx.co.id page found; only
// other people's selector lists, which match the hooks used here but are not markup.
import {
  absoluteLinks,
  collapseText,
  hashId,
  isTruncated,
  matchesAny,
  queryAllFallback,
  queryFirstFallback,
  slotAboveHeading,
  slotBefore,
  textLines,
} from '../shared';
import type { BadgeSlot, ExtractedPost, SiteAdapter } from '../types';
import {
  CARD,
  CARD_DETAILS,
  CARD_LINK,
  CARD_LOCATION,
  CARD_PRICE,
  CARD_TITLE,
  ITEM_BODY,
  ITEM_LOCATION,
  ITEM_PRICE,
  ITEM_TITLE,
} from './selectors';

const SITE = 'olx';
const IID = /-iid-(\d+)/;

// Item pages (/item/<slug>-iid-<n>), category pages (/<name>_c<n>, optionally under a location
// /<place>_g<n>/…), and searches (/items/q-…). Account, chat and posting pages are skipped.
function isPostPage(url: URL): boolean {
  return /^\/(?:item\/[^/]*-iid-\d+|items\/|(?:[^/]+_g\d+\/)?[^/]+_c\d+)/.test(url.pathname);
}

function extractCard(card: Element): ExtractedPost | null {
  const link = queryFirstFallback(card, CARD_LINK);
  const iid = IID.exec(link?.getAttribute('href') ?? '')?.[1];
  const title = collapseText(queryFirstFallback(card, CARD_TITLE));
  if (!iid || !title) return null;
  const text = textLines(
    title,
    collapseText(queryFirstFallback(card, CARD_PRICE)),
    collapseText(queryFirstFallback(card, CARD_DETAILS)),
    collapseText(queryFirstFallback(card, CARD_LOCATION)),
  );
  const result: ExtractedPost = { id: iid, text, links: [], partial: false };
  const url = absoluteLinks(link)[0];
  if (url) result.url = url;
  return result;
}

function extractItem(body: Element): ExtractedPost | null {
  const description = collapseText(body);
  if (!description) return null;
  const doc = body.ownerDocument;
  const text = textLines(
    collapseText(queryFirstFallback(doc, ITEM_TITLE)),
    collapseText(queryFirstFallback(doc, ITEM_PRICE)),
    collapseText(queryFirstFallback(doc, ITEM_LOCATION)),
    description,
  );
  let iid: string | undefined;
  try {
    iid = IID.exec(doc?.location?.pathname ?? '')?.[1];
  } catch {
    iid = undefined;
  }
  const result: ExtractedPost = {
    id: iid ?? hashId(SITE, text),
    text,
    links: absoluteLinks(body),
    partial: isTruncated(body.parentElement ?? body),
  };
  if (iid) result.url = doc?.location?.href;
  return result;
}

/** Cards: above the title. Item page: above the page's item title. */
function badgeSlot(post: Element): BadgeSlot | null {
  try {
    if (matchesAny(post, ITEM_BODY)) return slotAboveHeading(queryFirstFallback(post.ownerDocument, ITEM_TITLE), post);
    return slotBefore(post, CARD_TITLE);
  } catch {
    return null;
  }
}

const adapter: SiteAdapter = {
  id: SITE,
  name: 'OLX Indonesia',
  matches: ['https://www.olx.co.id/*'],
  isPostPage,
  sampleUrls: [
    'https://www.olx.co.id/item/dibutuhkan-cs-online-luar-negeri-gaji-18-juta-iid-900000004',
    'https://www.olx.co.id/lowongan_c4565',
    'https://www.olx.co.id/jakarta-dki_g2000007/lowongan_c4565',
    'https://www.olx.co.id/items/q-lowongan-admin',
  ],
  notUrls: [
    'https://www.olx.co.id/',
    'https://www.olx.co.id/myads',
    'https://www.olx.co.id/chat',
    'https://www.olx.co.id/post',
    'https://www.olx.in/item/admin-iid-900000004',
  ],
  fixtureSource: 'documented',
  badgeSlot,
  findPosts(root) {
    try {
      return [...queryAllFallback(root, CARD), ...queryAllFallback(root, ITEM_BODY)];
    } catch {
      return [];
    }
  },
  extract(post) {
    try {
      return matchesAny(post, ITEM_BODY) ? extractItem(post) : extractCard(post);
    } catch {
      return null;
    }
  },
};

export default adapter;

// Test URLs:
// https://www.olx.co.id/lowongan_c4565                                   (job category list)
// https://www.olx.co.id/item/<slug>-iid-<id>                              (a job ad)
// https://www.olx.co.id/items/q-lowongan-admin                           (search)
