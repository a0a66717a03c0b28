import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCannedReply, deleteCannedReply, getCannedReply, listCannedReplies, updateCannedReply } from '../../src/services/handoff';
import type { TestServer } from '../helpers/test-server';
import { startHandoffServer } from './support';

let server: TestServer;
beforeAll(async () => {
  server = await startHandoffServer();
});
afterAll(() => server.close());

describe('定型文 (canned replies)', () => {
  it('create, list in order, update, delete', async () => {
    const greet = await createCannedReply(server.deps, 'admin-1', { title: 'はじめのあいさつ', body: '相談員の{名前}です。', sortOrder: 2 });
    const later = await createCannedReply(server.deps, 'admin-1', { title: '折り返し', body: 'のちほどご連絡します。', sortOrder: 1 });
    expect(greet.ok && later.ok).toBe(true);
    expect((await listCannedReplies(server.deps.db)).map((r) => r.title)).toEqual(['折り返し', 'はじめのあいさつ']);
    const id = greet.ok ? greet.reply.id : '';
    expect(await updateCannedReply(server.deps, id, 'admin-2', { body: '相談員です。お話をうかがいます。' })).toMatchObject({
      ok: true,
      reply: { title: 'はじめのあいさつ', body: '相談員です。お話をうかがいます。', updatedBy: 'admin-2', createdBy: 'admin-1' },
    });
    expect(await deleteCannedReply(server.deps, id)).toEqual({ ok: true });
    expect(await getCannedReply(server.deps.db, id)).toBeUndefined();
    expect(await deleteCannedReply(server.deps, id)).toMatchObject({ ok: false, reason: 'not_found' });
    expect(await updateCannedReply(server.deps, id, 'admin-2', { title: 'x' })).toMatchObject({ ok: false, reason: 'not_found' });
  });

  it('says in Japanese what is wrong', async () => {
    const result = await createCannedReply(server.deps, 'admin-1', { title: ' ', body: 'あ'.repeat(5001) });
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    expect(!result.ok && result.message).toContain('題名を入力してください。');
    expect(!result.ok && result.message).toContain('5000 文字以内');
  });
});
