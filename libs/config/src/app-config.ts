import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidationError,
} from 'class-validator';
import {
  adminPasswordProblems,
  publicUrlProblems,
  secretProblems,
  trustProxyListProblems,
  trustProxyProblems,
} from './production-checks';

const toBool = ({ value }: { value: unknown }) => {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  const v = String(value).trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value; // left as a string so that IsBoolean names the variable
};
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value).trim()) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
/** The roles SSO may grant (config cannot import the auth lib's enum: auth depends on config). */
const SSO_ROLES = ['admin', 'recruiter', 'hiring_manager', 'interviewer'];

/** Raw environment, validated field by field; names match the variables so errors name them. */
class Environment {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^smtps?:\/\/.+/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/, { message: 'JWT_TTL must be a duration such as 3600, 15m, 12h or 7d' })
  JWT_TTL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'DEMO must be true or false' })
  DEMO?: boolean;

  @IsOptional()
  @IsIn(['all', 'api'], { message: 'PROCESS_ROLE must be "all" (API and worker) or "api"' })
  PROCESS_ROLE?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['json', 'pretty'], { message: 'LOG_FORMAT must be "json" or "pretty"' })
  LOG_FORMAT?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'PUBLIC_URL must be an absolute URL' })
  PUBLIC_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  RATE_LIMIT?: number;

  @IsOptional()
  @Matches(/^[a-z_][a-z0-9_]*$/, { message: 'QUEUE_SCHEMA must be a lower-case SQL identifier' })
  QUEUE_SCHEMA?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(1000)
  DATABASE_POOL_MAX?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  QUEUE_POOL_MAX?: number;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'QUEUE_PREFIX may only contain letters, digits, "_" and "-"' })
  QUEUE_PREFIX?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16, { message: 'WEBHOOK_SECRET must be at least 16 characters' })
  WEBHOOK_SECRET?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(24 * 3600 * 1000)
  RECONCILE_EVERY_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(true|false|\d{1,2}|[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*)$/, {
    // each listed entry is checked as an address or CIDR by trustProxyListProblems
    message: 'TRUST_PROXY must be true, false, a hop count or a comma-separated list of proxy addresses or CIDRs',
  })
  TRUST_PROXY?: string;

  @IsOptional()
  @IsString()
  OUTBOUND_ALLOWLIST?: string;

  @IsOptional()
  @Matches(/^\d+[smhd]?$/, { message: 'REFRESH_TTL must be a duration such as 3600, 12h or 14d' })
  REFRESH_TTL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  HASH_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_ACCOUNT_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  ACCOUNT_RATE_LIMIT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(4)
  @Max(1000)
  JSON_MAX_DEPTH?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(600_000)
  QUEUE_LOCK_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  REMINDER_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  REMINDER_RETRY_MS?: number;

  // Event webhooks (issue 17): attempts, backoff base, pausing, secret rotation grace
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20)
  WEBHOOK_ATTEMPTS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3_600_000)
  WEBHOOK_RETRY_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOK_PAUSE_AFTER?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(30 * 24 * 3600 * 1000)
  WEBHOOK_ROTATION_GRACE_MS?: number;
  // --- single sign-on (OpenID Connect, issue 17) ---
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'OIDC_ISSUER must be an absolute URL' })
  OIDC_ISSUER?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_ID?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(1)
  OIDC_CLIENT_SECRET?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/^.{1,60}$/, { message: 'OIDC_PROVIDER_NAME must be 1 to 60 characters' })
  OIDC_PROVIDER_NAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\s*[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*\s*$/i, {
    message: 'OIDC_ALLOWED_DOMAINS must be a comma-separated list of email domains',
  })
  OIDC_ALLOWED_DOMAINS?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(SSO_ROLES, { message: `OIDC_DEFAULT_ROLE must be one of ${SSO_ROLES.join(', ')}` })
  OIDC_DEFAULT_ROLE?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9_:./-]{1,100}$/, { message: 'OIDC_GROUPS_CLAIM must be a claim name' })
  OIDC_GROUPS_CLAIM?: string;

  @IsOptional()
  @IsString()
  OIDC_GROUP_ROLES?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'PASSWORD_LOGIN must be true or false' })
  PASSWORD_LOGIN?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsEmail({}, { message: 'BREAK_GLASS_EMAIL must be an email address' })
  BREAK_GLASS_EMAIL?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export type ProcessRole = 'all' | 'api';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Shown on the sign-in button: "Sign in with <providerName>". */
  providerName: string;
  /** Email domains whose people get an account at their first sign-in; empty: nobody new. */
  allowedDomains: string[];
  defaultRole: string;
  groupsClaim: string;
  /** Group name to the roles its members get. */
  groupRoles: Record<string, string[]>;
}

/**
 * The one configuration object, read and validated once at boot. `databaseUrl` is
 * absent in the embedded default until the embedded PostgreSQL has started.
 */
