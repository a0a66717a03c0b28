import { listBroadcasts } from '../broadcasts/progress';
import type { Db } from '../db/types';
import type { CouncilProfile } from '../profile/schema';
import { tokyoIsoOrNull as time } from '../time/iso';

const PAGE = 100;

/** `export -- broadcasts`: one line per broadcast with its counts; never who received it. */
export async function exportBroadcasts(db: Db, _profile: CouncilProfile, write: (row: object) => void): Promise<void> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await listBroadcasts({ db }, { limit: PAGE, offset, oldestFirst: true });
    for (const b of page) {
      write({
        id: b.id,
        kind: b.kind,
        status: b.status,
        pause_reason: b.pauseReason,
        audience: b.audience,
        event_id: b.eventId,
        text: b.text,
        recipient_count: b.recipientCount,
        sent: b.sent,
        skipped: b.skipped,
        failed: b.failed,
        remaining: b.remaining,
        chunk_count: b.chunkCount,
        chunks_sent: b.chunksSent,
        scheduled_at: time(b.scheduledAt),
        started_at: time(b.startedAt),
        finished_at: time(b.finishedAt),
        created_at: time(b.createdAt),
        created_by: b.createdBy,
      });
    }
    if (page.length < PAGE) return;
  }
}
