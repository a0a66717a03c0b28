import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/worker/**', 'node_modules/**'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The Worker inside workerd, against sqld and the LINE emulator started in Node by globalSetup.
        // The options function runs after globalSetup, so inject() already sees their URLs.
        plugins: [
          cloudflareTest(({ inject }) => ({
            main: './src/worker.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                LINE_CHANNEL_SECRET: inject('workerLineChannelSecret'),
                LINE_CHANNEL_ACCESS_TOKEN: inject('workerLineChannelAccessToken'),
                LINE_API_BASE_URL: inject('workerLineApiUrl'),
                DATABASE_URL: inject('workerSqldUrl'),
              },
            },
          })),
        ],
        test: {
          name: 'workers',
          include: ['test/worker/**/*.test.ts'],
          globalSetup: ['test/worker/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
