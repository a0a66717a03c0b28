import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import type { EffectName } from '../engine/effects';
import type { EffectCall } from '../engine/step';
import { cases, consentEvents, residents, type ConsentState, type Resident } from '../db/schema';
import type { Db } from '../db/types';
import { routeFor } from '../profile/lookup';
import type { CouncilProfile } from '../profile/schema';

export interface EffectContext {
  db: Db;
  profile: CouncilProfile;
  resident: Resident;
  call: EffectCall;
  now: Date;
  webhookEventId: string | null;
  /** The resident's words that may be kept (consent given, or a crisis), if any. */
  keptText?: string;
}

type Effect = (ctx: EffectContext) => BatchItem<'sqlite'>[];

// Effects are database writes returned as queries, so they commit in the same batch
// as the conversation step and the reply: all of it happens, or none of it.
export const effects: Record<EffectName, Effect> = {
  recordConsent: (ctx) => consent(ctx, 'given'),
  declineConsent: (ctx) => consent(ctx, 'declined'),
  withdrawConsent: (ctx) => consent(ctx, 'withdrawn'),
  openCase: (ctx) => [openCase(ctx)],
  requestHuman: ({ db, resident, now }) => [
    db
      .update(cases)
      .set({ status: 'waiting', waitingSince: sql`coalesce(${cases.waitingSince}, ${now.getTime()})`, updatedAt: now })
      // A case a counselor already has stays with them.
      .where(and(eq(cases.residentId, resident.id), inArray(cases.status, ['open', 'waiting']))),
  ],
};

function consent({ db, profile, resident, now, webhookEventId }: EffectContext, decision: ConsentState) {
  const noticeVersion = profile.privacy.noticeVersion;
  return [
    db.update(residents).set({ consent: decision, consentNoticeVersion: noticeVersion, consentAt: now }).where(eq(residents.id, resident.id)),
    db.insert(consentEvents).values({ id: crypto.randomUUID(), residentId: resident.id, decision, noticeVersion, webhookEventId, at: now }).onConflictDoNothing(),
  ];
}

const URGENCY_RANK = sql`case ${cases.urgency} when 'crisis' then 2 when 'urgent' then 1 else 0 end`;
const STAFF_OWNS = sql`(${cases.status} = 'claimed' or ${cases.staffRouted})`;
const EXCLUDED_RANK = sql`case excluded.urgency when 'crisis' then 2 when 'urgent' then 1 else 0 end`;

/** Opens the resident's case, or brings their open case up to date (urgency only ever rises). */
function openCase({ db, profile, resident, call, now, keptText }: EffectContext) {
  const { vars } = call;
  const prefer = [vars.route, vars.areaId].filter((p): p is string => Boolean(p));
  const department = routeFor(profile, vars.category ?? 'other', prefer);
  const crisisKinds = call.crisis?.length ? call.crisis.join(',') : null;
  return db
    .insert(cases)
    .values({
      id: crypto.randomUUID(),
      residentId: resident.id,
      category: vars.category ?? 'other',
      urgency: vars.urgency ?? 'normal',
      crisisKinds,
      departmentId: department.id,
      areaId: vars.areaId ?? null,
      status: 'open',
      summary: keptText ?? null,
      note: vars.note ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: cases.residentId,
      targetWhere: sql`status <> 'closed'`,
      set: {
        // A request for a person without a topic keeps what the case already knows; so does a
        // case a counselor has or routed (staff decisions win over the bot's guesses).
        category: vars.category ? sql`case when ${STAFF_OWNS} then ${cases.category} else excluded.category end` : sql`${cases.category}`,
        departmentId: vars.category
          ? sql`case when ${STAFF_OWNS} then ${cases.departmentId} else excluded.department_id end`
          : sql`${cases.departmentId}`,
        urgency: sql`case when ${EXCLUDED_RANK} > ${URGENCY_RANK} then excluded.urgency else ${cases.urgency} end`,
        crisisKinds: sql`coalesce(excluded.crisis_kinds, ${cases.crisisKinds})`,
        areaId: sql`coalesce(excluded.area_id, ${cases.areaId})`,
        // The resident's words accumulate, so no one has to ask again what was already said.
        summary: sql`case when excluded.summary is null then ${cases.summary} when ${cases.summary} is null then excluded.summary
          else substr(${cases.summary} || char(10) || excluded.summary, 1, 4000) end`,
        note: sql`coalesce(excluded.note, ${cases.note})`,
        updatedAt: now,
      },
    });
}
