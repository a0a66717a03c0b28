import type { Hono } from 'hono';
import { residents } from '../db/schema';
import type { Deps } from '../deps';
import { createLineEmulator } from '../dev/line-emulator';
import type { EmulatorState } from '../dev/line-emulator';
import { createSimulator } from '../dev/simulator';

// In emulator mode there is no LINE channel: the app and the simulator share this
// well-known secret, and nothing signed with it can reach a real deployment.
export const EMULATOR_CHANNEL_SECRET = 'tsunagu-emulator-channel-secret';
export const EMULATOR_ACCESS_TOKEN = 'tsunagu-emulator-access-token';
const BOT_USER_ID = 'U7e5a09c1d2b3a4f5e6d7c8b9a0f1e2d3';

export interface LocalTools {
  emulator: EmulatorState;
  /** Makes every resident in the database a simulated LINE user again (the emulator forgets on restart). */
  restoreResidents(): Promise<void>;
}

/**
 * Local mode only (never in the Worker): the LINE emulator at the root (the LINE SDK
 * ignores any path in its baseURL; the emulator only owns /v2/* and /__emulator/*)
 * and the resident simulator at /simulator.
 */
export function mountLocalTools(app: Hono, options: { baseUrl: string; deps: Deps; accountName: string }): LocalTools {
  const emulator = createLineEmulator({ channelAccessToken: EMULATOR_ACCESS_TOKEN });
  app.route(
    '/simulator',
    createSimulator({
      emulatorBaseUrl: options.baseUrl,
      webhookUrl: `${options.baseUrl}/webhook`,
      channelSecret: EMULATOR_CHANNEL_SECRET,
      destination: BOT_USER_ID,
      accountName: options.accountName,
    }),
  );
  app.route('/', emulator.app);
  return {
    emulator: emulator.state,
    async restoreResidents() {
      const rows = await options.deps.db.select().from(residents);
      for (const r of rows) {
        if (emulator.state.getUser(r.lineUserId)) continue;
        emulator.state.addUser({ userId: r.lineUserId, displayName: r.displayName ?? '利用者', following: r.following });
      }
    },
  };
}
