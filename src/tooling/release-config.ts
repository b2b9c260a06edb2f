// The release configuration (release.config.json): every endpoint, key and listing value a shipped build
// points at, in one schema-checked file. A development build accepts placeholders; a release does not.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod/mini';
import { keyIdFor } from '../shared/signing';

z.config({ jitless: true });

export const RELEASE_CONFIG_FILE = resolve(import.meta.dirname, '..', '..', 'release.config.json');

/** A value nobody has vouched for yet. Greppable, and impossible to mistake for a real URL or address. */
export const PLACEHOLDER_PREFIX = 'PLACEHOLDER';

const text = z.string().check(z.minLength(1), z.maxLength(2000));
const httpsUrl = z.string().check(z.regex(/^https:\/\/[^\s/]+\/\S*$/, 'must be an https:// URL'));
const valueOrPlaceholder = <T extends z.ZodMiniType>(schema: T) =>
  z.union([schema, z.string().check(z.startsWith(PLACEHOLDER_PREFIX))]);

export const ReleaseKeySchema = z.strictObject({
  /** First 8 bytes of SHA-256 over the raw public key, hex (src/shared/signing.ts keyIdFor). */
  kid: z.string().check(z.regex(/^[0-9a-f]{16}$/, 'must be 16 hex digits')),
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: z.string().check(z.regex(/^[A-Za-z0-9+/]{43}=$/, 'must be a base64 32-byte Ed25519 key')),
  /** Who holds the private half (a named maintainer or role). */
  owner: text,
  /** Where the private half is kept (e.g. the RULES_SIGNING_KEY secret of the repository). */
  custody: text,
  /** A revoked key ships in no build; kept here so its id is never reused and the history stays readable. */
  revoked: z.optional(z.strictObject({ date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)), reason: text })),
});
export type ReleaseKey = z.infer<typeof ReleaseKeySchema>;

export const ReleaseConfigSchema = z.strictObject({
  $comment: z.optional(z.string()),
  rulesUpdate: z.strictObject({
    /** null: this build never downloads rule updates (development builds may do that). */
    url: z.nullable(valueOrPlaceholder(httpsUrl)),
    owner: text,
  }),
  feedback: z.strictObject({
    email: valueOrPlaceholder(z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address'))),
    issueUrl: valueOrPlaceholder(httpsUrl),
    owner: text,
  }),
  trustedKeys: z.array(ReleaseKeySchema),
  listing: z.strictObject({
    name: text,
    geckoId: z.string().check(z.regex(/^[A-Za-z0-9._-]+@[A-Za-z0-9._-]+$/, 'must look like name@domain')),
    homepage: valueOrPlaceholder(httpsUrl),
    supportEmail: valueOrPlaceholder(z.string().check(z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/))),
    privacyPolicyUrl: valueOrPlaceholder(httpsUrl),
    publisher: text,
  }),
});
export type ReleaseConfig = z.infer<typeof ReleaseConfigSchema>;

export interface ReleaseProblem {
  /** JSON path in the file, e.g. `trustedKeys[0].custody`. */
  path: string;
  message: string;
}

export type LoadedReleaseConfig =
  | { ok: true; config: ReleaseConfig; file: string }
  | { ok: false; problems: ReleaseProblem[]; file: string };

/** Reads and schema-checks the file. Schema problems are reported for development builds too. */
export function loadReleaseConfig(file = RELEASE_CONFIG_FILE): LoadedReleaseConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { ok: false, file, problems: [{ path: '', message: `cannot read: ${(error as Error).message}` }] };
  }
  const parsed = z.safeParse(ReleaseConfigSchema, json);
  if (!parsed.success) {
    return {
      ok: false,
      file,
      problems: parsed.error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message })),
    };
  }
  return { ok: true, config: parsed.data, file };
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

