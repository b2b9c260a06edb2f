// Signed rule updates in a real browser: a local server publishes a newly signed rule set, "check now"
// in options installs it, an open post that only the new rule flags gets a warning without reloading,
// then a tampered bundle is refused while the good one stays in use.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rule } from '../../src/engine/schema';
import type { UpdatePayload } from '../../src/shared/rule-update';
import { generateKeyPair, signPayload } from '../../src/shared/signing';
import { buildBundle } from '../../src/tooling/build';
import { assertChromiumInstalled, type ExtensionSession, launchWithExtension, ROOT, serveAt } from './harness';

const POST_TEXT =
  'Lowongan kerja: dicari staf gudang untuk cabang Zorblaxia. Gaji sesuai UMR, kirim CV lewat email kantor.';
const FEED = `<!doctype html><html><head><meta charset="utf-8"><title>Grup Loker</title></head><body>
<div role="feed"><div aria-posinset="1"><div data-ad-rendering-role="story_message"><div dir="auto">${POST_TEXT}</div></div></div></div>
</body></html>`;

const NEW_RULE: Rule = {
  id: 'test-zorblaxia-hub',
  kind: 'signal',
  family: 'test-update',
  weight: 90,
  title: { en: 'Zorblaxia (test rule)', id: 'Zorblaxia (aturan uji)' },
  message: { en: 'A rule that exists only in the test update.', id: 'Aturan yang hanya ada di pembaruan uji.' },
  languages: ['id', 'en'],
  match: [{ terms: ['zorblaxia'] }],
  references: [{ url: 'https://example.org/test-update', title: 'Test update' }],
  added: '2026-11-28',
  examples: {
    match: ['kerja di Zorblaxia', 'ZORBLAXIA job'],
    no_match: ['kerja di Bandung', 'job in Jakarta'],
  },
};

