import { and, eq, inArray, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { bookSlot as bookSeat, changeBooking } from '../booking/bookings';
import { findBookableService } from '../booking/service';
import type { BookingAnswer, BookRequestNeed } from '../engine/booking';
import type { BatchEffectName, PreStepEffectName } from '../engine/effects';
import type { EventAnswer, EventNeed } from '../engine/events';
import type { EffectCall } from '../engine/step';
import { bookings, cases, consentEvents, residents, type ConsentState, type Resident } from '../db/schema';
import { tokyoDate } from '../time/tokyo';
import type { Db } from '../db/types';
import { routeFor } from '../profile/lookup';
import type { CouncilProfile } from '../profile/schema';
import { normalizeTopics, saveNoticeSettingsQueries, stopNoticesQueries } from '../notices/settings';
import { joinEventStep, leaveEventStep, type EventStepContext } from './event-rsvp';

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
export const effects: Record<BatchEffectName, Effect> = {
  // The same guarded UPDATE as cancelBooking (src/booking/bookings.ts): only the resident's own
  // booking, only while booked. It frees the seat in the same commit as "キャンセルしました".
  cancelBooking: ({ db, resident, call, now }) =>
    call.vars.bookingId
      ? [
          db
            .update(bookings)
            .set({ status: 'cancelled', cancelledAt: now, cancelledBy: null })
            .where(and(eq(bookings.id, call.vars.bookingId), eq(bookings.residentId, resident.id), eq(bookings.status, 'booked'))),
        ]
      : [],
  recordConsent: (ctx) => consent(ctx, 'given'),
  declineConsent: (ctx) => consent(ctx, 'declined'),
  withdrawConsent: (ctx) => consent(ctx, 'withdrawn'),
  openCase: (ctx) => [openCase(ctx)],
  // Only what the profile knows is stored; the flow does not let anyone save an empty choice.
  saveNoticeSettings: ({ db, profile, resident, call, now }) => {
    const areas = normalizeTopics(call.vars.noticeAreas ?? [], profile.areas.map((a) => a.id));
    const kinds = normalizeTopics(call.vars.noticeKinds ?? [], profile.eventKinds.map((k) => k.id));
    return areas.length && kinds.length ? saveNoticeSettingsQueries(db, resident.id, { areas, kinds }, now) : [];
  },
  stopNotices: ({ db, resident, now }) => stopNoticesQueries(db, resident.id, now),
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

export interface PreStepContext {
  db: Db;
  profile: CouncilProfile;
  resident: Resident;
  now: Date;
}

interface PreStepEffects extends Record<PreStepEffectName, unknown> {
  bookSlot: (ctx: PreStepContext, need: BookRequestNeed) => Promise<BookingAnswer>;
  joinEvent: (ctx: EventStepContext, need: Extract<EventNeed, { kind: 'rsvp' }>) => Promise<EventAnswer>;
  leaveEvent: (ctx: EventStepContext, need: Extract<EventNeed, { kind: 'leaveEvent' }>) => Promise<EventAnswer>;
}

// Effects whose outcome decides what the resident is told run before the step commits (see
// src/engine/effects.ts). Each must be safe to run again (a conflicting step, a redelivered event).
export const preStepEffects: PreStepEffects = {
  joinEvent: joinEventStep,
  leaveEvent: leaveEventStep,
  bookSlot: async ({ db, profile, resident, now }, need) => {
    const service = findBookableService(profile, need.serviceId);
    const slotStart = tokyoDate(need.date, need.time);
    if (!service || Number.isNaN(slotStart.getTime())) return { kind: 'book', ok: false, reason: 'invalid', message: '' };
    // One key per resident, confirmation screen (session revision) and slot.
    const requestKey = `line:${resident.id}:${need.requestKey}`;
    const result = need.changingId
      ? await changeBooking(db, service, { bookingId: need.changingId, newSlotStart: slotStart, requestKey, now, residentId: resident.id })
      : await bookSeat(db, service, {
          slotStart,
          requestKey,
          now,
          contact: need.contact,
          residentId: resident.id,
          // The engine passes the topic only with consent; check again here, where it is stored.
          topic: resident.consent === 'given' ? (need.topic ?? null) : null,
        });
    return result.ok
      ? { kind: 'book', ok: true, bookingId: result.booking.id }
      : { kind: 'book', ok: false, reason: result.reason, message: result.message };
  },
};
