import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundedLog } from '../../../src/dev/line-emulator/bounded-log';
import { startEmulator, text, uuid } from './helpers';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

describe('volume', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ monthlyLimit: 1_000_000 });
  });
  afterAll(() => emu.close());

  it('takes 100,000 recipients in 200 multicasts quickly', async () => {
    const userIds: string[] = [];
    for (let batch = 0; batch < 10; batch++) {
      const res = await emu.api.post('/__emulator/users', Array.from({ length: 10_000 }, (_, i) => ({ displayName: `住民${batch}-${i}` })));
      for (const user of res.body.users as Array<{ userId: string }>) userIds.push(user.userId);
    }
    expect(userIds).toHaveLength(100_000);

    const started = performance.now();
    const chunks = Array.from({ length: 200 }, (_, i) => userIds.slice(i * 500, i * 500 + 500));
    const results = await Promise.all(
      chunks.map((to) => emu.api.post('/v2/bot/message/multicast', { to, messages: [text('避難所のお知らせ')] }, { 'x-line-retry-key': uuid() })),
    );
    const elapsed = performance.now() - started;

    expect(results.every((r) => r.status === 200)).toBe(true);
    const stats = emu.state.stats();
    expect(stats.deliveries).toBe(100_000);
    expect(stats.consumption).toBe(100_000);
    expect(emu.state.requests().filter((r) => r.path === '/v2/bot/message/multicast').reduce((n, r) => n + r.recipients, 0)).toBe(100_000);
    expect(emu.state.inbox(userIds[99_999] as string)).toHaveLength(1);
    expect(elapsed).toBeLessThan(10_000);
  });
});

describe('BoundedLog', () => {
  it('keeps the newest entries and finds entries after a seq', () => {
    const log = new BoundedLog<{ seq: number }>(10_000);
    for (let seq = 1; seq <= 25_000; seq++) log.push({ seq });
    expect(log.size).toBe(10_000);
    const all = log.after(0);
    expect(all[0]?.seq).toBe(15_001);
    expect(all.at(-1)?.seq).toBe(25_000);
    expect(log.after(24_990).map((e) => e.seq)).toEqual([24_991, 24_992, 24_993, 24_994, 24_995, 24_996, 24_997, 24_998, 24_999, 25_000]);
    expect(log.after(25_000)).toEqual([]);
    expect(log.after(0, 2).map((e) => e.seq)).toEqual([15_001, 15_002]);
  });
});
