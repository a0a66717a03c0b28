/**
 * What each resident "said" on screen. The emulator only records what the bot sent, so the
 * simulator keeps the resident's side itself to redraw a whole chat after a reload or a switch.
 */
export type SentEntry = { at: number; text: string };

const MAX_PER_RESIDENT = 500;

export function createSentLog() {
  const byUser = new Map<string, SentEntry[]>();
  return {
    add(userId: string, text: string, at = Date.now()): SentEntry {
      const list = byUser.get(userId) ?? [];
      const entry = { at, text };
      list.push(entry);
      if (list.length > MAX_PER_RESIDENT) list.splice(0, list.length - MAX_PER_RESIDENT);
      byUser.set(userId, list);
      return entry;
    },
    list(userId: string): SentEntry[] {
      return [...(byUser.get(userId) ?? [])];
    },
  };
}

export type SentLog = ReturnType<typeof createSentLog>;
