import type { Triage } from './classifier';
import type { Conversation, GlobalIntent } from './conversation-types';
import type { EffectName } from './effects';
import type { Choice, Flow, FlowNode, Out, SessionVars, Target } from './flow-types';
import { matchIntent } from './intents';
import { normalizeJa } from './normalize';
import { decodePostback, encodePostback } from './postback';
import type { Urgency } from './taxonomy';

export interface Session {
  flowId: string;
  flowVersion: number;
  nodeId: string;
  revision: number;
  vars: SessionVars;
}

export type EngineInput =
  | { kind: 'follow' }
  | { kind: 'text'; text: string; triage: Triage }
  | { kind: 'postback'; data: string }
  | { kind: 'unsupported' }
  /** A counselor closed the resident's case: the bot takes over again. */
  | { kind: 'handback' };

export interface StepContext {
  conversation: Conversation;
  /** The council's areas, for nodes that offer them as choices. */
  areas: readonly { id: string; name: string; kana?: string }[];
  /** A counselor has the resident's case: the bot says nothing of its own (see Run.withCounselor). */
  withCounselor?: boolean;
}

export interface QuickChoice {
  label: string;
  data: string;
}

export interface EffectCall {
  name: EffectName;
  vars: SessionVars;
  /** Set on the crisis path: which hotlines were given. */
  crisis?: Triage['crisisKinds'];
}

export interface StepResult {
  session: Session;
  outbox: Out[];
  /** Offered as quick replies on the last message. */
  choices: QuickChoice[];
  effects: EffectCall[];
}

const URGENCY_RANK: Record<Urgency, number> = { normal: 0, urgent: 1, crisis: 2 };
const higher = (a: Urgency | undefined, b: Urgency): Urgency => (a && URGENCY_RANK[a] >= URGENCY_RANK[b] ? a : b);
const MAX_HOPS = 12;
// Consent decisions still take effect while a counselor has the case: they are the resident's right.
const CONSENT_INTENTS: readonly GlobalIntent[] = ['giveConsent', 'declineConsent', 'withdrawConsent'];
const CONSENT_EFFECTS: ReadonlySet<EffectName> = new Set(['recordConsent', 'declineConsent', 'withdrawConsent']);

/** Finds a flow by id and version (the current, highest version when none is given). */
export function findFlow(conversation: Conversation, flowId: string, version?: number): Flow | undefined {
  const all = conversation.flows.filter((f) => f.id === flowId);
  if (version !== undefined) return all.find((f) => f.version === version);
  return all.sort((a, b) => b.version - a.version)[0];
}

export const splitTarget = (target: Target, currentFlow: string): [string, string] => {
  const i = target.indexOf(':');
  return i < 0 ? [currentFlow, target] : [target.slice(0, i), target.slice(i + 1)];
};

export function initialSession(conversation: Conversation): Session {
  const [flowId, nodeId] = splitTarget(conversation.entries.menu, '');
  return { flowId, flowVersion: findFlow(conversation, flowId)!.version, nodeId, revision: 0, vars: { misses: 0 } };
}

/** The pure heart of a conversation: one resident input in, the next state and what to say out. */
export function step(ctx: StepContext, session: Session, input: EngineInput): StepResult {
  const run = new Run(ctx, session);
  run.handle(input);
  return run.result();
}

class Run {
  private readonly conversation: Conversation;
  private session: Session;
  private readonly outbox: Out[] = [];
  private readonly effects: EffectCall[] = [];
  private choices: QuickChoice[] = [];
  /** Normalised text that brought the resident to the node being entered (for keyword choices). */
  private arrivingText: string | undefined;

  constructor(
    private readonly ctx: StepContext,
    start: Session,
  ) {
    this.conversation = ctx.conversation;
    this.session = { ...start, vars: { ...start.vars } };
    if (!this.currentFlow()) {
      // The pinned flow version is gone (retired after a release): restart at the menu.
      this.session = { ...initialSession(this.conversation), revision: start.revision };
    }
  }

  result(): StepResult {
    return { session: this.session, outbox: this.outbox, choices: this.choices, effects: this.effects };
  }

