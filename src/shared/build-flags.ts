// Compile-time switches (vite.config.ts `define`). Unit tests run without them, so each falls back to the
// shipped behaviour when its constant is absent.

declare const __LOKERAMAN_TEST_BUILD__: boolean | undefined;

/**
 * True only in the browser-test build (`dist/test/*`, LOKERAMAN_TEST_BUILD=1): open shadow roots the tests can
 * look into, a readiness marker on <html>, the service worker's test hook. The shipped builds (`dist/chrome`,
 * `dist/firefox`, the store zips) have none of these; the hostile-page suite runs against them.
 */
export const TEST_BUILD: boolean = typeof __LOKERAMAN_TEST_BUILD__ === 'boolean' && __LOKERAMAN_TEST_BUILD__;

/**
 * Keys for state shared by copies of our scripts in one extension world. Symbols, not strings: a page element
 * with a matching id or name would show up under a string key (DOM clobbering), never under a symbol.
 */
export const CONTENT_KEY: unique symbol = Symbol.for('lokeraman.content');
export const ON_DEMAND_KEY: unique symbol = Symbol.for('lokeraman.on-demand');
