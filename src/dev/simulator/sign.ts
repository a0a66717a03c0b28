// Web Crypto only, so the simulator signs the same way wherever it runs (Node or workerd).
const encoder = new TextEncoder();

export async function signBody(body: Uint8Array<ArrayBuffer>, channelSecret: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(channelSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, body));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary);
}
