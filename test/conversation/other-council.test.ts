import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/time/clock';
import { Chat } from '../helpers/chat';
import { startTestServer, type TestServer } from '../helpers/test-server';

// The same code with another council's profile: every name, number and hour changes.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ profile: 'sample-town', clock: manualClock('2026-11-24T10:00:00+09:00') });
});
afterAll(() => server.close());

describe('another council runs the same code with its own profile', () => {
  it('greets with its own name and routes to its own departments', async () => {
    const profile = server.deps.profile;
    const chat = await Chat.open(server);
    expect(chat.last.text).toContain(profile.council.name);
    expect(chat.last.text).not.toContain('練馬');
    await chat.tap('同意する');
    await chat.say('家賃が払えない');
    const dept = profile.departments.find((d) => d.id === profile.routes.money.default)!;
    expect(chat.last.text).toContain(dept.name);
    expect(chat.last.text).not.toContain('生活サポートセンター');
  });

  it('gives its own hotline list in a crisis', async () => {
    const profile = server.deps.profile;
    const chat = await Chat.open(server, { follow: false });
    await chat.say('死にたい');
    for (const h of profile.hotlines.filter((h) => h.crisisKinds.includes('suicide'))) expect(chat.last.text).toContain(h.number);
  });
});
