import browser from '../shared/browser';

// Placeholder wiring; replaced by the background module of the popup/options work.
browser.runtime.onInstalled.addListener(() => {
  console.debug('LokerAman installed');
});
