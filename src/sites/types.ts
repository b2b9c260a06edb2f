// Contract between site adapters (src/sites/<id>/) and the content-script scanner (src/content/).
// Adapters only read the DOM; they never modify it and never call the engine.

export interface ExtractedPost {
  /** Stable id for the post on this site (permalink id, data-* id, or a hash of site + text as last resort). */
  id: string;
  /** Full visible text of the post body (caption / message / job description), whitespace-collapsed. */
  text: string;
  /** Absolute URLs found in the post, with redirect wrappers (l.facebook.com/l.php?u=…, t.co stays) resolved. */
  links: string[];
  author?: string;
  /** Permalink of the post when visible. */
  url?: string;
  /** True when the site shows truncated text ("See more" / "Lihat selengkapnya") and the full text is not in the DOM. */
  partial?: boolean;
}

export interface SiteAdapter {
  /** Folder name, kebab-case: 'facebook', 'telegram-web', … */
  id: string;
  /** Human name for the README table and the popup. */
  name: string;
  /** Manifest match patterns this adapter owns (must also be in manifest.json content_scripts). */
  matches: string[];
  /** Optional finer URL test on top of `matches` (e.g. t.me only under /s/). */
  isPostPage?(url: URL): boolean;
  /** URLs this adapter must claim; checked by test/sites.test.ts against every other adapter. */
  sampleUrls: string[];
  /** URLs on the same hosts this adapter must NOT claim. */
  notUrls: string[];
  /** 'real' when tested against saved real markup from ../shared/site-snapshots; 'documented' when the fixture was built from the site's public structure. */
  fixtureSource: 'real' | 'documented';
  /** Post containers inside `root` (root itself included when it is one). Never throws. */
  findPosts(root: ParentNode): Element[];
  /** Text + metadata of one container, or null when it is not a post (ads shell, empty). Never throws. */
  extract(post: Element): ExtractedPost | null;
  /**
   * Where the warning goes: inside the post's card, above the text it is about, so on a phone it can
   * only be read as belonging to this post. Null when the adapter cannot tell (the scanner then puts
   * it first inside the post container). Never throws.
   */
  badgeSlot(post: Element): BadgeSlot | null;
}

/** A place for the warning host inside a post's card. */
export interface BadgeSlot {
  /** The box a reader sees as "this post" (the post container, or the panel around a bare text body). */
  card: Element;
  /** The host goes right before this element (the message text or the card's first row); null: first in `card`. */
  before: Element | null;
}
