// Fixed ids shared by flows, records, exports and tests (see DOMAIN.md).
export const CATEGORIES = [
  'money',
  'work',
  'elderly',
  'disability',
  'childcare',
  'isolation',
  'rights',
  'neighbor',
  'volunteer',
  'disaster',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const URGENCIES = ['crisis', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

// Which hotlines a crisis needs; a message may raise several.
export const CRISIS_KINDS = ['suicide', 'self_harm', 'child_abuse', 'dv', 'violence', 'emergency'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

export const isCategory = (v: unknown): v is Category => CATEGORIES.includes(v as Category);
export const isUrgency = (v: unknown): v is Urgency => URGENCIES.includes(v as Urgency);