describe('signed rule updates in Chromium', () => {
  let session: ExtensionSession;
  let server: Server;
  let baseUrl = '';
  let distDir = '';
  const published: { payload: Uint8Array; signature: string; gzip: boolean; hugeSignature: boolean } = {
    payload: new Uint8Array(),
    signature: '',
    gzip: false,
    hugeSignature: false,
  };
  let signatureBytesSent = 0;
  let makePayload: (version: string) => Promise<{ payload: Uint8Array; signature: string }> = async () => {
    throw new Error('not ready');
  };
  const requests: string[] = [];

  beforeAll(async () => {
    assertChromiumInstalled();
    const key = await generateKeyPair();
    // A separate build that also trusts this throwaway test key; the shipped build never does.
    distDir = mkdtempSync(join(tmpdir(), 'lokeraman-updates-dist-'));
    const build = spawnSync('npx', ['--no-install', 'vite', 'build', '--logLevel', 'error'], {
      cwd: ROOT,
      env: {
        ...process.env,
        LOKERAMAN_TARGET: 'chrome',
        LOKERAMAN_OUT_DIR: distDir,
        LOKERAMAN_TEST_BUILD: '1',
        LOKERAMAN_EXTRA_TRUSTED_KEYS: JSON.stringify([{ kid: key.kid, publicKey: key.publicKey, owner: 'e2e' }]),
      },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);

    const base = buildBundle({ out: null, redos: false });
    expect(base.ok, base.errors.map((error) => error.message).join('\n')).toBe(true);
    const bundledVersion = base.bundle?.version ?? '0';
    const families = structuredClone(base.load.families!);
    families.families['test-update'] = { cap: 90, description: { en: 'Test update', id: 'Pembaruan uji' } };
    const payload: UpdatePayload = {
      meta: {
        format: 1,
        version: `${bundledVersion}.9`,
        created: new Date().toISOString(),
        min_engine_version: '1.0.0',
      },
      rules: [...base.load.rules.map((loaded) => loaded.rule), NEW_RULE],
      vocabs: base.load.vocabs.map((loaded) => loaded.vocab),
      families,
    };
    makePayload = async (version: string) => {
      const bytes = new TextEncoder().encode(JSON.stringify({ ...payload, meta: { ...payload.meta, version } }));
      return { payload: bytes, signature: JSON.stringify(await signPayload(bytes, key.privateKey, key.kid)) };
    };
    published.payload = new TextEncoder().encode(JSON.stringify(payload));
    published.signature = JSON.stringify(
      await signPayload(published.payload as Uint8Array<ArrayBuffer>, key.privateKey, key.kid),
    );

    server = createServer((request, response) => {
      requests.push(
        `${request.method} ${request.url} cookie=${request.headers.cookie ?? ''} referer=${request.headers.referer ?? ''}`,
      );
      const headers = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
      if (request.url === '/rules-update.json' && published.gzip) {
        // As most static hosts serve JSON: gzipped, Content-Length the compressed size.
        const body = gzipSync(Buffer.from(published.payload));
        response.writeHead(200, {
          ...headers,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': body.length,
        });
        response.end(body);
      } else if (request.url === '/rules-update.json') {
        response.writeHead(200, { ...headers, 'content-type': 'application/json' });
        response.end(Buffer.from(published.payload));
      } else if (request.url === '/rules-update.json.sig' && published.hugeSignature) {
        // A hostile mirror's 400 MB "signature", written only as fast as the client reads it.
        const total = 400 * 1024 * 1024;
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        signatureBytesSent = 0;
        response.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': total });
        const pump = () => {
          while (signatureBytesSent < total && !response.destroyed) {
            signatureBytesSent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('close', () => undefined);
        pump();
      } else if (request.url === '/rules-update.json.sig') {
        response.writeHead(200, { ...headers, 'content-type': 'application/json' });
        response.end(published.signature);
      } else {
        response.writeHead(404, headers);
        response.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    session = await launchWithExtension({ distDir });
    await serveAt(session.context, 'https://www.facebook.com/**', FEED);
  });

  afterAll(async () => {
    await session?.close();
    server?.close();
    if (distDir) rmSync(distDir, { recursive: true, force: true });
  });

  const riskOf = (page: Page) =>
    page.evaluate(() => document.querySelector('[data-lokeraman-risk]')?.getAttribute('data-lokeraman-risk') ?? null);

  async function checkNow(options: Page): Promise<string | null> {
    await options.click('[data-testid="rules-check-now"]');
    // Compiling the update and running every rule's examples takes a moment on a slow machine.
    await expect.poll(() => options.isEnabled('[data-testid="rules-check-now"]'), { timeout: 30_000 }).toBe(true);
    await options.waitForSelector('[data-testid="rules-last-result"]');
    return options.getAttribute('[data-testid="rules-last-result"]', 'data-result');
  }

  it('installs a newly signed bundle and flags an open post without reloading', async () => {
    const feed = await session.context.newPage();
    await feed.goto('https://www.facebook.com/groups/lokerzorblaxia/');
    await expect.poll(() => feed.evaluate(() => document.documentElement.dataset.lokeramanActive)).toBe('true');
    await feed.waitForTimeout(500);
    expect(await riskOf(feed)).toBeNull();

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    await options.fill('#rules-url', `${baseUrl}/rules-update.json`);
    await options.click('form:has(#rules-url) button[type="submit"]');
    expect(await checkNow(options)).toBe('installed');
    expect(await options.textContent('[data-testid="rules-version"]')).toContain('.9');

    await expect.poll(() => riskOf(feed), { timeout: 10_000 }).toMatch(/^(medium|high)$/);
    // The only traffic was the update and its signature, with no cookies and no referrer.
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const line of requests) expect(line).toMatch(/^GET \/rules-update\.json(\.sig)? cookie= referer=$/);
    await options.close();
    await feed.close();
  });

  it('refuses a tampered bundle and keeps the good one in use', async () => {
    const good = published.payload;
    const tampered = new TextEncoder().encode(new TextDecoder().decode(good).replace('"weight":90', '"weight":10'));
    expect(tampered).not.toEqual(good);
    published.payload = tampered;

    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    expect(await checkNow(options)).toBe('bad-signature');
    expect(await options.textContent('[data-testid="rules-version"]')).toContain('.9');

    const feed = await session.context.newPage();
    await feed.goto('https://www.facebook.com/groups/lokerzorblaxia/');
    await expect.poll(() => riskOf(feed), { timeout: 10_000 }).toMatch(/^(medium|high)$/);
    await options.close();
    await feed.close();
  });

  it('installs a gzip-served signed bundle (Content-Length is the compressed size; the signature decides)', async () => {
    const bundledVersion = (await checkVersion()).split(' ')[0] as string;
    const next = await makePayload(bundledVersion.replace(/\.9$/, '.10'));
    Object.assign(published, next, { gzip: true });
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    expect(await checkNow(options)).toBe('installed');
    expect(await options.textContent('[data-testid="rules-version"]')).toContain('.10');
    await options.close();
    published.gzip = false;
  });

  it('refuses a 400 MB .sig after reading a few KB of it', async () => {
    const next = await makePayload((await checkVersion()).split(' ')[0]?.replace(/\.10$/, '.11') ?? '');
    Object.assign(published, { payload: next.payload, hugeSignature: true });
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    expect(await checkNow(options)).toBe('malformed-signature');
    // The raw error is kept in an attribute; the visible text is the translated reason.
    expect(await options.getAttribute('[data-testid="rules-last-result"]', 'data-detail')).toContain('4096');
    expect(await options.textContent('[data-testid="rules-version"]')).toContain('.10');
    // The reader stopped: the server wrote what socket buffers hold, nowhere near 400 MB.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(signatureBytesSent).toBeLessThan(32 * 1024 * 1024);
    await options.close();
    published.hugeSignature = false;
  });

  async function checkVersion(): Promise<string> {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/src/ui/options/index.html`);
    // The label renders before the background answers; wait for the version itself, not just the element
    // (on a loaded machine an early read returned no version and the next payload was refused as invalid).
    await options.waitForFunction(() =>
      /\d+\.\d+/.test(document.querySelector('[data-testid="rules-version"]')?.textContent ?? ''),
    );
    const text = (await options.textContent('[data-testid="rules-version"]')) ?? '';
    await options.close();
    // Just the version ("0.1.0+20261204.1846.9"), whatever label the page puts after it.
    return /\d+(?:[.+-]\d+)*/.exec(text)?.[0] ?? '';
  }
});
