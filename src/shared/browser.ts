// Single import point for the WebExtension API, so tests can swap in a fake.
import browser from 'webextension-polyfill';

export default browser;
export type { Browser } from 'webextension-polyfill';
