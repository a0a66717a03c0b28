import { DYNAMIC_LIMITS, needKey, type BookingAnswer, type BookingNeed, type BookingOption, type DynamicSource } from './booking';
import type { Triage } from './classifier';
import type { Conversation, GlobalIntent } from './conversation-types';
import { isPreStepEffect, type BatchEffectName, type EffectName, type PreStepEffectName } from './effects';
import type { EventAnswer, EventCard, EventNeed } from './events';
import type { Choice, DivertCondition, Flow, FlowNode, NodeChoice, Out, SessionVars, Target } from './flow-types';
import { matchIntent } from './intents';
import { normalizeJa } from './normalize';
import { decodePostback, encodePostback, type EventAction } from './postback';
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
  /** `date`: the day picked in a LINE date picker (YYYY-MM-DD). */
  | { kind: 'postback'; data: string; date?: string }
  | { kind: 'unsupported' }
  /** A counselor closed the resident's case: the bot takes over again. */
  | { kind: 'handback' };

export interface StepContext {
  conversation: Conversation;
  /** The council's areas, for nodes that offer them as choices. */
  areas: readonly { id: string; name: string; kana?: string }[];
  /** A counselor has the resident's case: the bot says nothing of its own (see Run.withCounselor). */
  withCounselor?: boolean;
  /** The time of the input: the distress safety net is not repeated within its quiet hours (no clock, no net). */
  now?: Date;
  /** Booking and event data loaded for this step (see src/engine/booking.ts, events.ts) and whether the resident consented. */
  booking?: { answers: LoadedAnswers; consentGiven: boolean };
}

/** What the conversation service loads for the engine: booking data and event data. */
export type Need = BookingNeed | EventNeed;
export type Answer = BookingAnswer | EventAnswer;
/** Answers by needKey(need). */
export type LoadedAnswers = ReadonlyMap<string, Answer>;

export interface QuickChoice {
  label: string;
  data: string;
  /** Rendered as LINE's date picker: the tap's postback carries params.date. */
  picker?: { mode: 'date'; min?: string; max?: string };
}

export interface EffectCall {
  name: BatchEffectName;
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
  /** Data the step needed and did not have: load it and step again (this result is then void). */
  needs: Need[];
}