/** Every string in the config that is still a placeholder, with its path. */
function placeholders(value: unknown, path: string, out: ReleaseProblem[]): void {
  if (typeof value === 'string') {
    if (value.startsWith(PLACEHOLDER_PREFIX)) out.push({ path, message: value });
  } else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) placeholders(item, `${path}[${i}]`, out);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key !== '$comment') placeholders(item, path ? `${path}.${key}` : key, out);
    }
  }
}

/**
 * What stands between this configuration and a release: placeholders, keys without a documented
 * owner and custody, key ids that do not belong to their public key, and a release without updates
 * or without a key to verify them. Empty means releasable.
 */
export async function releaseProblems(config: ReleaseConfig): Promise<ReleaseProblem[]> {
  const problems: ReleaseProblem[] = [];
  placeholders(config, '', problems);
  if (config.rulesUpdate.url === null) {
    problems.push({ path: 'rulesUpdate.url', message: 'a release must name the rules URL (null turns updates off)' });
  }
  const active = config.trustedKeys.filter((key) => !key.revoked);
  if (active.length === 0) {
    problems.push({ path: 'trustedKeys', message: 'no active (unrevoked) key: no rule update could ever be verified' });
  }
  const seen = new Set<string>();
  for (const [i, key] of config.trustedKeys.entries()) {
    if (seen.has(key.kid))
      problems.push({ path: `trustedKeys[${i}].kid`, message: `key id ${key.kid} is listed twice` });
    seen.add(key.kid);
    const expected = await keyIdFor(base64Bytes(key.publicKey));
    if (expected !== key.kid) {
      problems.push({
        path: `trustedKeys[${i}].kid`,
        message: `${key.kid} is not the id of this public key (${expected})`,
      });
    }
  }
  return problems;
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

export function formatProblems(file: string, problems: readonly ReleaseProblem[]): string {
  return problems.map((p) => `${file}: ${p.path || '(file)'}: ${p.message}`).join('\n');
}

/** What the extension reads at run time (src/shared/release.ts): placeholders become '', revoked keys go. */
export function runtimeRelease(config: ReleaseConfig): {
  rulesUrl: { url: string };
  runtime: {
    trustedKeys: { kid: string; publicKey: string; owner: string }[];
    feedbackEmail: string;
    issueUrl: string;
  };
} {
  const usable = (value: string | null) => (value === null || value.startsWith(PLACEHOLDER_PREFIX) ? '' : value);
  return {
    rulesUrl: { url: usable(config.rulesUpdate.url) },
    runtime: {
      trustedKeys: config.trustedKeys
        .filter((key) => !key.revoked)
        .map(({ kid, publicKey, owner }) => ({ kid, publicKey, owner })),
      feedbackEmail: usable(config.feedback.email),
      issueUrl: usable(config.feedback.issueUrl),
    },
  };
}

export const RUNTIME_DIR = resolve(import.meta.dirname, '..', 'generated');

/**
 * Writes src/generated/release.rules-url.json and release.runtime.json (what the extension reads) and
 * release.manifest.json (what vite.config.ts puts in the manifest, and whether this configuration is
 * releasable, so a release build can refuse a second time). The build's first step.
 */
export function writeRuntimeRelease(
  config: ReleaseConfig,
  problems: readonly ReleaseProblem[],
  dir = RUNTIME_DIR,
): string[] {
  const { rulesUrl, runtime } = runtimeRelease(config);
  const usable = (value: string) => (value.startsWith(PLACEHOLDER_PREFIX) ? '' : value);
  const manifest = {
    geckoId: config.listing.geckoId,
    homepage: usable(config.listing.homepage),
    releasable: problems.length === 0,
  };
  mkdirSync(dir, { recursive: true });
  const files = ['release.rules-url.json', 'release.runtime.json', 'release.manifest.json'].map((name) =>
    join(dir, name),
  );
  writeFileSync(files[0], `${JSON.stringify(rulesUrl, null, 2)}\n`);
  writeFileSync(files[1], `${JSON.stringify(runtime, null, 2)}\n`);
  writeFileSync(files[2], `${JSON.stringify(manifest, null, 2)}\n`);
  return files;
}
