import { Hono } from 'hono';
import { requireStaff } from '../../auth/require-staff';
import type { AdminEnv } from '../../auth/types';
import type { Deps } from '../../deps';
import { listQueue, queueCounts, type QueueView } from '../../services/handoff';
import { renderAdminPage } from './layout';
import { QueuePage } from './queue-page';
import { staffDirectory } from './staff-directory';

const VIEWS: QueueView[] = ['waiting', 'mine', 'all'];
const PAGE_SIZE = 100;

/** GET /admin/queue: the counselor queue, without resident words (those are read, audited, in the case view). */
export function queueRoutes(deps: Deps) {
  return new Hono<AdminEnv>().get('/', requireStaff(deps, ['admin', 'counselor']), async (c) => {
    const staff = c.var.staff;
    const asked = c.req.query('view') as QueueView;
    const view = VIEWS.includes(asked) ? asked : 'waiting';
    const [items, counts, directory] = await Promise.all([
      listQueue(deps.db, { view, staffId: staff.userId, limit: PAGE_SIZE }),
      queueCounts(deps.db, { staffId: staff.userId }),
      staffDirectory(deps.db),
    ]);
    return renderAdminPage(
      c,
      <QueuePage staff={staff} profile={deps.profile} view={view} items={items} counts={counts} staffNames={directory.names} now={deps.clock.now()} />,
    );
  });
}
