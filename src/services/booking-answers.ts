// Loads what the conversation engine asked for while stepping (see src/engine/booking.ts):
// bookable services, open days and times, the resident's bookings, and booking attempts.
import { nextOpenDays, bookingRange } from '../booking/availability';
import { closureFromRow, listClosures, loadAvailableSlots, takenSeats, upcomingBookings } from '../booking/bookings';
import { bookableServices, findBookableService } from '../booking/service';
import { DYNAMIC_LIMITS, type BookingAnswer, type BookingNeed, type BookingOption } from '../engine/booking';
import { routeFor } from '../profile/lookup';
import type { Category } from '../engine/taxonomy';
import { addIsoDays, formatTokyo, tokyoDate, tokyoParts } from '../time/tokyo';
import { preStepEffects, type PreStepContext } from './effects';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const label20 = (s: string): string => ([...s].length > 20 ? `${[...s].slice(0, 19).join('')}…` : s);
const options = (list: BookingOption[], dateRange?: { min: string; max: string }): BookingAnswer => ({
  kind: 'options',
  options: list,
  ...(dateRange ? { dateRange } : {}),
});

export async function answerNeed(ctx: PreStepContext, need: BookingNeed): Promise<BookingAnswer> {
  const { db, profile, resident, now } = ctx;
  switch (need.kind) {
    case 'services':
      return options(
        bookableServices(profile)
          .slice(0, DYNAMIC_LIMITS.services)
          .map((s) => ({ id: s.id, label: label20(s.name), set: { serviceId: s.id } })),
      );
    case 'departmentService': {
      const dept = routeFor(profile, need.category as Category, need.prefer);
      return { kind: 'departmentService', serviceId: bookableServices(profile).find((s) => s.departmentId === dept.id)?.id ?? null };
    }
    case 'days': {
      const service = findBookableService(profile, need.serviceId);
      if (!service) return options([]);
      const { earliest, latest } = bookingRange(service, now);
      const range = { from: now, to: latest };
      const [closures, taken] = await Promise.all([listClosures(db, range), takenSeats(db, [service.id], range)]);
      const days = nextOpenDays(service, now, DYNAMIC_LIMITS.days, { closures: closures.map(closureFromRow), taken });
      const dateRange = { min: tokyoParts(earliest).isoDate, max: addIsoDays(tokyoParts(latest).isoDate, -1) };
      return options(
        days.map((d) => ({ id: d.date, label: formatTokyo(tokyoDate(d.date), 'M月D日(ddd)'), set: { date: d.date } })),
        dateRange,
      );
    }
    case 'times': {
      const service = findBookableService(profile, need.serviceId);
      if (!service || !ISO_DATE.test(need.date)) return options([]);
      const from = tokyoDate(need.date);
      if (Number.isNaN(from.getTime())) return options([]);
      const slots = await loadAvailableSlots(db, service, { from, to: tokyoDate(addIsoDays(need.date, 1)), now });
      return options(
        slots.slice(0, DYNAMIC_LIMITS.times).map((s) => {
          const time = formatTokyo(s.start, 'HH:mm');
          return { id: time, label: formatTokyo(s.start, 'H:mm'), set: { time } };
        }),
      );
    }
    case 'bookings': {
      const rows = await upcomingBookings(db, resident.id, now);
      return options(
        rows.slice(0, DYNAMIC_LIMITS.bookings).map((b) => {
          const service = findBookableService(profile, b.serviceId);
          const name = service?.name ?? '（終了した相談）';
          return {
            id: b.id,
            label: formatTokyo(b.slotStart, 'M月D日(ddd) H:mm'),
            line: `・${formatTokyo(b.slotStart)}〜${formatTokyo(b.slotEnd, 'H:mm')}　${name}`,
            set: {
              bookingId: b.id,
              serviceId: b.serviceId,
              date: tokyoParts(b.slotStart).isoDate,
              time: formatTokyo(b.slotStart, 'HH:mm'),
              contact: b.contact,
            },
          };
        }),
      );
    }
    case 'book':
      return preStepEffects.bookSlot(ctx, need);
  }
}
