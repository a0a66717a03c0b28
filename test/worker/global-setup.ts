import type { TestProject } from 'vitest/node';
import { connectNodeDatabase } from '../../src/db/connect-node';
import { migrateDatabase } from '../../src/db/migrate';
import { startLineEmulator } from '../../src/dev/line-emulator/serve';
import { startSqld } from '../helpers/sqld';

declare module 'vitest' {
  export interface ProvidedContext {
    workerSqldUrl: string;
    workerLineApiUrl: string;
    workerLineChannelSecret: string;
    workerLineChannelAccessToken: string;
  }
}

const CHANNEL_SECRET = 'worker-test-channel-secret';
const CHANNEL_ACCESS_TOKEN = 'worker-test-channel-access-token';

/**
 * Runs in Node before the `workers` project: the Worker under test (in workerd) reaches these
 * over 127.0.0.1, and vitest.config.ts binds their URLs into its env.
 */
export default async function setup(project: TestProject) {
  const sqld = await startSqld();
  let emulator: Awaited<ReturnType<typeof startLineEmulator>> | undefined;
  try {
    // Migrations read files, so they run here in Node, never in the Worker.
    const database = connectNodeDatabase(sqld.url);
    try {
      await database.ready;
      await migrateDatabase(database.db);
    } finally {
      database.close();
    }
    emulator = await startLineEmulator({ channelAccessToken: CHANNEL_ACCESS_TOKEN, port: 0 });
  } catch (error) {
    await sqld.stop();
    throw error;
  }

  project.provide('workerSqldUrl', sqld.url);
  project.provide('workerLineApiUrl', emulator.url);
  project.provide('workerLineChannelSecret', CHANNEL_SECRET);
  project.provide('workerLineChannelAccessToken', CHANNEL_ACCESS_TOKEN);

  const running = emulator;
  return async () => {
    await Promise.allSettled([running.close(), sqld.stop()]);
  };
}
