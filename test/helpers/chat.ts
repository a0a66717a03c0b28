import { desc, eq } from 'drizzle-orm';
import { followEvent, postbackEvent, textMessageEvent } from '../../src/dev/simulator/events';
import { latestSession } from '../../src/db/repos/conversation-steps';
import { cases, residents } from '../../src/db/schema';
import type { TestServer } from './test-server';

type Json = Record<string, unknown>;

/** What the bot sent back for one resident action, as LINE message objects. */
export class Reply {
  constructor(readonly messages: Json[]) {}

  /** Every text a resident can read in this reply (texts, Flex/template alt text and contents). */
  get text(): string {
    return this.messages.map((m) => collectText(m)).join('\n');
  }

  /** Quick-reply labels on the last message. */
  get choices(): string[] {
    const items = ((this.messages.at(-1)?.quickReply as Json | undefined)?.items ?? []) as { action: Json }[];
    return items.map((i) => String(i.action.label));
  }

  /** The postback of a Flex button (e.g. 参加する) on the card whose text contains `card` (any card when omitted). */
  button(label: string, card?: string): Json {
    const bubbles = this.messages
      .filter((m) => m.type === 'flex')
      .flatMap((m) => {
        const contents = m.contents as Json;
        return contents.type === 'carousel' ? (contents.contents as Json[]) : [contents];
      })
      .filter((b) => card === undefined || collectText(b).includes(card));
    const found = bubbles.flatMap((b) => flexButtons(b)).find((a) => a.label === label);
    if (!found) throw new Error(`No button "${label}"${card ? ` on the card "${card}"` : ''}`);
    return found;
  }

  action(label: string): Json {
    const items = ((this.messages.at(-1)?.quickReply as Json | undefined)?.items ?? []) as { action: Json }[];
    const found = items.find((i) => i.action.label === label);
    if (!found) throw new Error(`No choice "${label}" in: ${this.choices.join(' / ')}`);
    return found.action;
  }
}

function flexButtons(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(flexButtons);
  if (!value || typeof value !== 'object') return [];
  const o = value as Json;
  const own = o.type === 'button' ? [o.action as Json] : [];
  return [...own, ...Object.values(o).flatMap(flexButtons)];
}

function collectText(value: unknown): string {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return value.map(collectText).filter(Boolean).join('\n');
  if (value && typeof value === 'object') {
    const o = value as Json;
    const own = ['text', 'altText', 'label'].filter((k) => typeof o[k] === 'string').map((k) => o[k] as string);
    const nested = Object.entries(o)
      .filter(([k]) => k !== 'quickReply')
      .map(([, v]) => collectText(v));
    return [...own, ...nested].filter(Boolean).join('\n');
  }
  return '';
}

/** A simulated resident talking to the real server: tests read like the conversation. */
export class Chat {
  private seen = 0;
  last = new Reply([]);

  constructor(
    readonly server: TestServer,
    readonly userId: string,
  ) {}

  static async open(server: TestServer, options: { displayName?: string; follow?: boolean } = {}): Promise<Chat> {
    const chat = new Chat(server, server.newResident(options.displayName ?? '練馬 はなこ'));
    if (options.follow ?? true) await chat.follow();
    return chat;
  }

  follow() {
    return this.send(followEvent(this.userId, this.token(), false, this.now()));
  }

  say(text: string) {
    return this.send(textMessageEvent(this.userId, this.token(), text, this.now()));
  }

  /** Taps a quick reply of the latest reply (or of an earlier one, to test stale buttons). */
  tap(label: string, reply: Reply = this.last) {
    const action = reply.action(label);
    if (action.type === 'message') return this.say(String(action.text));
    return this.send(postbackEvent(this.userId, this.token(), String(action.data), undefined, this.now()));
  }

  /** Presses a postback button on a Flex card of a reply (the latest by default), like 参加する. */
  press(label: string, options: { card?: string; reply?: Reply } = {}) {
    const action = (options.reply ?? this.last).button(label, options.card);
    return this.send(postbackEvent(this.userId, this.token(), String(action.data), undefined, this.now()));
  }

  /** Picks a day in a date-picker quick reply (LINE sends params.date with the postback). */
  pickDate(label: string, date: string, reply: Reply = this.last) {
    const action = reply.action(label);
    if (action.type !== 'datetimepicker') throw new Error(`"${label}" is a ${String(action.type)}, not a date picker`);
    return this.send(postbackEvent(this.userId, this.token(), String(action.data), { date }, this.now()));
  }

  async session() {
    return latestSession(this.server.deps.db, (await this.resident()).id);
  }

  async resident() {
    const [row] = await this.server.deps.db.select().from(residents).where(eq(residents.lineUserId, this.userId));
    if (!row) throw new Error('resident not stored');
    return row;
  }

  async openCase() {
    const [row] = await this.server.deps.db
      .select()
      .from(cases)
      .where(eq(cases.residentId, (await this.resident()).id))
      .orderBy(desc(cases.createdAt))
      .limit(1);
    return row;
  }

  private token() {
    return this.server.emulator.issueReplyToken(this.userId);
  }

  private now() {
    return this.server.deps.clock.now().getTime();
  }

  private async send(event: object): Promise<Reply> {
    const status = await this.server.post([event]);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    await this.server.drain();
    const deliveries = this.server.emulator.inbox(this.userId).slice(this.seen);
    this.seen += deliveries.length;
    this.last = new Reply(deliveries.flatMap((d) => d.messages as Json[]));
    return this.last;
  }
}
