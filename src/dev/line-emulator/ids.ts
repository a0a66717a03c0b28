import { randomBytes, randomUUID } from 'node:crypto';

export const USER_ID_RE = /^U[0-9a-f]{32}$/;
export const GROUP_OR_ROOM_ID_RE = /^[CR][0-9a-f]{32}$/;
// LINE documents the retry key as "UUID in hexadecimal format"; case is not significant.
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function newRequestId(): string {
  return randomUUID();
}

export function newUserId(): string {
  return `U${randomBytes(16).toString('hex')}`;
}

export function newReplyToken(): string {
  return randomBytes(16).toString('hex');
}

export function newRichMenuId(): string {
  return `richmenu-${randomBytes(16).toString('hex')}`;
}

export function newQuoteToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Message ids look like LINE's: decimal strings of 18 digits. */
export function createMessageIdSource(): () => string {
  let next = 0;
  return () => `5${String(++next).padStart(17, '0')}`;
}
