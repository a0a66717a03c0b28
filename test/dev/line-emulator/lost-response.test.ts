import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AcceptedSend } from '../../../src/dev/line-emulator';
import { createUser, startEmulator, text, uuid } from './helpers';

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

// A "lost response": LINE accepted the request, but the caller never learns it (its
// connection broke, the process died). Only the retry key can then prevent a double send.
describe('lost responses and the accepted-send hook', () => {
  let emu: Emulator;
  const accepted: AcceptedSend[] = [];
  beforeAll(async () => {
    emu = await startEmulator({ onAccepted: (a) => void accepted.push(a) });
  });
  afterAll(() => emu.close());
  beforeEach(() => {
    emu.state.reset();
    accepted.length = 0;
  });

  const multicast = (to: string[], key: string) => emu.api.post('/v2/bot/message/multicast', { to, messages: [text()] }, { 'x-line-retry-key': key });

  it('delivers and accepts the retry key, then answers with the fault; the retry gets 409', async () => {
    const a = await createUser(emu.api);
    const b = await createUser(emu.api);
    const key = uuid();
    await emu.api.post('/__emulator/faults', { status: 500, lostResponse: true, pathPrefix: '/v2/bot/message/multicast' });
    const lost = await multicast([a.userId, b.userId], key);
    expect(lost.status).toBe(500);
    expect(lost.headers.get('x-line-request-id')).toBeTruthy();
    expect(emu.state.inbox(a.userId)).toHaveLength(1);
    expect(emu.state.stats().consumption).toBe(2);
    expect((await multicast([a.userId, b.userId], key)).status).toBe(409);
    expect(emu.state.inbox(a.userId)).toHaveLength(1);
    expect(emu.state.requests().map((r) => [r.status, r.recipients])).toEqual([
      [500, 2],
      [409, 0],
    ]);
  });

  it('tells the hook about each accepted send, and nothing about refused ones', async () => {
    const a = await createUser(emu.api);
    emu.state.addFault({ status: 503 });
    expect((await multicast([a.userId], uuid())).status).toBe(503);
    expect(accepted).toEqual([]);
    const ok = await multicast([a.userId], uuid());
    expect(accepted).toEqual([{ via: 'multicast', requestId: ok.headers.get('x-line-request-id'), delivered: 1 }]);
  });

  it('mixes lost responses into random faults at the given share, repeatably for a seed', async () => {
    const a = await createUser(emu.api);
    await emu.api.post('/__emulator/faults', { rate: 0.5, statuses: [500], seed: 7, lostResponseRate: 0.5 });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await multicast([a.userId], uuid())).status);
    const failed = statuses.filter((s) => s === 500).length;
    const delivered = emu.state.inbox(a.userId).length;
    // Every 200 delivered; some 500s delivered too (lost responses), the rest did not.
    expect(delivered).toBeGreaterThan(40 - failed);
    expect(delivered).toBeLessThan(40);
    expect(accepted).toHaveLength(delivered);
  });
});
