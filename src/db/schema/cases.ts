import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CATEGORIES, URGENCIES } from '../../engine/taxonomy';
import { residents } from './residents';

/**
 * open: the bot is handling it · waiting: in the counselor queue · claimed: a counselor
 * has it (the bot steps aside) · closed: done (the bot takes over again).
 */
export const CASE_STATUSES = ['open', 'waiting', 'claimed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** 解決 / 他機関につないだ / 継続支援 / 連絡がつかない */
export const CASE_OUTCOMES = ['resolved', 'referred', 'ongoing', 'unreachable'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

// Queue order is crisis, urgent, normal; urgency is text, so its order is a column the index can hold.
const URGENCY_ORDER = sql`case "urgency" when 'crisis' then 0 when 'urgent' then 1 else 2 end`;

// One shared record per consultation, across departments: at most one case per
// resident is not closed, so the next department sees what was already said.
export const cases = sqliteTable(
  'cases',
  {
    id: text('id').primaryKey(),
    residentId: text('resident_id')
      .notNull()
      .references(() => residents.id),
    /** The bot's category, or the counselor's correction once closed. */
    category: text('category', { enum: CATEGORIES }).notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    /** 0 crisis, 1 urgent, 2 normal (generated from urgency). */
    urgencyOrder: integer('urgency_order').generatedAlwaysAs(URGENCY_ORDER, { mode: 'virtual' }),
    /** Crisis kinds raised (comma-separated), so counselors see which hotlines were given. */
    crisisKinds: text('crisis_kinds'),
    departmentId: text('department_id').notNull(),
    areaId: text('area_id'),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    /** The resident's own words; only with consent, or on the crisis path. */
    summary: text('summary'),
    note: text('note'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    /** When the resident asked for a person (queue order within an urgency); kept on release and transfer. */
    waitingSince: integer('waiting_since', { mode: 'timestamp_ms' }),
    /** Staff user id (staff_users.id) of the counselor who has, or last had, the case. */
    assigneeId: text('assignee_id'),
    claimedAt: integer('claimed_at', { mode: 'timestamp_ms' }),
    /** The first counselor reply LINE accepted. */
    firstResponseAt: integer('first_response_at', { mode: 'timestamp_ms' }),
    /** Staff chose the department (transfer): the bot's later guesses no longer move the case. */
    staffRouted: integer('staff_routed', { mode: 'boolean' }).notNull().default(false),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    /** The bot's category when a counselor closed the case with a corrected one (for classifier review). */
    triageCategory: text('triage_category', { enum: CATEGORIES }),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    closedBy: text('closed_by'),
    /**
     * The reply token of the resident's latest message while a counselor has the case
     * (the bot did not use it); a counselor's answer within LINE's window goes as a reply.
     */
    replyToken: text('reply_token'),
    replyTokenAt: integer('reply_token_at', { mode: 'timestamp_ms' }),
    /**
     * Set by every counselor action's conditional UPDATE: the other writes in the same
     * batch (notes, the hand-back step, the delivery) check it, so they happen only if
     * that action won.
     */
    lastActionId: text('last_action_id'),
  },
  (t) => [
    uniqueIndex('cases_one_open_per_resident').on(t.residentId).where(sql`status <> 'closed'`),
    index('cases_queue_idx').on(t.status, t.urgencyOrder, t.waitingSince),
    index('cases_assignee_idx').on(t.assigneeId, t.status, t.urgencyOrder, t.waitingSince),
    index('cases_claimed_idx').on(t.claimedAt),
    index('cases_created_idx').on(t.createdAt),
    index('cases_resident_idx').on(t.residentId, t.createdAt),
  ],
);

export type CaseRow = typeof cases.$inferSelect;
