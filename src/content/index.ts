// Marks the document so end-to-end tests can see the content script ran on a supported page.
document.documentElement.dataset.lokeramanActive = 'true';
