// Availability for 20 bookable services over 90 days, computed in one go the way
// a staff week view or a resident's date picker would: the profile's schedules,
// holidays, 年末年始, staff closures and seats already taken. Figures are
// printed, never asserted (target from issue 5: under 20 ms).
//
//   npm run bench:availability -- [--runs 500] [--days 90]
import { parseArgs } from 'node:util';
import { nerimaProfile } from '../flows/profiles/nerima';
import { availableSlots, wholeDayClosure, type Closure, type TakenSeat } from '../src/booking/availability';
import { bookableServices } from '../src/booking/service';
import { parseCouncilProfile } from '../src/profile/parse';
import { addIsoDays, tokyoDate, WEEKDAYS, type Weekday } from '../src/time/tokyo';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '500' }, days: { type: 'string', default: '90' } } });
const RUNS = Number(values.runs);
const DAYS = Number(values.days);

/** Deterministic, so runs are comparable. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const rand = prng(7);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

// Realistic services on the Nerima departments: weekly interviews (some split days),
// monthly expert consultations and dated sessions, 30–60 minute slots, 1–3 seats.
const OPEN_DEPTS = nerimaProfile.departments.filter((d) => !d.activatedOnly);
function generateService(i: number) {
  const dept = OPEN_DEPTS[i % OPEN_DEPTS.length]!;
  const open = WEEKDAYS.filter((d) => !dept.closedWeekdays.includes(d));
  const slotMinutes = pick([30, 45, 60]);
  const base = {
    id: `bench-${i}`,
    name: `相談 ${i}`,
    departmentId: dept.id,
    place: { address: dept.address ?? nerimaProfile.council.address },
    slotMinutes,
    seatsPerSlot: pick([1, 1, 1, 2, 3]),
    bookAheadDays: 90,
    minNoticeHours: pick([0, 2, 24]),
  };
  const kind = i % 4;
  if (kind === 3) {
    const day: Weekday = pick(open);
    return { ...base, monthly: [{ nth: 1 + (i % 4), weekday: day, from: '13:30', to: '16:30', maxSlots: 3 }, { nth: 3, weekday: day, from: '10:00', to: '12:00' }] };
  }
  if (kind === 2) {
    const sessions = Array.from({ length: 6 }, (_, k) => ({ date: addIsoDays('2026-11-02', k * 14 + (i % 5)), from: '13:00', to: '16:00' }))
      .filter((s) => !['12-29', '12-30', '12-31', '01-01', '01-02', '01-03'].includes(s.date.slice(5)));
    return { ...base, sessions: sessions.filter((s) => !['2026-11-03', '2026-11-23', '2027-01-11'].includes(s.date)) };
  }
  const days = open.filter(() => rand() < 0.6);
  const weekly = Object.fromEntries(
    (days.length > 0 ? days : [open[0]!]).map((d) => [d, kind === 1 ? [{ from: '09:00', to: '12:00' }, { from: '13:00', to: '17:00' }] : [{ from: '09:00', to: '19:00' }]]),
  );
  return { ...base, weekly };
}

const profile = parseCouncilProfile({ ...nerimaProfile, bookableServices: Array.from({ length: 20 }, (_, i) => generateService(i)) }, 'bench');
const services = bookableServices(profile);

const now = tokyoDate('2026-11-02', '08:00');
const from = now;
const to = tokyoDate(addIsoDays('2026-11-02', DAYS));
const closures: Closure[] = [
  wholeDayClosure('2026-11-18', { departmentId: 'kirara' }),
  wholeDayClosure('2026-12-10'),
  { serviceId: 'bench-1', start: tokyoDate('2026-11-12', '13:00'), end: tokyoDate('2026-11-12', '17:00') },
];
// Roughly a third of the seats of the first month already taken.
const taken: TakenSeat[] = services.flatMap((s) =>
  availableSlots(s, { from, to: tokyoDate('2026-12-02'), now, closures })
    .filter(() => rand() < 0.33)
    .map((slot) => ({ serviceId: s.id, slotStart: slot.start })),
);

function computeAll(): number {
  let count = 0;
  for (const s of services) count += availableSlots(s, { from, to, now, closures, taken }).length;
  return count;
}

const cold0 = performance.now();
computeAll();
const cold = performance.now() - cold0;
for (let i = 0; i < 20; i++) computeAll(); // warm-up (JIT, holiday cache)
const times: number[] = [];
let slots = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  slots = computeAll();
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(
  `availability: ${services.length} services × ${DAYS} days → ${slots} open slots (${taken.length} seats taken, ${closures.length} closures), ${RUNS} runs`,
);
console.log(`  p50 ${q(0.5).toFixed(2)} ms · p99 ${q(0.99).toFixed(2)} ms · max ${times.at(-1)!.toFixed(2)} ms   (target: under 20 ms); first cold run ${cold.toFixed(2)} ms`);
