// The effects a flow may name. Each has one implementation in src/services/effects.ts,
// whose registry is typed by this list, so a flow cannot name an effect that does not exist.
export const EFFECT_NAMES = ['recordConsent', 'declineConsent', 'withdrawConsent', 'openCase', 'requestHuman'] as const;
export type EffectName = (typeof EFFECT_NAMES)[number];
