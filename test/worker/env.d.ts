declare namespace Cloudflare {
  // The bindings vitest.config.ts gives the Worker under test; the pool adds internal ones, hence the index signature
  // (it also lets `env` go straight into src/worker.ts, which takes Record<string, unknown>).
  interface Env {
    [binding: string]: unknown;
    LINE_CHANNEL_SECRET: string;
    LINE_CHANNEL_ACCESS_TOKEN: string;
    LINE_API_BASE_URL: string;
    DATABASE_URL: string;
  }
  interface GlobalProps {
    mainModule: typeof import('../../src/worker');
  }
}
