// LINE signs the raw request bytes: base64(HMAC-SHA256(channelSecret, body)).
// Web Crypto works on Workers (no nodejs_compat) and on Node alike.
const encoder = new TextEncoder();
const keyCache = new Map<string, Promise<CryptoKey>>();

function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keyCache.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
    keyCache.set(secret, key);
  }
  return key;
}

const toBytes = (body: string | ArrayBuffer | Uint8Array) =>
  typeof body === 'string' ? encoder.encode(body) : body instanceof Uint8Array ? body : new Uint8Array(body);

export async function signBody(body: string | ArrayBuffer | Uint8Array, secret: string): Promise<string> {
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret), toBytes(body) as BufferSource);
  return btoa(String.fromCharCode(...new Uint8Array(mac)));
}

function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(text)) return null; // a SHA-256 MAC is always 44 chars
  const bin = atob(text);
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

/** Constant-time check (crypto.subtle.verify) of the signature over the exact bytes received. */
export async function verifySignature(
  body: ArrayBuffer | Uint8Array,
  signature: string | undefined | null,
  secret: string,
): Promise<boolean> {
  if (!signature) return false;
  const mac = decodeBase64(signature.trim());
  if (!mac) return false;
  return crypto.subtle.verify('HMAC', await hmacKey(secret), mac as BufferSource, toBytes(body) as BufferSource);
}
