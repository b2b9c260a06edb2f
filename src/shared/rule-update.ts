// Decides whether a downloaded rule update may replace the rules in use. Pure: no browser APIs, so
// every rejection path is unit-tested in Node. The background does the fetching and storing.
//
// An update is the *source* rule set (validated rule objects, vocabularies, families) plus metadata,
// not the compiled bundle: the browser compiles it and runs every rule's inline examples before
// trusting it, so a rule that compiles but misbehaves is caught on the user's machine too.
import * as z from 'zod/mini';
import { FamiliesSchema, RuleSchema, VocabSchema } from '../engine/schema';
import { checkRegexSafety, regexPatternsIn } from './regex-safety';
import { type DetachedSignature, type TrustedKey, verifyPayload } from './signing';
import { compareVersions } from './versions';

export { compareVersions };

z.config({ jitless: true });

/** Larger than any plausible rule set (the whole set is ~100 KB); a cap against memory abuse. */
export const MAX_UPDATE_BYTES = 1_500_000;
/** A detached Ed25519 signature file is ~150 bytes; anything past this is not one. */
export const MAX_SIGNATURE_BYTES = 4096;

export const UpdateMetaSchema = z.strictObject({
  format: z.literal(1),
  version: z.string().check(z.regex(/^\d+(?:[.+-]\d+)*$/)),
  created: z.string(),
  /** Lowest ENGINE_VERSION that understands these rules. */
  min_engine_version: z.string().check(z.regex(/^\d+(?:\.\d+)*$/)),
  /**
   * After this moment the bundle is refused (on install) and dropped (when read from storage), with a notice on
   * the options page: a stale set, or an old signed set replayed by a mirror, does not outlive its date.
   */
  expires: z.optional(z.string()),
});
export type UpdateMeta = z.infer<typeof UpdateMetaSchema>;

export const UpdatePayloadSchema = z.strictObject({
  meta: UpdateMetaSchema,
  rules: z.array(RuleSchema).check(z.minLength(1)),
  vocabs: z.array(VocabSchema),
  families: FamiliesSchema,
});
export type UpdatePayload = z.infer<typeof UpdatePayloadSchema>;

export const SignatureSchema = z.strictObject({
  alg: z.literal('Ed25519'),
  kid: z.string().check(z.minLength(1)),
  sig: z.string().check(z.minLength(1)),
});

export type RejectReason =
  | 'too-large'
  | 'truncated'
  | 'missing-signature'
  | 'malformed-signature'
  | 'unknown-key'
  | 'bad-signature'
  | 'malformed-json'
  | 'schema-invalid'
  | 'not-newer'
  | 'incompatible-engine'
  | 'compile-failed'
  | 'examples-failed'
  | 'unsafe-regex'
  | 'expired';

export type UpdateDecision<Bundle> =
  | { ok: true; meta: UpdateMeta; bundle: Bundle }
  | { ok: false; reason: RejectReason; detail: string };

/**
 * What was downloaded. There is deliberately no Content-Length here: a host that gzips JSON announces the
 * compressed length while fetch hands over the decoded bytes, and integrity comes from the signature anyway
 * (a truncated or altered payload fails verification).
 */
export interface DownloadedUpdate {
  /** Exact (decoded) bytes of the payload file, or null when the download failed. */
  payload: Uint8Array<ArrayBuffer> | null;
  /** Text of the detached `.sig` file, or null when it is missing. */
  signature: string | null;
}

export interface UpdateContext<Bundle> {
  trustedKeys: readonly TrustedKey[];
  /** Version of the rules in use (the bundled floor or an earlier update). */
  versionInUse: string;
  engineVersion: string;
  maxBytes?: number;
  /** Compiles the source rule set into the engine's bundle; throws with a message on failure. */
  compile(payload: UpdatePayload): Bundle;
  /** Runs every inline example through an engine made from `bundle`; returns the failures. */
  failingExamples(payload: UpdatePayload, bundle: Bundle): string[];
  /** Current time, for `expires` (tests pin it). */
  now?: () => Date;
}

/** True when `meta.expires` names a moment that has passed (an unparseable date counts as expired). */
export function isExpired(meta: Pick<UpdateMeta, 'expires'>, now: Date): boolean {
  if (meta.expires === undefined) return false;
  const at = Date.parse(meta.expires);
  return Number.isNaN(at) || at <= now.getTime();
}

/** The first `regex` pattern of `rules` outside the safe subset (src/shared/regex-safety.ts), or null. */
export function unsafeRegex(rules: readonly unknown[]): string | null {
  for (const pattern of regexPatternsIn(rules)) {
    const result = checkRegexSafety(pattern.regex, pattern.flags);
    if (!result.safe) return `rule ${pattern.ruleId}: /${pattern.regex}/${pattern.flags}: ${result.reason}`;
  }
  return null;
}

const reject = (reason: RejectReason, detail: string) => ({ ok: false as const, reason, detail });

export async function evaluateUpdate<Bundle>(
  download: DownloadedUpdate,
  context: UpdateContext<Bundle>,
): Promise<UpdateDecision<Bundle>> {
  const { payload } = download;
  const maxBytes = context.maxBytes ?? MAX_UPDATE_BYTES;
  if (!payload) return reject('truncated', 'the download did not complete');
  if (payload.byteLength > maxBytes) return reject('too-large', `${payload.byteLength} bytes > ${maxBytes}`);
  if (!download.signature) return reject('missing-signature', 'no detached signature was published');
  if (download.signature.length > MAX_SIGNATURE_BYTES) {
    return reject('malformed-signature', `signature file larger than ${MAX_SIGNATURE_BYTES} bytes`);
  }

  let signature: DetachedSignature;
  try {
    const parsed = z.safeParse(SignatureSchema, JSON.parse(download.signature));
    if (!parsed.success) return reject('malformed-signature', 'signature file has the wrong shape');
    signature = parsed.data;
  } catch {
    return reject('malformed-signature', 'signature file is not JSON');
  }
  const verified = await verifyPayload(payload, signature, context.trustedKeys);
  if (verified === 'unknown-key') return reject('unknown-key', `key ${signature.kid} is not trusted`);
  if (verified !== 'ok') return reject('bad-signature', 'signature does not match the payload');

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch (error) {
    return reject('malformed-json', String(error));
  }
  const parsed = z.safeParse(UpdatePayloadSchema, json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return reject('schema-invalid', `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const update = parsed.data;
  if (compareVersions(update.meta.version, context.versionInUse) <= 0) {
    return reject('not-newer', `update ${update.meta.version} is not newer than ${context.versionInUse}`);
  }
  if (compareVersions(update.meta.min_engine_version, context.engineVersion) > 0) {
    return reject(
      'incompatible-engine',
      `needs engine ${update.meta.min_engine_version}, this extension has ${context.engineVersion}`,
    );
  }
  if (isExpired(update.meta, (context.now ?? (() => new Date()))())) {
    return reject('expired', `the update expired on ${update.meta.expires}`);
  }
  // Before compiling or running a single example: a catastrophic pattern would hang the service worker there.
  const unsafe = unsafeRegex(update.rules);
  if (unsafe) return reject('unsafe-regex', unsafe);
  let bundle: Bundle;
  try {
    bundle = context.compile(update);
  } catch (error) {
    return reject('compile-failed', error instanceof Error ? error.message : String(error));
  }
  const failures = context.failingExamples(update, bundle);
  if (failures.length > 0) {
    return reject('examples-failed', `${failures.length} example(s) fail, first: ${failures[0]}`);
  }
  return { ok: true, meta: update.meta, bundle };
}