const URGENCY_RANK: Record<Urgency, number> = { normal: 0, urgent: 1, crisis: 2 };
const higher = (a: Urgency | undefined, b: Urgency): Urgency => (a && URGENCY_RANK[a] >= URGENCY_RANK[b] ? a : b);
const MAX_HOPS = 12;
const MAX_QUICK_REPLIES = 13;
const HOUR_MS = 3_600_000;
// Consent decisions still take effect while a counselor has the case: they are the resident's right.
const CONSENT_INTENTS: readonly GlobalIntent[] = ['giveConsent', 'declineConsent', 'withdrawConsent'];
const CONSENT_EFFECTS: ReadonlySet<EffectName> = new Set(['recordConsent', 'declineConsent', 'withdrawConsent']);
const DYNAMIC_PREFIX: Record<DynamicSource, string> = {
  services: 's',
  days: 'd',
  times: 't',
  bookings: 'b',
  eventAreas: 'ea',
  eventKinds: 'ek',
  noticeAreas: 'na',
  noticeKinds: 'nk',
};
const EVENT_ENTRIES: Record<EventAction, 'eventDetails' | 'eventJoin' | 'eventLeave'> = { details: 'eventDetails', join: 'eventJoin', leave: 'eventLeave' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  private readonly needs: Need[] = [];
  /** The outcome of this step's booking attempt, once the service has made it. */
  private bookOutcome: BookingAnswer | undefined;
  /** The outcome of this step's 参加する / 参加をやめる, once the service has done it. */
  private eventOutcome: EventAnswer | undefined;
  /** The revision the step starts from: the request key of a booking is derived from it. */
  private readonly startRevision: number;
  /** Normalised text that brought the resident to the node being entered (for keyword choices). */
  private arrivingText: string | undefined;

  constructor(
    private readonly ctx: StepContext,
    start: Session,
  ) {
    this.conversation = ctx.conversation;
    this.session = { ...start, vars: { ...start.vars } };
    this.startRevision = start.revision;
    if (!this.currentFlow()) {
      // The pinned flow version is gone (retired after a release): restart at the menu.
      this.session = { ...initialSession(this.conversation), revision: start.revision };
    }
  }

  result(): StepResult {
    return { session: this.session, outbox: this.outbox, choices: this.choices, effects: this.effects, needs: this.needs };
  }

  handle(input: EngineInput): void {
    if (this.ctx.withCounselor && input.kind !== 'handback') return this.withCounselor(input);
    switch (input.kind) {
      case 'follow':
        return this.goto(this.conversation.entries.follow);
      case 'unsupported':
        return this.goto(this.conversation.entries.unsupported, { thenReturn: true });
      case 'postback':
        return this.postback(input.data, input.date);
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
    this.understand(text, triage);
    this.safetyNet(triage);
  }

  /**
   * The second net, under crisis phrases a new wording can slip past: after the usual answer to a
   * text with signs of distress, a word of care, numbers to call and the way to a person. Not on the
   * crisis path (it has the numbers), not when the resident is being put in the counselor queue
   * anyway, and not again within the quiet hours: someone who writes 「つらい」 every message is not nagged.
   */
  private safetyNet(triage: Triage): void {
    const copy = this.conversation.distress;
    const now = this.ctx.now?.getTime();
    if (!triage.distress || now === undefined) return;
    if (this.effects.some((e) => e.name === 'requestHuman')) return;
    const last = this.session.vars.distressNoteAt;
    if (last !== undefined && now >= last && now - last < copy.quietHours * HOUR_MS) return;
    this.session.vars.distressNoteAt = now;
    this.outbox.push({ type: 'safetyNet', opening: copy.opening, closing: copy.closing });
    for (const c of copy.choices) {
      if (this.choices.length >= MAX_QUICK_REPLIES || this.choices.some((q) => q.label === c.label)) continue;
      this.choices.push({ label: c.label, data: encodePostback({ kind: 'global', intent: c.intent }) });
    }
  }

  /** Everything a text can mean short of a crisis: a global command, a choice's keyword, the node's rule. */
  private understand(text: string, triage: Triage): void {
    const intent = matchIntent(this.conversation.intents, text);
    if (intent) return this.global(intent);
    const node = this.currentNode();
    const picked = this.keywordChoice(node, normalizeJa(text));
    if (picked) return this.take(picked);
    if (node.onText === 'classify') return this.classified(text, triage);
    if (node.onText && 'topic' in node.onText) {
      this.session.vars.topic = text.slice(0, 200);
      return this.goto(node.onText.topic);
    }
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

  private postback(raw: string, date: string | undefined): void {
    const data = decodePostback(raw);
    if (!data) return this.expired();
    if (data.kind === 'global') return this.global(data.intent);
    if (data.kind === 'event') return this.eventButton(data.action, data.eventId);
    const s = this.session;
    const current = data.flowId === s.flowId && data.version === s.flowVersion && data.nodeId === s.nodeId && data.revision === s.revision;
    if (!current) return this.expired();
    const node = this.currentNode();
    const choice = this.choicesOf(node).find((c) => c.id === data.choiceId);
    this.session.vars.misses = 0;
    if (!choice) {
      // A dynamic choice that is no longer offered (the time was just taken) is news, not an old button.
      const from = node.choicesFrom;
      if (from?.gone && data.choiceId.startsWith(`${DYNAMIC_PREFIX[from.source]}.`)) return this.goto(from.gone);
      return this.expired();
    }
    if ('picker' in choice && choice.picker === 'date') {
      if (!date || !ISO_DATE.test(date)) return this.fallback(node);
      this.session.vars.date = date;
    }
    this.take(choice);
  }

  /** A button on an event card: not tied to where the conversation is, so it never expires. */
  private eventButton(action: EventAction, eventId: string): void {
    this.arrivingText = undefined;
    this.session.vars.misses = 0;
    this.session.vars.eventId = eventId;
    this.goto(this.conversation.entries[EVENT_ENTRIES[action]]);
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
    for (const name of choice.effects ?? []) {
      if (isPreStepEffect(name)) this.preStep(name);
      else this.effects.push({ name, vars: { ...this.session.vars } });
    }
    this.goto(choice.next);
  }

  private preStep(name: PreStepEffectName): void {
    const eventId = this.session.vars.eventId;
    if (name === 'bookSlot') return this.book();
    if (!eventId) return;
    this.eventOutcome =
      name === 'joinEvent'
        ? this.answer({ kind: 'rsvp', eventId, requestKey: `r${this.startRevision}.${eventId}` })
        : this.answer({ kind: 'leaveEvent', eventId });
  }

  /** bookSlot: asks the service to book (before the step commits) and keeps the outcome for `divert`. */
  private book(): void {
    const v = this.session.vars;
    if (!v.serviceId || !v.date || !v.time) {
      this.bookOutcome = { kind: 'book', ok: false, reason: 'invalid', message: '' };
      return;
    }
    const changingId = v.changing && v.bookingId ? v.bookingId : undefined;
    const slot = `${v.serviceId}.${v.date}T${v.time}`;
    this.bookOutcome = this.answer({
      kind: 'book',
      requestKey: `r${this.startRevision}.${slot}${changingId ? `.c${changingId}` : ''}`,
      serviceId: v.serviceId,
      date: v.date,
      time: v.time,
      contact: v.contact ?? 'line',
      ...(v.topic && this.ctx.booking?.consentGiven ? { topic: v.topic } : {}),
      ...(changingId ? { changingId } : {}),
    });
    if (this.bookOutcome?.kind === 'book' && this.bookOutcome.ok) {
      v.bookingId = this.bookOutcome.bookingId;
      v.changing = false;
    }
  }

  /** Loaded data for a need, or undefined (and the need is recorded for the service). */
  private answer(need: BookingNeed): BookingAnswer | undefined;
  private answer(need: EventNeed): EventAnswer | undefined;
  private answer(need: Need): Answer | undefined {
    const key = needKey(need);
    const found = this.ctx.booking?.answers.get(key);
    if (!found && !this.needs.some((n) => needKey(n) === key)) this.needs.push(need);
    return found;
  }

  private dynamic(node: FlowNode): { options: BookingOption[]; dateRange?: { min: string; max: string } } {
    const source = node.choicesFrom?.source;
    const v = this.session.vars;
    const page = v.page ?? 0;
    let found: Answer | undefined;
    if (source === 'services') found = this.answer({ kind: 'services' });
    else if (source === 'bookings') found = this.answer({ kind: 'bookings' });
    else if (source === 'days' && v.serviceId) found = this.answer({ kind: 'days', serviceId: v.serviceId });
    else if (source === 'times' && v.serviceId && v.date) found = this.answer({ kind: 'times', serviceId: v.serviceId, date: v.date });
    else if (source === 'eventAreas') found = this.answer({ kind: 'eventAreas', page });
    else if (source === 'eventKinds') found = this.answer({ kind: 'eventKinds', page });
    else if (source === 'noticeAreas') found = this.answer({ kind: 'noticeAreas', page, selected: v.noticeAreas ?? [] });
    else if (source === 'noticeKinds') found = this.answer({ kind: 'noticeKinds', page, selected: v.noticeKinds ?? [] });
    if (found?.kind !== 'options') return { options: [] };
    return { options: found.options.slice(0, DYNAMIC_LIMITS[source!]), ...('dateRange' in found && found.dateRange ? { dateRange: found.dateRange } : {}) };
  }

  private searchResults(): EventCard[] {
    const v = this.session.vars;
    const when = v.eventWhen ?? 'month';
    const found = this.answer({
      kind: 'eventSearch',
      area: v.eventArea ?? '*',
      kinds: v.eventKinds ?? [],
      when,
      ...(when === 'date' && v.date ? { date: v.date } : {}),
    });
    return found?.kind === 'events' ? found.cards : [];
  }

  private myEvents(): EventCard[] {
    const found = this.answer({ kind: 'myEvents' });
    return found?.kind === 'events' ? found.cards : [];
  }

  private tappedEvent(): Extract<EventAnswer, { kind: 'event' }> | undefined {
    const eventId = this.session.vars.eventId;
    const found = eventId ? this.answer({ kind: 'event', eventId }) : undefined;
    return found?.kind === 'event' ? found : undefined;
  }

  private holds(when: DivertCondition, node: FlowNode): boolean {
    const v = this.session.vars;
    switch (when) {
      case 'noDepartmentService':
        return !v.serviceId;
      case 'bookingFailed':
        return this.bookOutcome?.kind === 'book' && !this.bookOutcome.ok;
      case 'noChoices':
        return this.dynamic(node).options.length === 0;
      case 'noConsent':
        return !this.ctx.booking?.consentGiven;
      case 'changing':
        return v.changing === true;
      case 'noEvents':
        return this.searchResults().length === 0;
      case 'noMyEvents':
        return this.myEvents().length === 0;
      case 'eventClosed': {
        const tapped = this.tappedEvent();
        return !tapped?.card || tapped.closed !== null;
      }
      case 'noticesOff': {
        const found = this.answer({ kind: 'noticeSettings' });
        return found?.kind === 'noticeSettings' && !found.optedIn;
      }
      case 'noNoticeAreas':
        return !v.noticeAreas?.length;
      case 'noNoticeKinds':
        return !v.noticeKinds?.length;
    }
  }

  /** Booking outputs the engine fills from loaded data; everything else is said as written. */
  private resolve(out: Out): Out[] {
    if (out.type === 'bookingList') {
      const lines = this.dynamic({ say: [], choicesFrom: { source: 'bookings', next: '' } }).options.map((o) => o.line ?? o.label);
      return lines.length ? [{ type: 'text', text: lines.join('\n') }] : [];
    }
    if (out.type === 'bookingFailure') {
      const o = this.bookOutcome;
      return o?.kind === 'book' && !o.ok && o.message ? [{ type: 'text', text: o.message }] : [];
    }
    return this.resolveEvent(out);
  }

  private resolveEvent(out: Out): Out[] {
    switch (out.type) {
      case 'eventResults': {
        const cards = this.searchResults();
        return cards.length ? [{ type: 'eventCards', cards }] : [];
      }
      case 'myEvents': {
        const cards = this.myEvents();
        return cards.length ? [{ type: 'eventCards', cards }] : [];
      }
      case 'eventDetails': {
        const card = this.tappedEvent()?.card;
        return card ? [{ type: 'eventCards', cards: [card], detailed: true }] : [];
      }
      case 'eventClosed': {
        const closed = this.tappedEvent()?.closed;
        return closed ? [{ type: 'text', text: closed }] : [];
      }
      case 'eventOutcome': {
        const o = this.eventOutcome;
        if (o?.kind !== 'eventOutcome') return [];
        return [{ type: 'text', text: o.message }, ...(o.card ? [{ type: 'eventCards' as const, cards: [o.card] }] : [])];
      }
      case 'noticeSummary': {
        const found = this.answer({ kind: 'noticeSettings' });
        return found?.kind === 'noticeSettings' ? [{ type: 'text', text: found.summary }] : [];
      }
      default:
        return [out];
    }
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
      if (node.useDepartmentService) {
        const v = this.session.vars;
        const prefer = [v.route, v.areaId].filter((p): p is string => Boolean(p));
        const found = this.answer({ kind: 'departmentService', category: v.category ?? 'other', prefer });
        if (found?.kind === 'departmentService' && found.serviceId) v.serviceId = found.serviceId;
        else delete v.serviceId;
      }
      if (node.useSuggestedKinds) {
        const found = this.answer({ kind: 'suggestedKinds', category: this.session.vars.category ?? 'other' });
        this.session.vars.eventKinds = found?.kind === 'suggestedKinds' ? found.kinds : [];
      }
      if (node.useNoticeSettings) {
        const found = this.answer({ kind: 'noticeSettings' });
        this.session.vars.noticeAreas = found?.kind === 'noticeSettings' ? found.areas : [];
        this.session.vars.noticeKinds = found?.kind === 'noticeSettings' ? found.kinds : [];
      }
      const diverted = node.divert?.find((d) => this.holds(d.when, node));
      if (diverted) {
        target = diverted.to;
        continue;
      }
      const arriving = this.arrivingText;
      this.arrivingText = undefined;
      const picked = arriving ? this.keywordChoice(node, arriving) : undefined;
      if (picked) return this.take(picked);
      this.outbox.push(...node.say.flatMap((out) => this.resolve(out)));
      for (const name of node.effects ?? []) {
        if (isPreStepEffect(name)) this.preStep(name);
        else this.effects.push({ name, vars: { ...this.session.vars } });
      }
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
    const range = node.choicesFrom?.source === 'days' ? this.dynamic(node).dateRange : undefined;
    this.choices = this.choicesOf(node).map((c) => ({
      label: c.label,
      data: encodePostback(
        'intent' in c
          ? { kind: 'global', intent: c.intent }
          : { kind: 'choice', flowId: s.flowId, version: s.flowVersion, nodeId: s.nodeId, revision, choiceId: c.id },
      ),
      ...('picker' in c && c.picker === 'date' ? { picker: { mode: 'date' as const, ...(range ? { min: range.min, max: range.max } : {}) } } : {}),
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
    const from = node.choicesFrom;
    const here = `${this.session.flowId}:${this.session.nodeId}`;
    const fromData: NodeChoice[] = from
      ? this.dynamic(node).options.map((o) => ({
          id: `${DYNAMIC_PREFIX[from.source]}.${o.id}`,
          label: o.label,
          next: o.again ? here : from.next,
          set: o.set,
        }))
      : [];
    return [...fromAreas, ...fromData, ...(node.choices ?? [])];
  }

  private resetConsultation(): void {
    const { distressNoteAt } = this.session.vars;
    this.session.vars = { misses: 0, ...(distressNoteAt === undefined ? {} : { distressNoteAt }) };
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