  handle(input: EngineInput): void {
    if (this.ctx.withCounselor && input.kind !== 'handback') return this.withCounselor(input);
    switch (input.kind) {
      case 'follow':
        return this.goto(this.conversation.entries.follow);
      case 'unsupported':
        return this.goto(this.conversation.entries.unsupported, { thenReturn: true });
      case 'postback':
        return this.postback(input.data);
      case 'text':
        return this.text(input.text, input.triage);
      case 'handback':
        return this.goto(this.conversation.entries.handback);
    }
  }

  /**
   * While a counselor has the case, the counselor answers and the bot stays silent: no
   * menus, no "not understood", nothing for taps. Crisis detection still runs on every
   * text — life first: the resident gets the hotlines at once, whoever is on the case,
   * and the case's urgency rises. Consent decisions are recorded (silently).
   */
  private withCounselor(input: EngineInput): void {
    if (input.kind !== 'text') return;
    if (input.triage.urgency === 'crisis') return this.crisis(input.triage);
    const intent = matchIntent(this.conversation.intents, input.text);
    if (!intent || !CONSENT_INTENTS.includes(intent)) return;
    const before = structuredClone(this.session);
    this.global(intent);
    // Only the consent effect is kept: what the consent nodes say, and the menu after them, is not sent.
    this.effects.splice(0, this.effects.length, ...this.effects.filter((e) => CONSENT_EFFECTS.has(e.name)));
    this.outbox.length = 0;
    this.choices = [];
    this.session = before;
  }

  private text(text: string, triage: Triage): void {
    this.session.vars.urgency = higher(this.session.vars.urgency, triage.urgency);
    // Life first: a crisis is answered before any menu, consent or flow logic.
    if (triage.urgency === 'crisis') return this.crisis(triage);
    const intent = matchIntent(this.conversation.intents, text);
    if (intent) return this.global(intent);
    const node = this.currentNode();
    const picked = this.keywordChoice(node, normalizeJa(text));
    if (picked) return this.take(picked);
    if (node.onText === 'classify') return this.classified(text, triage);
    if (node.onText) {
      this.session.vars.note = text.slice(0, 200);
      return this.goto(node.onText.note);
    }
    return this.fallback(node);
  }

  private classified(text: string, triage: Triage): void {
    const vars = this.session.vars;
    if (triage.confidence === 0) {
      vars.misses += 1;
      if (vars.misses >= 2) {
        vars.misses = 0;
        return this.goto(this.conversation.entries.notUnderstoodTwice);
      }
      return this.goto(this.conversation.entries.notUnderstood, { thenReturn: true });
    }
    this.resetConsultation();
    this.session.vars.urgency = triage.urgency;
    this.session.vars.category = triage.category;
    this.arrivingText = normalizeJa(text);
    this.goto(this.conversation.categories[triage.category]);
  }

  private crisis(triage: Triage): void {
    const copy = this.conversation.crisis;
    const withCounselor = this.ctx.withCounselor === true;
    const lines = [copy.opening, ...triage.crisisKinds.map((k) => copy.byKind[k])];
    this.outbox.push({ type: 'text', text: [...new Set(lines)].join('\n') });
    this.outbox.push({ type: 'hotlines', kinds: triage.crisisKinds });
    if (!this.session.vars.category) this.session.vars.category = triage.category;
    this.session.vars.urgency = 'crisis';
    this.effects.push({ name: 'openCase', vars: { ...this.session.vars }, crisis: triage.crisisKinds });
    if (withCounselor) {
      // The counselor already has the case: no queue news, and no buttons the bot would not answer.
      this.outbox.push({ type: 'text', text: copy.closingWithCounselor });
      return;
    }
    this.outbox.push({ type: 'text', text: copy.closing }, ...copy.inQueue);
    this.effects.push({ name: 'requestHuman', vars: { ...this.session.vars }, crisis: triage.crisisKinds });
    this.choices = copy.choices.map((c) => ({ label: c.label, data: encodePostback({ kind: 'global', intent: c.intent }) }));
  }

