// The only reader of process.env: parsed once with zod into a typed, documented object. Every setting has a
// default that runs the embedded sandbox; setting DATABASE_URL, REDIS_URL or a platform token switches to the real part.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { HolidaysFileError, readHolidaysFile, type HolidayArrangement } from './adapters/calendar/holidays-file.ts';

const COMMAND_KINDS = [
  'claim', 'progress', 'resolve', 'transfer', 'escalate', 'reject', 'query', 'rate', 'complex', 'supervise', 'recategorize', 'report',
] as const;

/** A URL of one of these schemes (`postgres:`), unset or blank = undefined; anything else is said with an example. */
const schemeUrl = (schemes: readonly string[], message: string) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .refine((s) => s === undefined || (URL.canParse(s) && schemes.includes(new URL(s).protocol)), message)
    .optional();

/** A number from the environment; unset or blank = the default. */
const envNumber = (schema: z.ZodNumber, fallback: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number().pipe(schema).default(fallback));

/** Environment variables, their defaults and meaning (README's configuration table follows this). */
const EnvSchema = z.object({
  /** PostgreSQL connection string; unset = embedded PGlite in LINLI_DATA_DIR. */
  DATABASE_URL: schemeUrl(['postgres:', 'postgresql:'], 'a PostgreSQL URL, e.g. postgres://user@127.0.0.1:5432/linli'),
  /**
   * Run the message path's statements as named prepared statements (parsed and planned once per connection). Set
   * false behind a pooler that cannot keep them: PgBouncer in transaction mode before 1.21, or without
   * max_prepared_statements.
   */
  LINLI_PG_PREPARE: z.enum(['true', 'false']).default('true'),
  /** Folder for embedded data: the PGlite store, and WeChat's account lock and puppet-service cache (under wechat/). */
  LINLI_DATA_DIR: z.string().default('./data'),
  /** Optional YAML/JSON file with command aliases, bot name and other settings (see config.example.yaml). */
  LINLI_CONFIG: z.string().optional(),
  /** Grid file imported at start when the store has no grid yet (the sandbox uses data/demo-grid.yaml). */
  LINLI_GRID_FILE: z.string().optional(),
  /** Redis URL for BullMQ; unset = in-process queue (issue #5). */
  REDIS_URL: schemeUrl(['redis:', 'rediss:'], 'a Redis URL, e.g. redis://127.0.0.1:6379 (rediss:// for TLS)'),
  /** First part of every Redis key of the pipeline's queues: deployments (and test runs) sharing a Redis never meet. */
  LINLI_QUEUE_PREFIX: z.string().regex(/^[\w.-]+$/, 'use letters, digits, . _ -').default('linli'),
  /** Ordering lanes of the ingest stage: batches handled at once across all workers; change only with an empty queue. */
  LINLI_INGEST_LANES: envNumber(z.number().int().min(1).max(256), 8),
  /** Notify (sending) pace per bot account, across all workers: at most LINLI_NOTIFY_MAX sends per LINLI_NOTIFY_PER_MS. */
  LINLI_NOTIFY_MAX: envNumber(z.number().int().positive(), 1),
  LINLI_NOTIFY_PER_MS: envNumber(z.number().int().positive(), 1500),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How the bot is called in groups; a message mentioning it always opens a ticket. */
  LINLI_BOT_NAME: z.string().min(1).default('邻里助手'),
  /** OpenAI-compatible endpoint for triage (issue #3); unset = local model only. */
  /** OpenAI-compatible base URL, with the provider's own path (…/v1, DashScope's …/compatible-mode/v1, GLM's …/api/paas/v4). */
  LLM_BASE_URL: schemeUrl(
    ['http:', 'https:'],
    'an http(s) URL, e.g. http://127.0.0.1:11434/v1 (Ollama), https://api.deepseek.com, https://dashscope.aliyuncs.com/compatible-mode/v1',
  ).transform((u) => u?.replace(/\/+$/, '')),
  /** Unset or blank for servers that need none (Ollama, a local vLLM). */
  LLM_API_KEY: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .optional(),
  LLM_MODEL: z
    .string()
    .trim()
    .transform((s) => (s === '' ? undefined : s))
    .optional(),
  /** Upper bound on an answer's tokens; a thinking model (deepseek-reasoner, Qwen3) counts its reasoning in it. */
  LLM_MAX_TOKENS: envNumber(z.number().int().positive(), 300),
  /** Per-request timeout of the LLM call, in milliseconds. */
  LLM_TIMEOUT_MS: envNumber(z.number().int().positive(), 8000),
  /** LLM requests in flight at most; more wait their turn. */
  LLM_MAX_CONCURRENCY: envNumber(z.number().int().positive(), 4),
  /** Local triage answers with confidence below this are also shown to the LLM. */
  LLM_UNCERTAIN_BELOW: envNumber(z.number().min(0).max(1), 0.85),
  /** A message whose hazard-model danger score reaches this, short of emergency, is also shown to the LLM (1: never). */
  LLM_HAZARD_DOUBT_FROM: envNumber(z.number().min(0).max(1), 0.05),
  /** WeChat: which Wechaty puppet; unset = the embedded sandbox (mock groups in the terminal). */
  WECHATY_PUPPET: z.enum(['wechaty-puppet-service', 'wechaty-puppet-mock']).optional(),
  WECHATY_PUPPET_SERVICE_TOKEN: z.string().optional(),
  /** host:port of the puppet service (required: without it Wechaty tries a discovery host on the internet). */
  WECHATY_PUPPET_SERVICE_ENDPOINT: z.string().optional(),
  WECHATY_PUPPET_SERVICE_AUTHORITY: z.string().optional(),
  /** "true" for services that speak plain gRPC without TLS (many self-hosted gateways). */
  WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT: z.enum(['true', 'false', '']).optional(),
  WECHATY_PUPPET_SERVICE_TLS_CA_CERT: z.string().optional(),
  WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME: z.string().optional(),
  /** Minimum gap between two sends of the WeChat account, across all rooms, and the random extra on top. */
  LINLI_WECHAT_SEND_INTERVAL_MS: envNumber(z.number().int().min(0), 1500),
  LINLI_WECHAT_SEND_JITTER_MS: envNumber(z.number().int().min(0), 1000),
  /**
   * Sends under way at once (starts still paced one by one; one chat's sends never overlap): a gateway whose send takes
   * longer than the interval still sends at the pace. 1 = each send waits for the one before it to finish.
   */
  LINLI_WECHAT_SEND_IN_FLIGHT: envNumber(z.number().int().min(1).max(16), 4),
  /** How long to wait for the puppet to log in or show a QR code before giving up with an error. */
  LINLI_WECHAT_LOGIN_TIMEOUT_MS: envNumber(z.number().int().positive(), 60_000),
  /**
   * One process per WeChat account: how long `linli start` waits for another process holding the same account (a
   * restart whose old process is still stopping) before it stops with exit code 3; 0 = refuse at once.
   */
  LINLI_WECHAT_LOCK_WAIT_MS: envNumber(z.number().int().min(0), 10_000),
  /** Telegram: the bot's token from @BotFather; unset = no Telegram. */
  TELEGRAM_BOT_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Bot API server: Telegram's, or a local telegram-bot-api server. */
  TELEGRAM_API_ROOT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : 'https://api.telegram.org'))
    .refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), 'an http:// or https:// address, e.g. http://127.0.0.1:8081'),
  /** Telegram's limits (core.telegram.org/bots/faq): about 30 messages/s overall, 20 per minute into one group. */
  LINLI_TELEGRAM_GLOBAL_PER_SECOND: envNumber(z.number().int().positive(), 30),
  LINLI_TELEGRAM_GROUP_PER_MINUTE: envNumber(z.number().int().positive(), 20),
  /** Minimum gap between two messages into one chat (group or person): Telegram allows about one per second. */
  LINLI_TELEGRAM_CHAT_INTERVAL_MS: envNumber(z.number().int().min(0), 1000),
  /** Send the assigned worker a direct message for each new ticket. */
  LINLI_NOTIFY_ASSIGNEE_DIRECT: z.enum(['true', 'false']).default('true'),
  /**
   * Port of the admin JSON API and the console on 127.0.0.1. `linli start`: unset = no HTTP server. The sandbox: unset =
   * 8780 (or a free port when that one is taken); `off` or `0` = no HTTP server in either.
   */
  LINLI_HTTP_PORT: z
    .preprocess(
      (v) => (v === '' ? undefined : typeof v === 'string' && v.trim().toLowerCase() === 'off' ? 0 : v),
      z.union([z.undefined(), z.number(), z.string()]),
    )
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (String(v).trim() === '' || !Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: 'custom', message: `a port number (1–65535), or off; not "${String(v)}"` });
        return z.NEVER;
      }
      return n;
    }),
  /** Console cookies with the Secure flag: auto = when the request came over https (or x-forwarded-proto: https). */
  LINLI_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  /** Origins allowed to change state with a console session (the console's public address behind a proxy); unset = the address requested. */
  LINLI_CONSOLE_ORIGINS: z
    .string()
    .optional()
    .transform((v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.url())),
  /** Console sessions end this many hours after sign-in, or after this many minutes unused. */
  LINLI_SESSION_TTL_HOURS: envNumber(z.number().positive().max(24 * 30), 12),
  LINLI_SESSION_IDLE_MINUTES: envNumber(z.number().positive(), 30),
  /** Reverse proxies in front of the HTTP server (nginx: 1): the client's address, for rate limits and the audit log, is read from X-Forwarded-For. */
  LINLI_PROXY_HOPS: envNumber(z.number().int().min(0).max(5), 0),
  /** How long a person's roles over the grid serve API requests before they are read again from the store. */
  LINLI_AUTHORITY_CACHE_MS: envNumber(z.number().int().min(0), 10_000),
  /** The sandbox seeds a new store with about a year of generated demo tickets (每月一题 has history to show); `off`: none. */
  LINLI_DEMO_HISTORY: z.enum(['on', 'off']).default('on'),
  /** A dump of a migrated embedded database that a new embedded store starts from (the tests use it to skip initdb). */
  LINLI_PGLITE_TEMPLATE: z.string().min(1).optional(),
  /** Trained local triage model; unset = the shipped default model. */
  LINLI_TRIAGE_MODEL: z.string().optional(),
  /** Bearer tokens of the HTTP API, each mapped to a person of the grid: "token1:personKey,token2:personKey". */
  LINLI_API_TOKENS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const tokens: Record<string, string> = {};
      for (const entry of (v ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
        const i = entry.indexOf(':');
        const token = entry.slice(0, i).trim();
        const key = entry.slice(i + 1).trim();
        if (i <= 0 || !token || !key) {
          ctx.addIssue({ code: 'custom', message: 'use token:personKey pairs separated by commas' });
          return z.NEVER;
        }
        tokens[token] = key;
      }
      return tokens;
    }),
});

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const SlaSchema = z
  .object({
    acceptWorkdays: z.number().int().min(0),
    resolveWorkdays: z.number().int().min(1),
    complexWorkdays: z.number().int().min(1),
    /** End of office hours, China time: deadlines fall due then. */
    officeEnd: HHMM,
    emergencyAcceptMinutes: z.number().int().positive(),
    emergencyResolveHours: z.number().positive(),
    urgentAcceptHours: z.number().positive(),
    urgentResolveWorkdays: z.number().int().min(1),
    reminderAt: z.number().gt(0).lt(1),
    digestAt: HHMM,
  })
  .partial()
  .strict();

