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
  /** Element after which the warning host is inserted; defaults to the post container itself. */
  anchor?(post: Element): Element;
}
