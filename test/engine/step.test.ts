import { describe, expect, it } from 'vitest';
import { conversation } from '../../flows/conversation';
import { nerimaProfile } from '../../flows/profiles/nerima';
import { classify } from '../../src/engine/classifier';
import type { Conversation } from '../../src/engine/conversation-types';
import { initialSession, step, type Session } from '../../src/engine/step';

const ctx = (c: Conversation = conversation) => ({ conversation: c, areas: nerimaProfile.areas });
const say = (session: Session, text: string, c?: Conversation) =>
  step(ctx(c), session, { kind: 'text', text, triage: classify(text) });
const advance = (result: ReturnType<typeof step>): Session => ({ ...result.session, revision: result.session.revision + 1 });

describe('step() is pure and pins flow versions', () => {
  it('returns the next state, what to say and the effects, without touching the input', () => {
    const start = initialSession(conversation);
    const frozen = structuredClone(start);
    const result = say(start, '父が認知症かもしれない');
    expect(start).toEqual(frozen);
    expect(result.session).toMatchObject({ flowId: 'triage', nodeId: 'result', vars: { category: 'elderly', urgency: 'normal' } });
    expect(result.outbox).toEqual([{ type: 'department' }]);
    expect(result.effects.map((e) => e.name)).toEqual(['openCase']);
  });

  it('a session on an older flow version keeps it while a newer version exists', () => {
    const v1 = conversation.flows.find((f) => f.id === 'triage')!;
    const v2 = structuredClone(v1);
    v2.version = 2;
    v2.nodes.money_detail!.say = [{ type: 'text', text: '新しい質問文です' }];
    const both: Conversation = { ...conversation, flows: [...conversation.flows, v2] };
    const onV1: Session = { ...initialSession(conversation), flowVersion: 1 };
    const r = say(onV1, 'お金に困っている', both);
    expect(r.session.flowVersion).toBe(1);
    expect(JSON.stringify(r.outbox)).toContain('いちばん近いもの');
    expect(say(initialSession(both), 'お金に困っている', both).session.flowVersion).toBe(2);
  });

  it('a session on a retired version restarts kindly at the menu', () => {
    const gone: Session = { flowId: 'triage', flowVersion: 99, nodeId: 'money_detail', revision: 4, vars: { misses: 0 } };
    const r = step(ctx(), gone, { kind: 'postback', data: 'g=menu' });
    expect(r.session).toMatchObject({ flowVersion: 1, nodeId: 'menu' });
  });

  it('a tap carries node and revision: the same tap one revision later is stale', () => {
    const atMenu = advance(step(ctx(), initialSession(conversation), { kind: 'postback', data: 'g=menu' }));
    const first = step(ctx(), atMenu, { kind: 'postback', data: 'g=menu' });
    const money = first.choices.find((c) => c.label === 'お金・生活費')!;
    const fresh = step(ctx(), advance(first), { kind: 'postback', data: money.data });
    expect(fresh.session.nodeId).toBe('money_detail');
    const stale = step(ctx(), advance(fresh), { kind: 'postback', data: money.data });
    expect(JSON.stringify(stale.outbox)).toContain('古くなった');
    expect(stale.session.nodeId).toBe('money_detail');
  });

  it('garbage postback data is treated as an expired button, never an error', () => {
    for (const data of ['', 'x', 'f=triage&v=abc', 'g=drop-tables', '%%%']) {
      expect(() => step(ctx(), initialSession(conversation), { kind: 'postback', data })).not.toThrow();
    }
  });
});
