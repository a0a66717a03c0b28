// The effects a flow may name. Each has one implementation in src/services/effects.ts,
// whose registry is typed by this list, so a flow cannot name an effect that does not exist.
//
// Most effects are database writes committed in the step's own batch. bookSlot cannot be:
// a seat is taken by a conditional INSERT whose outcome (booked, or full) decides what the
// resident is told. So it runs *before* the step commits, as a service call the engine asks
// for (a BookingNeed) and whose result it receives as input; its request key makes running it
// again (a conflicting step, a redelivered event, a double tap) return the same booking.
export const BATCH_EFFECTS = [
  'recordConsent',
  'declineConsent',
  'withdrawConsent',
  'openCase',
  'requestHuman',
  'cancelBooking',
  'saveNoticeSettings',
  'stopNotices',
] as const;
// joinEvent and leaveEvent likewise: whether a seat was free, and whom a freed seat goes to, decide the answer.
export const PRE_STEP_EFFECTS = ['bookSlot', 'joinEvent', 'leaveEvent'] as const;
export const EFFECT_NAMES = [...BATCH_EFFECTS, ...PRE_STEP_EFFECTS] as const;
export type EffectName = (typeof EFFECT_NAMES)[number];
export type BatchEffectName = (typeof BATCH_EFFECTS)[number];
export type PreStepEffectName = (typeof PRE_STEP_EFFECTS)[number];
export const isPreStepEffect = (name: EffectName): name is PreStepEffectName => (PRE_STEP_EFFECTS as readonly string[]).includes(name);
