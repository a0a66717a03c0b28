const OFFSET_MS = 9 * 60 * 60 * 1000;

/** ISO 8601 in Tokyo time, e.g. 2026-11-24T10:00:00+09:00 (for exports people read). */
export function tokyoIso(date: Date): string {
  return `${new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** tokyoIso for a time that may be missing (an export's empty column). */
export const tokyoIsoOrNull = (date: Date | null): string | null => (date ? tokyoIso(date) : null);