export class AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly production: boolean;
  /** No DATABASE_URL: one process on an embedded PostgreSQL under DATA_DIR. */
  readonly embedded: boolean;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  databaseUrl?: string;
  readonly redisUrl?: string;
  readonly smtpUrl?: string;
  readonly mailFrom: string;
  readonly jwtSecret: string;
  readonly jwtTtl: string;
  readonly adminEmail?: string;
  readonly adminPassword?: string;
  readonly demo: boolean;
  readonly processRole: ProcessRole;
  readonly logLevel: string;
  /** Readable lines for a person at a terminal; JSON for log collectors (and always in production). */
  readonly logFormat: 'json' | 'pretty';
  readonly publicUrl: string;
  readonly bodyLimit: number;
  readonly loginRateLimit: number;
  readonly rateLimit: number;
  readonly queueSchema: string;
  readonly queuePrefix: string;
  /** Connections of the process's TypeORM pool. */
  readonly databasePoolMax: number;
  /** Connections shared by the process's queues on the PostgreSQL backend (each worker has one more, for LISTEN). */
  readonly queuePoolMax: number;
  /** Signs webhook bodies; derived from the JWT secret unless set. */
  readonly webhookSecret: string;
  readonly webhookTimeoutMs: number;
  /** How often the worker compares scheduled reminders with the queue, and sweeps ended interviews still marked scheduled. */
  readonly reconcileEveryMs: number;
  /** How long a stopping process waits for jobs in flight. */
  readonly shutdownTimeoutMs: number;
  /** A job whose worker stops renewing its lock this long is handed to another worker. */
  readonly queueLockMs: number;
  /** Attempts per reminder, the n-th retry waiting reminderRetryMs * 2^(n-1). */
  readonly reminderAttempts: number;
  readonly reminderRetryMs: number;
  /** Which proxies' X-Forwarded-For to believe: false (none, the default), a hop count, or their addresses/CIDRs. */
  readonly trustProxy: boolean | number | string[];
  /** Hosts, IPs or CIDRs that outbound requests (webhooks, feeds) may reach although they are internal. */
  readonly outboundAllowlist: string[];
  /** Lifetime of a refresh token (the HttpOnly cookie that renews short access tokens). */
  readonly refreshTtl: string;
  /** Password hashes computed at once; more wait, so a login flood cannot starve the process. */
  readonly hashConcurrency: number;
  /** Login attempts per minute for one email across all addresses. */
  readonly loginAccountRateLimit: number;
  /** Requests per minute for one signed-in account across all addresses. */
  readonly accountRateLimit: number;
  /** Deepest nesting of a JSON body or query accepted before validation. */
  readonly jsonMaxDepth: number;
  // --- single sign-on (OpenID Connect, issue 17) ---
  /** Sign-in through the company's OpenID Connect provider; absent when OIDC_ISSUER is unset. */
  readonly oidc?: OidcConfig;
  /** False: only the break-glass admin may sign in with a password; everyone else uses SSO. */
  readonly passwordLogin: boolean;
  readonly breakGlassEmail?: string;

  // Event webhooks (issue 17)
  /** Attempts per event delivery; the n-th retry waits webhookRetryMs * 2^(n-1) (8 x 5 min: ~10.5 h in all). */
  readonly webhookAttempts: number;
  readonly webhookRetryMs: number;
  /** Deliveries in a row that failed every attempt before a subscription is paused and its owner told. */
  readonly webhookPauseAfter: number;
  /** How long the old secret still signs (beside the new one) after a rotation. */
  readonly webhookRotationGraceMs: number;

  constructor(values: Omit<AppConfig, 'queueBackend'>) {
    Object.assign(this, values);
  }

  get queueBackend(): 'redis' | 'postgres' {
    return this.redisUrl ? 'redis' : 'postgres';
  }
}

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_ADMIN_EMAIL = 'admin@demo.scorecards.dev';

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) =>
    Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? m : `${e.property}: ${m}`)),
  );
}

/** Keeps a generated JWT secret under DATA_DIR so tokens survive restarts of the embedded default. */
function persistentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The addresses/CIDRs of a TRUST_PROXY list (none for true, false or a hop count). */
function listTrustProxy(value: string | undefined): string[] {
  if (value === undefined || value === 'false' || value === 'true' || /^\d+$/.test(value)) return [];
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return listTrustProxy(value);
}

/**
 * What production refuses beyond missing variables: secrets anyone could know, the demo, links
 * and cookies over http, and a proxy setting that lets clients choose their own address.
 */
