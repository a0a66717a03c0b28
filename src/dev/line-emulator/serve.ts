import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createLineEmulator } from './index';
import type { EmulatorOptions, EmulatorState } from './state';

export interface RunningLineEmulator {
  /** Origin without a trailing slash; use it as the SDK's baseURL. */
  url: string;
  state: EmulatorState;
  close(): Promise<void>;
}

/** Serves the emulator on 127.0.0.1 (port 0 = pick a free port). */
export function startLineEmulator(options: EmulatorOptions & { port?: number } = {}): Promise<RunningLineEmulator> {
  const { port = 0, ...emulatorOptions } = options;
  const { app, state } = createLineEmulator(emulatorOptions);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        state,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            // Keep-alive sockets from fetch clients would otherwise hold close() open.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
