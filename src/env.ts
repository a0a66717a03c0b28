import { z } from 'zod';

// The one place configuration is read. Both doors (node.ts, worker.ts) hand their
// raw environment here; nothing else reads process.env.
const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

export const envSchema = z
  .object({
    LINE_CHANNEL_SECRET: optionalText,
    LINE_CHANNEL_ACCESS_TOKEN: optionalText,
    LINE_API_BASE_URL: z.url({ protocol: /^https?$/ }).default('https://api.line.me'),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):')
      .default('file:./data/tsunagu.db'),
    DATABASE_AUTH_TOKEN: optionalText,
    PORT: z.coerce.number().int().min(0).max(65535).default(8787),
    COUNCIL_PROFILE: z.string().default('nerima'),
    PUBLIC_BASE_URL: z.url().optional(),
    // Workers only: broadcast chunks (of 500) one invocation may send (src/broadcasts/fan-out.ts).
    BROADCAST_CHUNKS_PER_RUN: z.coerce.number().int().min(1).max(1000).optional(),
    // The first admin, created at start when no user has this email (src/auth/bootstrap.ts).
    ADMIN_EMAIL: optionalText.pipe(z.email().toLowerCase().optional()),
    // Never trimmed; the message on failure names the key, never the value.
    ADMIN_PASSWORD: z
      .string()
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.string().min(12, 'must be at least 12 characters').max(256).optional())
      .optional(),
  })
  .refine((e) => Boolean(e.LINE_CHANNEL_SECRET) === Boolean(e.LINE_CHANNEL_ACCESS_TOKEN), {
    message: 'LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN must be set together',
    path: ['LINE_CHANNEL_ACCESS_TOKEN'],
  })
  .refine((e) => Boolean(e.ADMIN_EMAIL) === Boolean(e.ADMIN_PASSWORD), {
    message: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set together',
    path: ['ADMIN_PASSWORD'],
  });

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly keys: string[], detail: string) {
    super(`Invalid configuration (${keys.join(', ')}): ${detail}`);
    this.name = 'ConfigError';
  }
}

export function parseEnv(raw: Record<string, unknown>): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return result.data;
  const keys = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '?')))];
  const detail = result.error.issues.map((i) => `${i.path.join('.') || '?'}: ${i.message}`).join('; ');
  throw new ConfigError(keys, detail);
}

/** Emulator mode: no LINE credentials, so the built-in LINE emulator answers instead. */
export const isEmulatorMode = (env: Env) => !env.LINE_CHANNEL_SECRET;
