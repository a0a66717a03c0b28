import type { Context } from 'hono';

/**
 * The client address for the per-address login limit. On Workers, `cf-connecting-ip` is
 * set by Cloudflare (a request carrying `cf` came through its edge, so a client cannot
 * forge it). The Node door listens on 127.0.0.1 only, so all its clients are this
 * machine: they share one key. IPv6 addresses count per /64, the block one subscriber
 * usually holds, so rotating addresses inside it does not reset the limit.
 */
export function clientAddress(c: Context): string {
  const onCloudflare = Boolean((c.req.raw as Request & { cf?: unknown }).cf);
  const ip = onCloudflare ? c.req.header('cf-connecting-ip')?.trim() : undefined;
  if (!ip) return 'local';
  return ip.includes(':') ? ipv6Prefix64(ip) : ip;
}

export function ipv6Prefix64(address: string): string {
  const [head = '', tail] = address.toLowerCase().split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length;
  const groups = [...headGroups, ...Array<string>(Math.max(missing, 0)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
