import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { ALL_TOPICS } from '../db/schema';
import type { CouncilProfile } from '../profile/schema';

/**
 * Who a broadcast goes to. 'segment': residents who opted in to notices and chose one of
 * these areas and one of these kinds (an empty list, or '*', means any); 'event': the people who
 * signed up for an event; 'all': everyone who opted in.
 */
export type Audience = { type: 'segment'; areas: string[]; kinds: string[] } | { type: 'event'; eventId: string } | { type: 'all' };

export const audienceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('segment'), areas: z.array(z.string().min(1)), kinds: z.array(z.string().min(1)) }),
  z.object({ type: z.literal('event'), eventId: z.string().min(1) }),
  z.object({ type: z.literal('all') }),
]) satisfies z.ZodType<Audience>;

/** Japanese, for staff: why this audience cannot be used with this council's profile; null when it can. */
export function audienceProblem(profile: CouncilProfile, audience: Audience): string | null {
  if (audience.type !== 'segment') return null;
  const areas = new Set(profile.areas.map((a) => a.id));
  const kinds = new Set(profile.eventKinds.map((k) => k.id));
  if (audience.areas.some((a) => a !== ALL_TOPICS && !areas.has(a))) return '地区の選び方が正しくありません。一覧から選んでください。';
  if (audience.kinds.some((k) => k !== ALL_TOPICS && !kinds.has(k))) return 'お知らせの種類の選び方が正しくありません。一覧から選んでください。';
  return null;
}

/**
 * A topic condition: the resident chose one of `values` on this dimension, or chose '*'
 * (every area / every kind). No values, or '*' among them, means staff did not narrow it.
 */
function wantsTopic(dimension: 'area' | 'kind', values: string[]): SQL {
  if (values.length === 0 || values.includes(ALL_TOPICS)) return sql`1 = 1`;
  return sql`exists (select 1 from notice_topics t where t.resident_id = r.id and t.dimension = ${dimension}
    and t.value in (${sql.join([ALL_TOPICS, ...values].map((v) => sql`${v}`), sql`, `)}))`;
}

const optedIn = sql`exists (select 1 from notice_settings n where n.resident_id = r.id and n.opted_in = 1)`;

/**
 * `select r.id from residents r where …` for the audience. Never anyone who blocked the
 * account (following = 0): LINE would drop the message and it would cost quota.
 */
export function audienceResidentIds(audience: Audience): SQL {
  switch (audience.type) {
    case 'all':
      return sql`select r.id from residents r where r.following = 1 and ${optedIn}`;
    case 'segment':
      return sql`select r.id from residents r where r.following = 1 and ${optedIn}
        and ${wantsTopic('area', audience.areas)} and ${wantsTopic('kind', audience.kinds)}`;
    case 'event':
      // They asked to join this event, so they hear about it (changes, cancellation) even
      // without opting in to general notices.
      return sql`select r.id from residents r where r.following = 1
        and exists (select 1 from event_rsvps e where e.resident_id = r.id and e.event_id = ${audience.eventId} and e.status <> 'cancelled')`;
  }
}

/** How many residents the audience reaches right now (the recipients a broadcast created now would freeze). */
export async function countAudience(deps: Deps, audience: Audience): Promise<number> {
  const rows = await deps.db.all<{ n: number }>(sql`select count(*) as n from (${audienceResidentIds(audience)})`);
  return Number(rows[0]?.n ?? 0);
}