const MessageRulesSchema = z
  .object({
    hazard: z.object({ dedupWindowMs: z.number().int().positive() }).partial().strict(),
    spam: z
      .object({ newcomerMs: z.number().int().min(0), crossGroupMin: z.number().int().min(2), crossGroupWindowMs: z.number().int().positive() })
      .partial()
      .strict(),
    conflict: z
      .object({ minMessages: z.number().int().min(2), windowMs: z.number().int().positive(), minTurns: z.number().int().min(2), minHeated: z.number().int().min(1) })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

const FileSchema = z
  .object({
    botName: z.string().min(1).optional(),
    /** Extra words per command, e.g. { claim: [领单] }; they are added to the defaults. */
    commandAliases: z.partialRecord(z.enum(COMMAND_KINDS), z.array(z.string().min(1))).optional(),
    gridFile: z.string().optional(),
    /** The State Council's holiday arrangements (off days, 调休 make-up days), path relative to this file. */
    holidays: z.string().min(1).optional(),
    /** Deadline policy: defaults 1/3/5 working days, 18:00, urgent 2 h / 1 working day, emergency 30 min / 2 h; byCategory overrides per category. */
    sla: SlaSchema.extend({ byCategory: z.record(z.string(), SlaSchema).optional() }).strict().optional(),
    /** 每月一题: last month's proposal goes to the street staff and leaders on this day (1–28) at this China time. */
    insights: z.object({ monthlyDay: z.number().int().min(1).max(28), monthlyAt: HHMM }).partial().strict().optional(),
    /**
     * 三单式 service: points credited to a volunteer when the resident confirms a request (default 10); the monthly
     * points 公示 (last month's ranking in each volunteers' group) on this day (1–28) at this China time, top N places.
     */
    service: z
      .object({
        pointsPerRequest: z.number().int().min(0).max(1000),
        pointsNoticeDay: z.number().int().min(1).max(28),
        pointsNoticeAt: HHMM,
        pointsNoticeTop: z.number().int().min(1).max(50),
      })
      .partial()
      .strict()
      .optional(),
    /** Patrol thresholds (word lists stay in code), with per-grid overrides by node code: byNode: { DY-G01: {…} }. */
    patrol: MessageRulesSchema.extend({ byNode: z.record(z.string(), MessageRulesSchema).optional() }).strict().optional(),
  })
  .strict();

export type CommandKind = (typeof COMMAND_KINDS)[number];

export interface Config {
  /** LINLI_DATA_DIR, resolved: the embedded store, this site's retrained model, the sandbox log. */
  dataDir: string;
  store: { kind: 'postgres'; url: string; prepare: boolean } | { kind: 'pglite'; dataDir: string; templateFile?: string };
  queue: { kind: 'redis'; url: string } | { kind: 'memory' };
  /** The pipeline's queues (issue #5): Redis key prefix and the notify stage's pace per bot account. */
  pipeline: { queuePrefix: string; notifyLimit: { max: number; durationMs: number }; ingestLanes?: number };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  botName: string;
  commandAliases: Partial<Record<CommandKind, string[]>>;
  /** Overrides of the deadline policy (see DEFAULT_SLA_POLICY). */
  sla: z.infer<typeof FileSchema>['sla'] & object;
  /** Patrol thresholds and their per-grid overrides. */
  patrol: z.infer<typeof FileSchema>['patrol'] & object;
  gridFile?: string;
  /** 每月一题's monthly proposal by direct message: day of the month (default 1) and China time (default 09:00). */
  insights: { monthlyDay: number; monthlyAt: string };
  /** 三单式 service: points per confirmed request (default 10); the monthly points 公示's day (1), China time (10:00) and places (10). */
  service: { pointsPerRequest: number; pointsNoticeDay: number; pointsNoticeAt: string; pointsNoticeTop: number };
  /** LINLI_DEMO_HISTORY: the sandbox seeds a new store with generated demo tickets. */
  demoHistory: boolean;
  /** The holidays file (config key `holidays`), read and validated; its years take precedence over chinese-days. */
  holidays: HolidayArrangement[];
  holidaysFile?: string;
  llm?: { baseUrl: string; apiKey?: string; model: string; timeoutMs: number; maxConcurrency: number; maxTokens: number; uncertainBelow: number; hazardDoubtFrom: number };
  triageModel?: string;
  notifyAssigneeDirect: boolean;
  /** The admin API's port; 0 = turned off (LINLI_HTTP_PORT=off); unset = none in `linli start`, the default in the sandbox. */
  httpPort?: number;
  /** HTTP API bearer tokens → the person key each acts as (LINLI_API_TOKENS); empty = the API accepts nobody. */
  apiTokens: Record<string, string>;
  /** Console sign-in and sessions (LINLI_COOKIE_SECURE, LINLI_CONSOLE_ORIGINS, LINLI_SESSION_*, LINLI_AUTHORITY_CACHE_MS). */
  console: ConsoleConfig;
  wechat: WechatConfig;
  telegram: TelegramConfig;
}

export interface ConsoleConfig {
  secureCookies: boolean | 'auto';
  /** Empty: the origin the request was sent to. */
  origins: string[];
  sessionTtlMs: number;
  idleMs: number;
  authorityCacheMs: number;
  /** Reverse proxies in front (X-Forwarded-For entries to skip from the right, minus one). */
  proxyHops: number;
}

export interface TelegramConfig {
  /** undefined = no Telegram bot. */
  token?: string;
  /** Bot API root without a trailing slash (https://api.telegram.org, or a local Bot API server). */
  apiRoot: string;
  /** Messages per second across all chats (the notify and broadcast pace of the bot). */
  globalPerSecond: number;
  /** Messages per minute into one group. */
  groupPerMinute: number;
  /** Minimum gap between two messages into one chat, in milliseconds. */
  chatIntervalMs: number;
}

export interface WechatConfig {
  /** undefined = no real WeChat: the sandbox drives mock groups. */
  puppet?: 'wechaty-puppet-service' | 'wechaty-puppet-mock';
  service?: { token: string; endpoint: string; authority?: string; noTls: boolean; caCert?: string; serverName?: string };
  sendIntervalMs: number;
  sendJitterMs: number;
  /** Sends under way at once (LINLI_WECHAT_SEND_IN_FLIGHT). */
  sendInFlight: number;
  loginTimeoutMs: number;
  /** How long a start waits for another process holding the same account (see LINLI_WECHAT_LOCK_WAIT_MS). */
  lockWaitMs?: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function formatIssues(error: z.ZodError, source: string): string {
  return error.issues
    .map((i) => `${source}${i.path.length ? ' ' + i.path.join('.') : ''}: ${i.message}`)
    .join('\n');
}

/** The keys an object of the schema at this path of the config file takes (through optional, partial, records). */
function keysAt(path: readonly PropertyKey[]): string[] {
  let schema: unknown = FileSchema;
  const step = (s: unknown): unknown => {
    // unwrap optional / default / nullable to the object or record inside
    for (let d = (s as { _zod?: { def?: { type?: string; innerType?: unknown } } })?._zod?.def; d && d.innerType; ) {
      s = d.innerType;
      d = (s as { _zod?: { def?: { type?: string; innerType?: unknown } } })._zod?.def;
    }
    return s;
  };
  for (const key of path) {
    const def = (step(schema) as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; valueType?: unknown } } })?._zod?.def;
    if (def?.type === 'object') schema = def.shape?.[String(key)];
    else if (def?.type === 'record') schema = def.valueType;
    else return [];
  }
  const def = (step(schema) as { _zod?: { def?: { type?: string; shape?: Record<string, unknown> } } })?._zod?.def;
  return def?.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

/** Settings an operator may look for in the config file that are environment variables. */
const ENV_ONLY: Record<string, string> = {
  databaseurl: 'DATABASE_URL', database: 'DATABASE_URL', db: 'DATABASE_URL', postgres: 'DATABASE_URL', postgresql: 'DATABASE_URL', pg: 'DATABASE_URL',
  redisurl: 'REDIS_URL', redis: 'REDIS_URL',
  httpport: 'LINLI_HTTP_PORT', port: 'LINLI_HTTP_PORT',
  queueprefix: 'LINLI_QUEUE_PREFIX', prefix: 'LINLI_QUEUE_PREFIX', keyprefix: 'LINLI_QUEUE_PREFIX',
  datadir: 'LINLI_DATA_DIR', loglevel: 'LOG_LEVEL', apitokens: 'LINLI_API_TOKENS',
  telegrambottoken: 'TELEGRAM_BOT_TOKEN', telegramtoken: 'TELEGRAM_BOT_TOKEN', telegram: 'TELEGRAM_BOT_TOKEN',
  wechatypuppet: 'WECHATY_PUPPET', puppet: 'WECHATY_PUPPET',
};

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]!;
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const here = d[j]!;
      d[j] = Math.min(d[j]! + 1, d[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = here;
    }
  }
  return d[b.length]!;
}

