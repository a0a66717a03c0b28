// Ids shaped like the ones LINE puts in webhooks, so the app under test sees realistic values.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/** ULID: 10 chars of millisecond time + 16 random chars, Crockford base32 (26 chars). */
export function newWebhookEventId(now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  let rand = '';
  for (const b of randomBytes(16)) rand += CROCKFORD[b % 32];
  return time + rand;
}

/** LINE message ids are decimal strings of about 18 digits. */
export function newMessageId(): string {
  let digits = String(1 + (randomBytes(1)[0] as number) % 9);
  for (const b of randomBytes(17)) digits += String(b % 10);
  return digits;
}

export function newQuoteToken(): string {
  let binary = '';
  for (const b of randomBytes(24)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function newBotUserId(): string {
  let hex = '';
  for (const b of randomBytes(16)) hex += b.toString(16).padStart(2, '0');
  return `U${hex}`;
}
