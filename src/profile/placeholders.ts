import type { CouncilProfile } from './schema';

const VALUES = {
  'council.name': (p: CouncilProfile) => p.council.name,
  'council.shortName': (p: CouncilProfile) => p.council.shortName,
  'council.phone': (p: CouncilProfile) => p.council.phone,
  'account.replyNote': (p: CouncilProfile) => p.accountHours.replyNote,
} as const;

/** Filled from the booking in the session (the renderer computes them; see src/line/render.ts). */
export const BOOKING_PLACEHOLDERS = ['booking.service', 'booking.date', 'booking.time'] as const;
export type BookingPlaceholders = Partial<Record<(typeof BOOKING_PLACEHOLDERS)[number], string>>;

/** The {placeholders} flow copy may use; flow validation checks against this list. */
export const PLACEHOLDERS = [...Object.keys(VALUES), ...BOOKING_PLACEHOLDERS];

export function fillPlaceholders(text: string, profile: CouncilProfile, booking: BookingPlaceholders = {}): string {
  return text.replace(/\{([a-zA-Z.]+)\}/g, (whole, key: string) =>
    key in VALUES ? VALUES[key as keyof typeof VALUES](profile) : (booking[key as keyof BookingPlaceholders] ?? whole),
  );
}