function productionProblems(raw: Environment, trustProxyEntries: string[]): string[] {
  return [
    // JWT_SECRET's length is checked in every mode by its validator
    ...secretProblems('JWT_SECRET', raw.JWT_SECRET, 0),
    ...secretProblems('WEBHOOK_SECRET', raw.WEBHOOK_SECRET, 32),
    ...adminPasswordProblems(raw.ADMIN_PASSWORD, raw.ADMIN_EMAIL),
    ...(raw.LOG_FORMAT === 'pretty' ? ['LOG_FORMAT=pretty is refused in production: log collectors read JSON'] : []),
    ...(raw.DEMO === true ? ['DEMO=true is refused in production: the demo users have a published password'] : []),
    ...publicUrlProblems(raw.PUBLIC_URL),
    ...trustProxyProblems(raw.TRUST_PROXY, trustProxyEntries),
    // Event webhooks (issue 17): a receiver that is down for minutes must not exhaust the retries
    ...(raw.WEBHOOK_RETRY_MS !== undefined && raw.WEBHOOK_RETRY_MS < 10_000
      ? ['WEBHOOK_RETRY_MS below 10000 is refused in production: retries would end before a short outage does']
      : []),
    ...oidcProductionProblems(raw),
  ];
}

// --- single sign-on (OpenID Connect, issue 17) ---

/** "group=role,group=role" (a group may list several roles by repeating it). */
function parseGroupRoles(value: string | undefined, problems: string[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const entry of (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const eq = entry.lastIndexOf('=');
    const group = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || !SSO_ROLES.includes(role)) {
      problems.push(
        `OIDC_GROUP_ROLES: "${entry.slice(0, 80)}" is not group=role with a role among ${SSO_ROLES.join(', ')}`,
      );
      continue;
    }
    map[group] = [...new Set([...(map[group] ?? []), role])];
  }
  return map;
}

function oidcProblems(raw: Environment): string[] {
  const problems: string[] = [];
  if (raw.OIDC_ISSUER && !raw.OIDC_CLIENT_ID) problems.push('OIDC_CLIENT_ID is required when OIDC_ISSUER is set');
  if (!raw.OIDC_ISSUER && (raw.OIDC_CLIENT_ID || raw.OIDC_CLIENT_SECRET))
    problems.push('OIDC_ISSUER is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set');
  if (raw.PASSWORD_LOGIN === false && !raw.OIDC_ISSUER)
    problems.push('PASSWORD_LOGIN=false needs OIDC_ISSUER: otherwise nobody could sign in');
  if (raw.BREAK_GLASS_EMAIL && raw.PASSWORD_LOGIN !== false)
    problems.push('BREAK_GLASS_EMAIL only applies with PASSWORD_LOGIN=false');
  return problems;
}

/** An http issuer lets anyone on the path forge sign-ins; a public client without a secret is not offered. */
function oidcProductionProblems(raw: Environment): string[] {
  if (!raw.OIDC_ISSUER) return [];
  const problems: string[] = [];
  if (!raw.OIDC_ISSUER.startsWith('https://')) problems.push('OIDC_ISSUER must be an https:// URL in production');
  if (!raw.OIDC_CLIENT_SECRET) problems.push('OIDC_CLIENT_SECRET is required in production when OIDC_ISSUER is set');
  else if (raw.OIDC_CLIENT_SECRET.length < 16) problems.push('OIDC_CLIENT_SECRET must be at least 16 characters');
  return problems;
}

