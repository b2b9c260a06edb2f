// OLX Indonesia (www.olx.co.id), the Panamera web app shared by OLX sites. No saved snapshot: every
// selector is OLX's own test hook (data-aut-id), as used by public OLX scrapers; class names on OLX
// are short hashes (_2Ks63, rui-2Pidb) and are not used.

/** Listing card on category/search pages: `li[data-aut-id="itemBox"]` with a link to /item/…-iid-<id>. */
export const CARD = ['li[data-aut-id="itemBox"]', '[data-aut-id="itemBox"]'];
export const CARD_LINK = ['a[href*="/item/"][href*="iid-"]', 'a[href*="-iid-"]'];
export const CARD_TITLE = ['[data-aut-id="itemTitle"]'];
export const CARD_PRICE = ['[data-aut-id="itemPrice"]'];
export const CARD_DETAILS = ['[data-aut-id="itemDetails"]'];
export const CARD_LOCATION = ['[data-aut-id="item-location"]'];

/** Item page body: `div[data-aut-id="itemDescriptionContent"]` (paragraphs). */
export const ITEM_BODY = ['[data-aut-id="itemDescriptionContent"]'];
export const ITEM_TITLE = ['h1[data-aut-id="itemTitle"]', '[data-aut-id="itemTitle"]'];
export const ITEM_PRICE = ['[data-aut-id="itemPrice"]'];
export const ITEM_LOCATION = ['[data-aut-id="itemLocation"]'];
