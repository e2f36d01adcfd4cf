import { z } from 'zod';
import path from 'node:path';
import { NOTIFY_CONFIG } from './notify-config.ts';

/** Every setting the server reads, from environment variables, validated once at start. */
const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secure cookies; browsers accept them on http://localhost, so only turn off behind plain HTTP elsewhere. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /**
   * Behind a reverse proxy, trust its X-Forwarded-For (true, or the proxies' addresses/CIDRs, comma-separated) so rate limits
   * see the client's address. Off by default: otherwise a client could pick its own address.
   */
  TRUST_PROXY: z.string().default('false'),
  SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(12),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Public dossier status lookups per client address per minute (codes are guessable; secrets are not). */
  LOOKUP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(30),
  LOCKOUT_AFTER_FAILURES: z.coerce.number().int().positive().default(5),
  LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  /** Where ../shared/data lives (reference data for seeds and imports). */
  SHARED_DATA_DIR: z.string().default(path.resolve(import.meta.dirname, '../../../../shared/data')),
  WEB_DIST_DIR: z.string().default(path.resolve(import.meta.dirname, '../../../web/dist')),
  /**
   * The public address of this server: printed in QR codes and links on papers (status page,
   * verification) and used for e-ID redirect URIs; default http://localhost:PORT.
   */
  PUBLIC_BASE_URL: z.string().url().optional(),
  /** Citizen e-ID (OpenID Connect). Without EID_ISSUER the in-process sandbox at /sandbox/eid stands in for the national e-ID. */
  EID_ISSUER: z.string().url().optional(),
  EID_CLIENT_ID: z.string().min(1).default('motcua-portal'),
  EID_CLIENT_SECRET: z.string().min(8).default('motcua-sandbox-client-secret'),
  EID_SCOPE: z.string().default('openid profile phone address vneid'),
  /** The sandbox e-ID and SMS outbox pages; off in production unless set to true. */
  CITIZEN_SANDBOX: z.enum(['auto', 'true', 'false']).default('auto'),
  CITIZEN_SESSION_HOURS: z.coerce.number().positive().max(24 * 7).default(4),
  OTP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(5),
  /**
   * When an online submission gets its dossier code: at reception by the counter (REGULATIONS.md §5:
   * "set at reception and never changes"), or at once on submission.
   */
  ONLINE_CODE_AT: z.enum(['reception', 'submission']).default('reception'),
  /** Warn the counter when an online submission has fewer working minutes than this left of its 8 working hours. */
  ONLINE_REVIEW_WARN_MINUTES: z.coerce.number().int().min(0).max(480).default(120),
  ...NOTIFY_CONFIG,
  SEED_DEMO: z
    .enum(['auto', 'never'])
    .default('auto')
    .describe('auto: seed the demo province into an empty database unless NODE_ENV=production'),
});

export type Config = z.infer<typeof ConfigSchema>;

export const CONFIG_HELP = Object.entries(ConfigSchema.shape)
  .map(([name, schema]) => {
    const def = (schema as { def?: { defaultValue?: unknown } }).def?.defaultValue;
    return `  ${name.padEnd(30)} ${def === undefined ? '' : `(default: ${String(def)})`}`;
  })
  .join('\n');

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cấu hình không hợp lệ / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** The public address of the portal as printed on papers. */
export const publicBaseUrl = (config: Config) => (config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');
