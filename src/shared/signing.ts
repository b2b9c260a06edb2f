// Ed25519 signatures over rule-update payloads, through WebCrypto only (browser and Node 20 alike):
// no home-made crypto. A detached signature file names the key it was made with, so more than one
// maintainer key can be trusted at a time (rotation: ship the new public key, then sign with it).

export interface TrustedKey {
  /** Short id derived from the public key (see keyIdFor). */
  kid: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string;
  /** Who holds the private key; for maintainers reading the list. */
  owner: string;
}

export interface DetachedSignature {
  alg: 'Ed25519';
  kid: string;
  /** Base64 signature over the exact bytes of the payload file. */
  sig: string;
}

export const toBase64 = (bytes: ArrayBuffer | Uint8Array): string => {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let binary = '';
  for (const byte of view) binary += String.fromCharCode(byte);
  return btoa(binary);
};

export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

export async function keyIdFor(publicKeyRaw: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', publicKeyRaw));
  return Array.from(digest.slice(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface GeneratedKeyPair {
  kid: string;
  publicKey: string;
  /** PKCS#8, base64. Keep it secret: it signs rules that every user's browser will run. */
  privateKey: string;
}

export async function generateKeyPair(): Promise<GeneratedKeyPair> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const publicRaw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const privatePkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return { kid: await keyIdFor(publicRaw), publicKey: toBase64(publicRaw), privateKey: toBase64(privatePkcs8) };
}

export async function signPayload(
  payload: Uint8Array<ArrayBuffer>,
  privateKeyPkcs8: string,
  kid: string,
): Promise<DetachedSignature> {
  const key = await crypto.subtle.importKey('pkcs8', fromBase64(privateKeyPkcs8), { name: 'Ed25519' }, false, ['sign']);
  const signature = await crypto.subtle.sign({ name: 'Ed25519' }, key, payload);
  return { alg: 'Ed25519', kid, sig: toBase64(signature) };
}

/** True only when `signature` was made over `payload` by one of `trusted` keys. */
export async function verifyPayload(
  payload: Uint8Array<ArrayBuffer>,
  signature: DetachedSignature,
  trusted: readonly TrustedKey[],
): Promise<'ok' | 'unknown-key' | 'bad-signature'> {
  const key = trusted.find((candidate) => candidate.kid === signature.kid);
  if (!key) return 'unknown-key';
  try {
    const publicKey = await crypto.subtle.importKey('raw', fromBase64(key.publicKey), { name: 'Ed25519' }, false, [
      'verify',
    ]);
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, fromBase64(signature.sig), payload);
    return ok ? 'ok' : 'bad-signature';
  } catch {
    return 'bad-signature';
  }
}