/** What to say about a key the config file does not know: the key meant, the environment variable, or the known keys. */
function unknownKeyHint(key: string, known: readonly string[]): string {
  const folded = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  const envVar = ENV_ONLY[folded] ?? (key in EnvSchema.shape ? key : undefined);
  if (envVar) return `set the environment variable ${envVar} instead (connections, ports and tokens are not config file keys)`;
  const near = known
    .map((k) => ({ k, d: k.toLowerCase() === key.toLowerCase() ? 0 : editDistance(k.toLowerCase(), key.toLowerCase()) }))
    .filter((x) => x.d <= Math.max(1, Math.min(2, Math.floor(x.k.length / 4))))
    .sort((a, b) => a.d - b.d)[0];
  if (near) return `did you mean "${near.k}"?`;
  return known.length ? `(known: ${known.join(', ')})` : '';
}

function formatFileIssues(error: z.ZodError, file: string): string {
  const source = `config file ${file}:`;
  const topUnknown = error.issues.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : []));
  if (topUnknown.some((k) => k === 'nodes' || k === 'groups' || k === 'people')) {
    return `${source} this is a grid file (nodes, groups, people), not a config file: name it with gridFile in the config file or LINLI_GRID_FILE, or import it with \`linli grid import\``;
  }
  return error.issues
    .flatMap((i) => {
      const where = i.path.length ? ` ${i.path.join('.')}:` : '';
      if (i.code !== 'unrecognized_keys') return [`${source}${where} ${i.message}`];
      const known = keysAt(i.path);
      return i.keys.map((k) => {
        const hint = unknownKeyHint(k, known);
        return `${source}${where} unknown key "${k}"${hint.startsWith('(') ? ' ' : ': '}${hint}`.trimEnd().replace(/:$/, '');
      });
    })
    .join('\n');
}