  private postback(raw: string): void {
    const data = decodePostback(raw);
    if (!data) return this.expired();
    if (data.kind === 'global') return this.global(data.intent);
    const s = this.session;
    const current = data.flowId === s.flowId && data.version === s.flowVersion && data.nodeId === s.nodeId && data.revision === s.revision;
    if (!current) return this.expired();
    const choice = this.choicesOf(this.currentNode()).find((c) => c.id === data.choiceId);
    this.session.vars.misses = 0;
    if (!choice) return this.expired();
    this.take(choice);
  }

  private global(intent: GlobalIntent): void {
    this.arrivingText = undefined;
    this.goto(this.conversation.entries[intent]);
  }

  private expired(): void {
    this.goto(this.conversation.entries.expired, { thenReturn: true });
  }

  private fallback(node: FlowNode): void {
    this.goto(node.fallback ?? this.conversation.entries.menu);
  }

  private take(choice: Choice): void {
    if ('intent' in choice) return this.global(choice.intent);
    Object.assign(this.session.vars, choice.set ?? {});
    for (const name of choice.effects ?? []) this.effects.push({ name, vars: { ...this.session.vars } });
    this.goto(choice.next);
  }

  /**
   * Enters a node: says its messages, runs its effects, follows `next`. With
   * `thenReturn`, the resident is afterwards still where they were (e.g. after
   * "this button has expired"), and that node's choices are offered again.
   */
  private goto(target: Target, options: { thenReturn?: boolean } = {}): void {
    const home = { flowId: this.session.flowId, flowVersion: this.session.flowVersion, nodeId: this.session.nodeId };
    for (let hops = 0; hops < MAX_HOPS; hops++) {
      const [flowId, nodeId] = splitTarget(target, this.session.flowId);
      if (flowId !== this.session.flowId) {
        this.session.flowId = flowId;
        this.session.flowVersion = findFlow(this.conversation, flowId)!.version;
      }
      this.session.nodeId = nodeId;
      const node = this.currentNode();
      if (node.reset) this.resetConsultation();
      const arriving = this.arrivingText;
      this.arrivingText = undefined;
      const picked = arriving ? this.keywordChoice(node, arriving) : undefined;
      if (picked) return this.take(picked);
      this.outbox.push(...node.say);
      for (const name of node.effects ?? []) this.effects.push({ name, vars: { ...this.session.vars } });
      if (!node.next) break;
      target = node.next;
    }
    if (options.thenReturn) Object.assign(this.session, home);
    this.offer(this.currentNode());
  }

  /** The one choice whose keywords the (normalised) text contains; none when zero or several fit. */
  private keywordChoice(node: FlowNode, text: string): Choice | undefined {
    const hits = this.choicesOf(node).filter((c) => c.keywords?.some((k) => text.includes(normalizeJa(k))));
    return hits.length === 1 ? hits[0] : undefined;
  }

  private offer(node: FlowNode): void {
    const s = this.session;
    // The revision this state will be stored under: taps on these buttons match it.
    const revision = s.revision + 1;
    this.choices = this.choicesOf(node).map((c) => ({
      label: c.label,
      data: encodePostback(
        'intent' in c
          ? { kind: 'global', intent: c.intent }
          : { kind: 'choice', flowId: s.flowId, version: s.flowVersion, nodeId: s.nodeId, revision, choiceId: c.id },
      ),
    }));
  }

  private choicesOf(node: FlowNode): Choice[] {
    const fromAreas = node.choicesFromAreas
      ? this.ctx.areas.map((a) => ({
          id: `area-${a.id}`,
          label: a.name,
          keywords: [a.name, ...(a.kana ? [a.kana] : [])],
          next: node.choicesFromAreas!.next,
          set: { areaId: a.id },
        }))
      : [];
    return [...fromAreas, ...(node.choices ?? [])];
  }

  private resetConsultation(): void {
    this.session.vars = { misses: 0 };
  }

  private currentFlow(): Flow | undefined {
    return findFlow(this.conversation, this.session.flowId, this.session.flowVersion);
  }

  private currentNode(): FlowNode {
    const node = this.currentFlow()?.nodes[this.session.nodeId];
    if (!node) throw new Error(`Unknown node ${this.session.flowId}:${this.session.nodeId}`);
    return node;
  }
}
