// Maintainer side of signed rule updates: key generation and `rules build --sign KEYFILE`.
// The payload is the validated source rule set (see src/shared/rule-update.ts for why).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENGINE_VERSION } from '../engine/index';
import type { UpdatePayload } from '../shared/rule-update';
import { generateKeyPair, signPayload, type TrustedKey } from '../shared/signing';
import { buildBundle } from './build';
import { formatError, type RuleError } from './load';

export interface KeyFile {
  kid: string;
  publicKey: string;
  privateKey: string;
  created: string;
}

/** Writes a new key pair to `path` (mode 600) and returns the public entry for release.config.json `trustedKeys`. */
export async function generateKeyFile(path: string, owner: string): Promise<TrustedKey> {
  if (existsSync(path)) throw new Error(`${path} already exists; refusing to overwrite a key`);
  const pair = await generateKeyPair();
  const file: KeyFile = { ...pair, created: new Date().toISOString() };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return { kid: pair.kid, publicKey: pair.publicKey, owner };
}

export function readKeyFile(path: string): KeyFile {
  return parseKeyFile(readFileSync(path, 'utf8'), path);
}

/** A key file's JSON as a string (e.g. a CI secret in an environment variable), checked like readKeyFile. */
export function parseKeyFile(text: string, source: string): KeyFile {
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw new Error(`${source} is not JSON (expected the content of a key file from \`lokeraman keys generate\`)`);
  }
  if (!parsed?.kid || !parsed.privateKey || !parsed.publicKey) {
    throw new Error(`${source} is not a LokerAman key file (needs kid, publicKey, privateKey)`);
  }
  return parsed as KeyFile;
}

export interface SignedUpdateOptions {
  rulesDir?: string;
  /** Path of the key file, or the key itself (already read from a secret). */
  keyFile: string | KeyFile;
  outDir: string;
  version?: string;
  /** Days until the bundle is considered stale (a hint for maintainers; rules keep working). */
  expiresInDays?: number;
  now?: Date;
}

export interface SignedUpdateResult {
  ok: boolean;
  errors: RuleError[];
  payloadFile?: string;
  signatureFile?: string;
  version?: string;
  bytes?: number;
}

export async function writeSignedUpdate(options: SignedUpdateOptions): Promise<SignedUpdateResult> {
  const key = typeof options.keyFile === 'string' ? readKeyFile(options.keyFile) : options.keyFile;
  const built = buildBundle({ rulesDir: options.rulesDir, out: null, version: options.version });
  if (!built.ok || !built.bundle || !built.load.families) return { ok: false, errors: built.errors };
  const now = options.now ?? new Date();
  const expires = new Date(now.getTime() + (options.expiresInDays ?? 30) * 86_400_000);
  const payload: UpdatePayload = {
    meta: {
      format: 1,
      version: built.bundle.version,
      created: now.toISOString(),
      min_engine_version: ENGINE_VERSION,
      expires: expires.toISOString().slice(0, 10),
    },
    rules: built.load.rules.map((loaded) => loaded.rule),
    vocabs: built.load.vocabs.map((loaded) => loaded.vocab),
    families: built.load.families,
  };
  const bytes = new TextEncoder().encode(`${JSON.stringify(payload)}\n`);
  const signature = await signPayload(bytes, key.privateKey, key.kid);
  mkdirSync(options.outDir, { recursive: true });
  const payloadFile = join(options.outDir, 'rules-update.json');
  const signatureFile = `${payloadFile}.sig`;
  writeFileSync(payloadFile, bytes);
  writeFileSync(signatureFile, `${JSON.stringify(signature)}\n`);
  return { ok: true, errors: [], payloadFile, signatureFile, version: payload.meta.version, bytes: bytes.byteLength };
}

export { formatError };
