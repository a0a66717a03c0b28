import { describe, expect, it } from 'vitest';
import { conversation } from '../../flows/conversation';
import { PROFILE_IDS, loadProfile } from '../../flows/profiles';
import type { Conversation } from '../../src/engine/conversation-types';
import type { Flow } from '../../src/engine/flow-types';
import { validateConversation } from '../../src/engine/validate-flow';
import { PLACEHOLDERS } from '../../src/profile/placeholders';

const options = (profileId: string) => ({ placeholders: PLACEHOLDERS, areaCount: loadProfile(profileId).areas.length });

function withTriage(change: (flow: Flow) => Flow): Conversation {
  return { ...conversation, flows: conversation.flows.map((f) => (f.id === 'triage' ? change(structuredClone(f)) : f)) };
}

describe('flow validation', () => {
  it.each(PROFILE_IDS)('every shipped flow is sound with the %s profile', (id) => {
    expect(validateConversation(conversation, options(id))).toEqual([]);
  });

  it('finds a target that does not exist', () => {
    const broken = withTriage((f) => ({ ...f, nodes: { ...f.nodes, menu: { ...f.nodes.menu!, fallback: 'nowhere' } } }));
    expect(validateConversation(broken, options('nerima'))).toContain('triage@1:menu: target "nowhere" does not exist');
  });

  it('finds a node nothing leads to', () => {
    const broken = withTriage((f) => ({ ...f, nodes: { ...f.nodes, orphan: { say: [{ type: 'text', text: 'x' }] } } }));
    expect(validateConversation(broken, options('nerima'))).toContain('triage@1:orphan: not reachable');
  });

  it('finds a question without a fallback, a long label, too many choices, an unknown placeholder', () => {
    const broken = withTriage((f) => {
      const menu = f.nodes.menu!;
      delete menu.fallback;
      menu.choices = [...menu.choices!, { id: 'extra', label: 'とても長いラベルはLINEでは二十文字までしか使えません', next: 'menu' }];
      menu.say = [{ type: 'text', text: '{council.fax}' }];
      return f;
    });
    const problems = validateConversation(broken, options('nerima'));
    expect(problems).toEqual(
      expect.arrayContaining([
        'triage@1:menu: asks a question but has no fallback',
        'triage@1:menu: 14 choices, LINE allows 13',
        expect.stringContaining('is over 20 characters'),
        'triage@1:menu: unknown placeholder {council.fax}',
      ]),
    );
  });

  it('finds "next" going round in a circle', () => {
    const broken = withTriage((f) => ({
      ...f,
      nodes: { ...f.nodes, not_understood: { say: [], next: 'expired' }, expired: { say: [], next: 'not_understood' } },
    }));
    expect(validateConversation(broken, options('nerima'))).toEqual(
      expect.arrayContaining([expect.stringContaining('goes round in a circle')]),
    );
  });
});