function readConfigFile(file: string): z.infer<typeof FileSchema> {
  if (!existsSync(file)) throw new ConfigError(`LINLI_CONFIG: file not found: ${file}`);
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new ConfigError(`LINLI_CONFIG: ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  const parsed = FileSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new ConfigError(formatFileIssues(parsed.error, file));
  return parsed.data;
}

function readHolidays(file: string, configFile: string): HolidayArrangement[] {
  try {
    return readHolidaysFile(file);
  } catch (err) {
    if (err instanceof HolidaysFileError) throw new ConfigError(`config file ${configFile}: holidays: bad holidays file\n${err.message}`);
    throw err;
  }
}

/** Parses the environment (and the config file it names). Throws ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`invalid configuration:\n${formatIssues(parsed.error, 'env')}`);
  const e = parsed.data;
  const file = e.LINLI_CONFIG ? readConfigFile(e.LINLI_CONFIG) : {};
  if (e.LLM_BASE_URL && !e.LLM_MODEL) throw new ConfigError('env LLM_MODEL: required when LLM_BASE_URL is set');
  if (e.WECHATY_PUPPET === 'wechaty-puppet-service') {
    if (!e.WECHATY_PUPPET_SERVICE_TOKEN) throw new ConfigError('env WECHATY_PUPPET_SERVICE_TOKEN: required with WECHATY_PUPPET=wechaty-puppet-service');
    if (!e.WECHATY_PUPPET_SERVICE_ENDPOINT) {
      throw new ConfigError('env WECHATY_PUPPET_SERVICE_ENDPOINT: required with WECHATY_PUPPET=wechaty-puppet-service (host:port of your puppet service)');
    }
  }
  const relToConfig = (p: string) => (e.LINLI_CONFIG ? path.resolve(path.dirname(e.LINLI_CONFIG), p) : p);
  const holidaysFile = file.holidays ? relToConfig(file.holidays) : undefined;
  return {
    dataDir: path.resolve(e.LINLI_DATA_DIR),
    store: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, prepare: e.LINLI_PG_PREPARE === 'true' }
      : { kind: 'pglite', dataDir: path.resolve(e.LINLI_DATA_DIR), ...(e.LINLI_PGLITE_TEMPLATE ? { templateFile: path.resolve(e.LINLI_PGLITE_TEMPLATE) } : {}) },
    queue: e.REDIS_URL ? { kind: 'redis', url: e.REDIS_URL } : { kind: 'memory' },
    pipeline: {
      queuePrefix: e.LINLI_QUEUE_PREFIX,
      notifyLimit: { max: e.LINLI_NOTIFY_MAX, durationMs: e.LINLI_NOTIFY_PER_MS },
      ingestLanes: e.LINLI_INGEST_LANES,
    },
    logLevel: e.LOG_LEVEL,
    botName: file.botName ?? e.LINLI_BOT_NAME,
    commandAliases: file.commandAliases ?? {},
    sla: file.sla ?? {},
    patrol: file.patrol ?? {},
    gridFile: e.LINLI_GRID_FILE ?? (file.gridFile ? relToConfig(file.gridFile) : undefined),
    insights: { monthlyDay: file.insights?.monthlyDay ?? 1, monthlyAt: file.insights?.monthlyAt ?? '09:00' },
    service: {
      pointsPerRequest: file.service?.pointsPerRequest ?? 10,
      pointsNoticeDay: file.service?.pointsNoticeDay ?? 1,
      pointsNoticeAt: file.service?.pointsNoticeAt ?? '10:00',
      pointsNoticeTop: file.service?.pointsNoticeTop ?? 10,
    },
    demoHistory: e.LINLI_DEMO_HISTORY === 'on',
    holidays: holidaysFile ? readHolidays(holidaysFile, e.LINLI_CONFIG!) : [],
    holidaysFile,
    llm: e.LLM_BASE_URL
      ? {
          baseUrl: e.LLM_BASE_URL,
          apiKey: e.LLM_API_KEY,
          model: e.LLM_MODEL!,
          timeoutMs: e.LLM_TIMEOUT_MS,
          maxConcurrency: e.LLM_MAX_CONCURRENCY,
          maxTokens: e.LLM_MAX_TOKENS,
          uncertainBelow: e.LLM_UNCERTAIN_BELOW,
          hazardDoubtFrom: e.LLM_HAZARD_DOUBT_FROM,
        }
      : undefined,
    triageModel: e.LINLI_TRIAGE_MODEL,
    notifyAssigneeDirect: e.LINLI_NOTIFY_ASSIGNEE_DIRECT === 'true',
    httpPort: e.LINLI_HTTP_PORT,
    apiTokens: e.LINLI_API_TOKENS,
    console: {
      secureCookies: e.LINLI_COOKIE_SECURE === 'auto' ? 'auto' : e.LINLI_COOKIE_SECURE === 'true',
      origins: e.LINLI_CONSOLE_ORIGINS.map((o) => new URL(o).origin),
      sessionTtlMs: Math.round(e.LINLI_SESSION_TTL_HOURS * 3_600_000),
      idleMs: Math.round(e.LINLI_SESSION_IDLE_MINUTES * 60_000),
      authorityCacheMs: e.LINLI_AUTHORITY_CACHE_MS,
      proxyHops: e.LINLI_PROXY_HOPS,
    },
    wechat: {
      puppet: e.WECHATY_PUPPET,
      service:
        e.WECHATY_PUPPET === 'wechaty-puppet-service'
          ? {
              token: e.WECHATY_PUPPET_SERVICE_TOKEN!,
              endpoint: e.WECHATY_PUPPET_SERVICE_ENDPOINT!,
              authority: e.WECHATY_PUPPET_SERVICE_AUTHORITY,
              noTls: e.WECHATY_PUPPET_SERVICE_NO_TLS_INSECURE_CLIENT === 'true',
              caCert: e.WECHATY_PUPPET_SERVICE_TLS_CA_CERT,
              serverName: e.WECHATY_PUPPET_SERVICE_TLS_SERVER_NAME,
            }
          : undefined,
      sendIntervalMs: e.LINLI_WECHAT_SEND_INTERVAL_MS,
      sendJitterMs: e.LINLI_WECHAT_SEND_JITTER_MS,
      sendInFlight: e.LINLI_WECHAT_SEND_IN_FLIGHT,
      loginTimeoutMs: e.LINLI_WECHAT_LOGIN_TIMEOUT_MS,
      lockWaitMs: e.LINLI_WECHAT_LOCK_WAIT_MS,
    },
    telegram: {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT,
      globalPerSecond: e.LINLI_TELEGRAM_GLOBAL_PER_SECOND,
      groupPerMinute: e.LINLI_TELEGRAM_GROUP_PER_MINUTE,
      chatIntervalMs: e.LINLI_TELEGRAM_CHAT_INTERVAL_MS,
    },
  };
}
