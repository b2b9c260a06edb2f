// Runs at document_start on the supported sites, before the page has any markup, and reads `chrome` and
// `browser` once. Chromium defines them on an extension world's global lazily, on first use: when that first
// use comes after the page has parsed <form id="chrome"> or <form id="browser">, the name resolves to the page's
// element (DOM clobbering) and the API is out of reach for the rest of the page's life (the content script
// proper runs at document_idle). Read here, they become own properties of the global, which page markup cannot
// shadow. The result is kept under a symbol so no minifier drops the reads.
const scope = globalThis as unknown as Record<PropertyKey, unknown>;
scope[Symbol.for('lokeraman.api-pinned')] = [typeof scope.chrome, typeof scope.browser];
