import { asc, sql } from 'drizzle-orm';
import { loadProfile } from '../../flows/profiles';
import { connectNodeDatabase } from '../db/connect-node';
import { migrateDatabase } from '../db/migrate';
import { bookings, cases } from '../db/schema';
import type { Db } from '../db/types';
import { ConfigError, parseEnv } from '../env';
import type { CouncilProfile } from '../profile/schema';
import { tokyoIsoOrNull as time } from '../time/iso';
import { exportBroadcasts } from './export-broadcasts';
import { exportEvents } from './export-events';

// `npm run -s export -- <kind>`: JSON Lines for the council's reports, from the
// database DATABASE_URL names (like the server). No consultation text is exported.

const HELP = `使い方 / Usage: npm run -s export -- <kind>
  cases   相談（ケース）を1行1件の JSON で出力します / one JSON line per case
          status, assignee（担当者ID）, outcome（resolved 解決 / referred 他機関につないだ / ongoing 継続支援 /
          unreachable 連絡がつかない）, claimed_at, closed_at, first_response_seconds（相談員を希望してから
          最初の返信まで）など / status, assignee, outcome, claimed_at, closed_at, first_response_seconds
          (from asking for a person to the first counselor reply), …
  bookings 予約を1行1件の JSON で出力します / one JSON line per booking
          service（予約の種類）, department, slot_start, slot_end, seat, status（booked 予約中 / cancelled
          キャンセル / attended 来所 / no_show 来所なし）, contact（line / phone）, created_at, cancelled_at。
          相談内容・お名前・電話番号は含みません / no topic, names or phone numbers
  events  イベントを1行1件の JSON で出力します / one JSON line per event
          kind（種類）, area（地区）, starts_at, ends_at, status（draft 下書き / published 公開中 / cancelled 中止）,
          capacity（定員、null は制限なし）, going（参加）, waitlisted（キャンセル待ち）など。参加者の情報は含みません /
          kind, area, start and end, status, capacity, going, waitlisted, …; nothing about who joined
  broadcasts 一斉配信を1行1件の JSON で出力します / one JSON line per broadcast
          kind（notice お知らせ / disaster 災害）, status（scheduled 予約 / sending 送信中 / paused 一時停止 /
          done 完了 / cancelled 中止）, audience（宛先）, recipient_count, sent, skipped（ブロック）, failed,
          remaining, scheduled_at など。受け取った方の情報は含みません / kind, status, audience, counts,
          times; nothing about who received it
`;

type Exporter = (db: Db, profile: CouncilProfile, write: (row: object) => void) => Promise<void>;

/** From asking for a person (waiting_since) to the first counselor reply LINE accepted. */
const secondsBetween = (from: Date | null, to: Date | null) => (from && to ? Math.round((to.getTime() - from.getTime()) / 1000) : null);

const exporters: Record<string, Exporter> = {
  async cases(db, profile, write) {
    const names = new Map(profile.departments.map((d) => [d.id, d.name]));
    const rows = await db.select().from(cases).orderBy(asc(cases.createdAt), sql`rowid`);
    for (const c of rows) {
      write({
        id: c.id,
        created_at: time(c.createdAt),
        updated_at: time(c.updatedAt),
        category: c.category,
        urgency: c.urgency,
        crisis_kinds: c.crisisKinds ? c.crisisKinds.split(',') : [],
        department: c.departmentId,
        department_name: names.get(c.departmentId) ?? null,
        area: c.areaId,
        status: c.status,
        waiting_since: time(c.waitingSince),
        assignee: c.assigneeId,
        claimed_at: time(c.claimedAt),
        first_response_at: time(c.firstResponseAt),
        first_response_seconds: secondsBetween(c.waitingSince, c.firstResponseAt),
        outcome: c.outcome,
        triage_category: c.triageCategory,
        closed_at: time(c.closedAt),
        closed_by: c.closedBy,
      });
    }
  },

  async bookings(db, profile, write) {
    const services = new Map(profile.bookableServices.map((s) => [s.id, s]));
    const departments = new Map(profile.departments.map((d) => [d.id, d.name]));
    const rows = await db.select().from(bookings).orderBy(asc(bookings.slotStart), asc(bookings.createdAt), sql`rowid`);
    for (const b of rows) {
      const service = services.get(b.serviceId);
      write({
        id: b.id,
        service: b.serviceId,
        service_name: service?.name ?? null,
        department: service?.departmentId ?? null,
        department_name: service ? (departments.get(service.departmentId) ?? null) : null,
        slot_start: time(b.slotStart),
        slot_end: time(b.slotEnd),
        seat: b.seat,
        status: b.status,
        contact: b.contact,
        // Whether a LINE account is linked, not who: the resident id stays out of reports.
        has_line: b.residentId !== null,
        replaces: b.replacesId,
        created_at: time(b.createdAt),
        cancelled_at: time(b.cancelledAt),
      });
    }
  },

  events: exportEvents,

  broadcasts: exportBroadcasts,
};

async function main(kind: string | undefined): Promise<number> {
  if (!kind || kind === '-h' || kind === '--help' || !Object.hasOwn(exporters, kind)) {
    process.stderr.write(kind && !kind.startsWith('-') ? `Unknown export "${kind}".\n${HELP}` : HELP);
    return kind && !kind.startsWith('-') ? 2 : 0;
  }
  const env = parseEnv(process.env);
  const database = connectNodeDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    await database.ready;
    await migrateDatabase(database.db);
    await exporters[kind]!(database.db, loadProfile(env.COUNCIL_PROFILE), (row) => process.stdout.write(`${JSON.stringify(row)}\n`));
  } finally {
    database.close();
  }
  return 0;
}

main(process.argv[2]).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : 'Export failed'}\n`);
    process.exitCode = 1;
  },
);
