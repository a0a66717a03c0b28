import type { CouncilProfile } from './schema';

const VALUES = {
  'council.name': (p: CouncilProfile) => p.council.name,
  'council.shortName': (p: CouncilProfile) => p.council.shortName,
  'council.phone': (p: CouncilProfile) => p.council.phone,
  'account.replyNote': (p: CouncilProfile) => p.accountHours.replyNote,
} as const;

/** The {placeholders} flow copy may use; flow validation checks against this list. */
export const PLACEHOLDERS = Object.keys(VALUES);

export function fillPlaceholders(text: string, profile: CouncilProfile): string {
  return text.replace(/\{([a-zA-Z.]+)\}/g, (whole, key: string) =>
    key in VALUES ? VALUES[key as keyof typeof VALUES](profile) : whole,
  );
}