function oidcConfig(raw: Environment, groupRoles: Record<string, string[]>): OidcConfig | undefined {
  if (!raw.OIDC_ISSUER || !raw.OIDC_CLIENT_ID) return undefined;
  return {
    issuer: raw.OIDC_ISSUER.replace(/\/$/, ''),
    clientId: raw.OIDC_CLIENT_ID,
    clientSecret: raw.OIDC_CLIENT_SECRET,
    providerName: raw.OIDC_PROVIDER_NAME ?? 'single sign-on',
    allowedDomains: (raw.OIDC_ALLOWED_DOMAINS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    defaultRole: raw.OIDC_DEFAULT_ROLE ?? 'interviewer',
    groupsClaim: raw.OIDC_GROUPS_CLAIM ?? 'groups',
    groupRoles,
  };
}

/**
 * Reads `.env` from the working directory if there is one; variables already set win over the file.
 * Called before loadConfig by the entry points, so that a developer's `.env` works without a wrapper.
 */
export function loadDotEnv(file = resolve('.env'), env: NodeJS.ProcessEnv = process.env): boolean {
  if (!existsSync(file)) return false;
  // what process.loadEnvFile does, into the object given (tests pass their own)
  for (const [name, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
    if (env[name] === undefined) env[name] = value;
  }
  return true;
}

/** `stdoutIsTty` picks the log format when LOG_FORMAT is unset: readable at a terminal, JSON when piped. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  stdoutIsTty = Boolean(process.stdout.isTTY),
): AppConfig {
  const raw = plainToInstance(Environment, { ...env }, { excludeExtraneousValues: false });
  const problems = describe(validateSync(raw, { skipMissingProperties: false, forbidUnknownValues: false }));
  const nodeEnv = (raw.NODE_ENV ?? 'development') as AppConfig['nodeEnv'];
  const production = nodeEnv === 'production';
  const trustProxyEntries = listTrustProxy(raw.TRUST_PROXY);
  if (!problems.some((p) => p.startsWith('TRUST_PROXY'))) problems.push(...trustProxyListProblems(trustProxyEntries));
  if (production) {
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL'] as const) {
      if (!raw[name]) problems.push(`${name} is required when NODE_ENV=production`);
    }
    problems.push(...productionProblems(raw, trustProxyEntries));
  }
  if (raw.ADMIN_EMAIL && !raw.ADMIN_PASSWORD) problems.push('ADMIN_PASSWORD is required when ADMIN_EMAIL is set');
  if (raw.ADMIN_PASSWORD && !raw.ADMIN_EMAIL) problems.push('ADMIN_EMAIL is required when ADMIN_PASSWORD is set');
  problems.push(...oidcProblems(raw));
  const groupRoles = parseGroupRoles(raw.OIDC_GROUP_ROLES, problems);
  if (problems.length) throw new ConfigError(problems);

  const embedded = !raw.DATABASE_URL;
  const dataDir = resolve(raw.DATA_DIR ?? './.data');
  const port = raw.PORT ?? 3000;
  const jwtSecret = raw.JWT_SECRET ?? persistentSecret(dataDir);
  return new AppConfig({
    nodeEnv,
    production,
    embedded,
    port,
    host: raw.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM ?? 'Scorecards <no-reply@scorecards.local>',
    jwtSecret,
    jwtTtl: raw.JWT_TTL ?? '15m',
    adminEmail: raw.ADMIN_EMAIL?.toLowerCase(),
    adminPassword: raw.ADMIN_PASSWORD,
    demo: raw.DEMO ?? embedded,
    processRole: (raw.PROCESS_ROLE as ProcessRole | undefined) ?? 'all',
    logLevel: raw.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: production
      ? 'json'
      : ((raw.LOG_FORMAT as 'json' | 'pretty' | undefined) ?? (stdoutIsTty ? 'pretty' : 'json')),
    publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    bodyLimit: raw.BODY_LIMIT ?? 1024 * 1024,
    loginRateLimit: raw.LOGIN_RATE_LIMIT ?? 10,
    rateLimit: raw.RATE_LIMIT ?? 600,
    queueSchema: raw.QUEUE_SCHEMA ?? 'bullmq',
    queuePrefix: raw.QUEUE_PREFIX ?? 'scorecards',
    databasePoolMax: raw.DATABASE_POOL_MAX ?? 20,
    queuePoolMax: raw.QUEUE_POOL_MAX ?? 10,
    webhookSecret: raw.WEBHOOK_SECRET ?? createHmac('sha256', jwtSecret).update('webhooks').digest('base64url'),
    webhookTimeoutMs: raw.WEBHOOK_TIMEOUT_MS ?? 5000,
    reconcileEveryMs: raw.RECONCILE_EVERY_MS ?? 5 * 60_000,
    shutdownTimeoutMs: raw.SHUTDOWN_TIMEOUT_MS ?? 20_000,
    queueLockMs: raw.QUEUE_LOCK_MS ?? 30_000,
    reminderAttempts: raw.REMINDER_ATTEMPTS ?? 6,
    reminderRetryMs: raw.REMINDER_RETRY_MS ?? 2000,
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
    outboundAllowlist: (raw.OUTBOUND_ALLOWLIST ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    refreshTtl: raw.REFRESH_TTL ?? '14d',
    hashConcurrency: raw.HASH_CONCURRENCY ?? 4,
    loginAccountRateLimit: raw.LOGIN_ACCOUNT_RATE_LIMIT ?? 20,
    accountRateLimit: raw.ACCOUNT_RATE_LIMIT ?? raw.RATE_LIMIT ?? 600,
    jsonMaxDepth: raw.JSON_MAX_DEPTH ?? 32,
    // Event webhooks (issue 17)
    webhookAttempts: raw.WEBHOOK_ATTEMPTS ?? 8,
    webhookRetryMs: raw.WEBHOOK_RETRY_MS ?? 5 * 60_000,
    webhookPauseAfter: raw.WEBHOOK_PAUSE_AFTER ?? 5,
    webhookRotationGraceMs: raw.WEBHOOK_ROTATION_GRACE_MS ?? 24 * 3600_000,
    // --- single sign-on (OpenID Connect, issue 17) ---
    oidc: oidcConfig(raw, groupRoles),
    passwordLogin: raw.PASSWORD_LOGIN ?? true,
    breakGlassEmail: raw.BREAK_GLASS_EMAIL?.toLowerCase(),
  });
}
