import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SMS_NOTICES_PER_PHONE_PER_DAY, type SubscribeTemplate } from '@mqlk/shared';
import * as v from 'valibot';
import { type DatabaseConnection, parseDatabaseUrl } from './database-url';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  nodeEnv: NodeEnv;
  host: string;
  port: number;
  database: DatabaseConnection & { migrationsRun: boolean };
  /** Origin that QR codes and links point at, without a trailing slash. */
  publicBaseUrl: string;
  tokenSecret: string;
  /** 32 bytes: the AES-256 key for phone numbers at rest. */
  phoneEncKey: Buffer;
  /** Absolute path of the H5 build; served at / when it exists. */
  h5DistDir: string;
  uploadDir: string;
  logLevel: LogLevel;
  /** Null when unset: the local SMS stand-in is used (never in production). */
  smsGatewayUrl: string | null;
  /** Null when unset: the local WeChat stand-in is used (never in production). */
  wechat: { appId: string; secret: string } | null;
  /** S3/COS-compatible photo storage. Null when unset: photos go to `uploadDir` (never in production). */
  s3: S3Config | null;
  /** Tencent Cloud ASR for voice requests. Null when unset: the local stand-in (never in production). */
  asr: AsrConfig | null;
  /** Null when unset: rate-limit counters are kept in this process's memory (one instance only). */
  redis: { url: string; keyPrefix: string } | null;
  /** How many SMS sign-in codes may be sent per hour, from one client address and in all. */
  smsLimits: { perAddressPerHour: number; perHour: number };
  /**
   * Fastify's `trustProxy`: whose X-Forwarded-For to believe for the client address. False unless
   * the server runs behind a load balancer; then the number of proxies in front of it or their
   * addresses, so that clients cannot pick their own address by sending the header themselves.
   */
  trustProxy: boolean | number | string;
  /** DEV_CLOCK: a movable clock and POST /api/dev/clock (development and tests; refused in production). */
  devClock: boolean;
  /** The sweeps and the outbox dispatcher running in this process, and how often. */
  jobs: { enabled: boolean; sweepIntervalMs: number; dispatchIntervalMs: number };
  /** Where the real WeChat client sends its calls (a proxy, or a stand-in server in tests). */
  wechatApiBase: string;
  /** Subscribe-message templates; null where none is configured (those notices stay in the app). */
  wechatTemplates: Record<SubscribeTemplate, WechatTemplate | null>;
  /** Which build of the mini-program a subscribe message opens. */
  wechatMiniprogramState: 'formal' | 'trial' | 'developer';
  /** SMS notices one phone may receive per local day. */
  smsNoticesPerPhonePerDay: number;
  /** The CJK font printed card sheets embed (`modules/print/card-font.ts` looks it up). */
  cardFont: { path: string | null; face: string | null };
  /**
   * Tencent Cloud text-to-speech for 读给我听 in the weapp. Null when unset: a local stand-in that
   * plays tones instead of words (never in production).
   */
  tts: { secretId: string; secretKey: string; region: string; voiceType: number } | null;
  /**
   * 普通链接二维码 校验文件: the file WeChat's console hands out, served at the site root so that
   * WeChat accepts this origin's card links as the mini-program's. Null when unset: nothing served.
   */
  wechatLinkVerify: { fileName: string; content: string } | null;
  /**
   * 消息推送: the token (and, in 安全模式, the EncodingAESKey) set in the mini-program's console, by
   * which WeChat's pushes (mediaCheckAsync verdicts) are known to be WeChat's. Null when unset:
   * every push is refused (never in production, where photos and recordings wait for them).
   */
  wechatPush: { token: string; aesKey: string | null } | null;
}

/** A subscribe-message template: its id, and which of its fields carries which part of a notice. */
export interface WechatTemplate {
  id: string;
  /** the template's field keys (thing1, phrase2, time3…) for each slot a notice fills */
  fields: Partial<Record<TemplateSlot, string>>;
}

/** What a notice can fill: the matter, its status (≤ 5 characters), a time, a note. */
export const TEMPLATE_SLOTS = ['matter', 'status', 'time', 'note'] as const;
export type TemplateSlot = (typeof TEMPLATE_SLOTS)[number];

export interface S3Config {
  /** e.g. https://cos.ap-guangzhou.myqcloud.com, or https://<bucket>.cos… (virtual-hosted) */
  endpoint: string;
  bucket: string;
  accessKey: string;
  secretKey: string;
  region: string;
}

export interface AsrConfig {
  secretId: string;
  secretKey: string;
  /** e.g. ap-shanghai */
  region: string;
  /** the engine model: 16k_zh (Mandarin), 16k_zh_dialect (23 dialects)… */
  engine: string;
}

export interface ConfigIssue {
  key: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n` +
        issues.map((i) => `  - ${i.key}: ${i.message}`).join('\n') +
        '\nSee server/.env.example for every key.',
    );
    this.name = 'ConfigError';
  }
}

// Development defaults: fixed so that local data stays readable across restarts, refused in production.
const DEV_TOKEN_SECRET = 'dev-only-token-secret-never-use-in-production';
const DEV_PHONE_ENC_KEY = createHash('sha256').update('mqlk development phone key').digest();

const SECRET_KEYS = new Set([
  'TOKEN_SECRET',
  'PHONE_ENC_KEY',
  'WECHAT_SECRET',
  'DATABASE_URL',
  'S3_SECRET_KEY',
  'REDIS_URL',
  'TTS_SECRET_KEY',
  'WECHAT_PUSH_TOKEN',
  'WECHAT_PUSH_AES_KEY',
]);

const bool = v.pipe(
  v.string(),
  v.picklist(['true', 'false', '1', '0'], 'must be true or false'),
  v.transform((s) => s === 'true' || s === '1'),
);

const encryptionKey = v.pipe(
  v.string(),
  v.transform((s) =>
    /^[0-9a-fA-F]{64}$/.test(s) ? Buffer.from(s, 'hex') : Buffer.from(s, 'base64'),
  ),
  v.check(
    (key) => key.length === 32,
    'must be 32 bytes as base64 (44 chars) or hex (64 chars), e.g. `openssl rand -base64 32`',
  ),
);

const perHour = v.pipe(
  v.string(),
  v.regex(/^\d{1,9}$/, 'must be a whole number of sends per hour, at least 1'),
  v.transform(Number),
  v.minValue(1, 'must be a whole number of sends per hour, at least 1'),
);

/** Addresses or CIDRs (10.0.0.0/8), or proxy-addr's names (loopback, linklocal, uniquelocal). */
const PROXY_LIST =
  /^(?:[0-9A-Fa-f.:/]+|loopback|linklocal|uniquelocal)(?:\s*,\s*(?:[0-9A-Fa-f.:/]+|loopback|linklocal|uniquelocal))*$/;

const positiveInt = (what: string) =>
  v.pipe(
    v.string(),
    v.regex(/^\d{1,9}$/, `must be a whole number of ${what}, at least 1`),
    v.transform(Number),
    v.minValue(1, `must be a whole number of ${what}, at least 1`),
  );

/**
 * `<template id>:matter=thing1,status=phrase2,time=time3,note=thing4` — the id WeChat gave the
 * template, and the template's own field key for each slot it has (the key's prefix is its type).
 */
const TEMPLATE_PATTERN =
  /^[A-Za-z0-9_-]{10,64}:(?:matter|status|time|note)=[a-z_]+\d+(?:,(?:matter|status|time|note)=[a-z_]+\d+)*$/;
const wechatTemplate = v.pipe(
  v.string(),
  v.regex(
    TEMPLATE_PATTERN,
    'must be <template id>:matter=thing1,status=phrase2,time=time3,note=thing4 (the slots the template has)',
  ),
  v.transform((s): WechatTemplate => {
    const [id, pairs] = s.split(':') as [string, string];
    const fields: WechatTemplate['fields'] = {};
    for (const pair of pairs.split(',')) {
      const [slot, key] = pair.split('=') as [TemplateSlot, string];
      fields[slot] = key;
    }
    return { id, fields };
  }),
);

const ENV_SCHEMA = v.object({
  NODE_ENV: v.optional(v.picklist(NODE_ENVS, `must be one of ${NODE_ENVS.join(', ')}`)),
  HOST: v.optional(v.string()),
  PORT: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,5}$/, 'must be a port number from 1 to 65535'),
      v.transform(Number),
      v.minValue(1, 'must be a port number from 1 to 65535'),
      v.maxValue(65535, 'must be a port number from 1 to 65535'),
    ),
  ),
  DATABASE_URL: v.optional(v.string()),
  DATABASE_MIGRATIONS_RUN: v.optional(bool),
  PUBLIC_BASE_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^https?:\/\/[^/\s]+\/?$/, 'must be an origin like https://mqlk.example.gov.cn'),
      v.transform((s) => s.replace(/\/$/, '')),
    ),
  ),
  TOKEN_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  PHONE_ENC_KEY: v.optional(encryptionKey),
  H5_DIST_DIR: v.optional(v.string()),
  UPLOAD_DIR: v.optional(v.string()),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`)),
  SMS_GATEWAY_URL: v.optional(
    v.pipe(v.string(), v.regex(/^https?:\/\/\S+$/, 'must be an http(s) URL of the SMS gateway')),
  ),
  WECHAT_APPID: v.optional(
    v.pipe(v.string(), v.regex(/^wx[0-9a-f]{16}$/, 'must look like wx0123456789abcdef')),
  ),
  TENCENT_ASR_SECRET_ID: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  TENCENT_ASR_SECRET_KEY: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  TENCENT_ASR_REGION: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]+-[a-z-]+$/, 'must be a region like ap-shanghai')),
  ),
  TENCENT_ASR_ENGINE: v.optional(
    v.pipe(v.string(), v.regex(/^(8k|16k)_[A-Za-z_-]+$/, 'must be an engine like 16k_zh')),
  ),
  WECHAT_SECRET: v.optional(
    v.pipe(v.string(), v.regex(/^[0-9A-Za-z]{32}$/, 'must be 32 letters or digits')),
  ),
  S3_ENDPOINT: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^https?:\/\/[^/\s]+\/?$/,
        'must be an origin like https://cos.ap-guangzhou.myqcloud.com',
      ),
      v.transform((s) => s.replace(/\/$/, '')),
    ),
  ),
  S3_BUCKET: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[a-z0-9][a-z0-9.-]{1,62}$/, 'must be a bucket name (a-z, 0-9, - and .)'),
    ),
  ),
  S3_ACCESS_KEY: v.optional(v.string()),
  S3_SECRET_KEY: v.optional(v.string()),
  S3_REGION: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/, 'must be a region name like ap-guangzhou')),
  ),
  REDIS_URL: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^rediss?:\/\/\S+$/,
        'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379',
      ),
    ),
  ),
  REDIS_KEY_PREFIX: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be up to 64 letters, digits, or : _ . -'),
    ),
  ),
  SMS_LIMIT_PER_ADDRESS_PER_HOUR: v.optional(perHour),
  SMS_LIMIT_PER_HOUR: v.optional(perHour),
  TRUST_PROXY: v.optional(
    v.pipe(
      v.string(),
      v.check(
        (s) => /^(?:true|false|\d{1,2})$/.test(s) || PROXY_LIST.test(s),
        'must be false, true, the number of proxies in front of the server, or their addresses (10.0.0.1,10.1.0.0/16)',
      ),
      v.transform((s): boolean | number | string =>
        s === 'true' ? true : s === 'false' ? false : /^\d+$/.test(s) ? Number(s) : s,
      ),
    ),
  ),
  DEV_CLOCK: v.optional(bool),
  JOBS_ENABLED: v.optional(bool),
  SWEEP_INTERVAL_SECONDS: v.optional(positiveInt('seconds')),
  DISPATCH_INTERVAL_MS: v.optional(positiveInt('milliseconds')),
  WECHAT_API_BASE: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^https?:\/\/[^/\s]+\/?$/, 'must be an origin like https://api.weixin.qq.com'),
      v.transform((s) => s.replace(/\/$/, '')),
    ),
  ),
  WECHAT_TEMPLATE_PROGRESS: v.optional(wechatTemplate),
  WECHAT_TEMPLATE_NEW_REQUEST: v.optional(wechatTemplate),
  WECHAT_TEMPLATE_REMINDER: v.optional(wechatTemplate),
  WECHAT_MINIPROGRAM_STATE: v.optional(
    v.picklist(['formal', 'trial', 'developer'], 'must be formal, trial or developer'),
  ),
  SMS_NOTICES_PER_PHONE_PER_DAY: v.optional(positiveInt('messages')),
  CARD_FONT_PATH: v.optional(v.string()),
  CARD_FONT_FACE: v.optional(v.string()),
  WECHAT_LINK_VERIFY_FILE: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[A-Za-z0-9_-]{1,64}\.txt$/,
        "must be the verification file name from WeChat's console, e.g. a1B2c3D4e5.txt",
      ),
    ),
  ),
  WECHAT_PUSH_TOKEN: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{3,32}$/, 'must be 3 to 32 letters or digits')),
  ),
  WECHAT_PUSH_AES_KEY: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9]{43}$/, 'must be the 43-character EncodingAESKey')),
  ),
  WECHAT_LINK_VERIFY_CONTENT: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[A-Za-z0-9_-]{1,256}$/,
        "must be the verification file's content, letters and digits",
      ),
    ),
  ),
  TTS_SECRET_ID: v.optional(
    v.pipe(v.string(), v.regex(/^[0-9A-Za-z]{16,64}$/, 'must be a Tencent Cloud SecretId')),
  ),
  TTS_SECRET_KEY: v.optional(
    v.pipe(v.string(), v.regex(/^[0-9A-Za-z]{16,64}$/, 'must be a Tencent Cloud SecretKey')),
  ),
  TTS_REGION: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z]+(?:-[a-z]+)+$/, 'must be a region name like ap-guangzhou')),
  ),
  TTS_VOICE_TYPE: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d{1,9}$/, 'must be a Tencent Cloud voice type number, e.g. 101001'),
      v.transform(Number),
    ),
  ),
});

/** Photo storage settings that must come together (S3_REGION has a default). */
const S3_KEYS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'] as const;

export const CONFIG_KEYS = Object.keys(ENV_SCHEMA.entries) as (keyof typeof ENV_SCHEMA.entries)[];

/**
 * Reads the configuration once from an environment (process.env in production). Every bad key is
 * reported at once; empty values count as unset. Relative paths are resolved against `cwd`.
 */
export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): AppConfig {
  const raw: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key]?.trim();
    if (value) raw[key] = value;
  }

  const issues: ConfigIssue[] = [];
  let parsed = v.safeParse(ENV_SCHEMA, raw);
  if (!parsed.success) {
    const bad = new Set<string>();
    for (const issue of parsed.issues) {
      const key = String(issue.path?.[0]?.key ?? '?');
      const got = SECRET_KEYS.has(key) ? '' : ` (got "${raw[key]}")`;
      issues.push({ key, message: issue.message + got });
      bad.add(key);
    }
    // Go on without the bad keys, so that the rules below report their problems in the same message.
    parsed = v.safeParse(
      ENV_SCHEMA,
      Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))),
    );
    if (!parsed.success) throw new ConfigError(issues);
  }
  const e = parsed.output;
  const nodeEnv = e.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const port = e.PORT ?? 3000;

  const databaseUrl = e.DATABASE_URL ?? 'sqlite:./data/mqlk.sqlite';
  const database = parseDatabaseUrl(databaseUrl, cwd);
  if (typeof database === 'string') issues.push({ key: 'DATABASE_URL', message: database });

  const requiredInProduction = (key: string, hint: string) => {
    if (production && raw[key] === undefined) {
      issues.push({ key, message: `required when NODE_ENV=production (${hint})` });
    }
  };
  requiredInProduction(
    'DATABASE_URL',
    'mysql://… or mariadb://…, or sqlite:<file> for one small instance',
  );
  requiredInProduction('PUBLIC_BASE_URL', 'the https origin printed in QR codes');
  requiredInProduction(
    'TOKEN_SECRET',
    'at least 32 random characters, e.g. `openssl rand -base64 48`',
  );
  requiredInProduction('PHONE_ENC_KEY', '32 random bytes, e.g. `openssl rand -base64 32`');
  requiredInProduction('SMS_GATEWAY_URL', 'the SMS gateway that sends sign-in codes');
  requiredInProduction('WECHAT_APPID', 'the mini-program AppID');
  requiredInProduction('WECHAT_SECRET', 'the mini-program AppSecret');
  requiredInProduction(
    'WECHAT_PUSH_TOKEN',
    "the 消息推送 token: WeChat's content-security verdicts on photos and recordings come through it",
  );
  if (e.WECHAT_PUSH_AES_KEY !== undefined && e.WECHAT_PUSH_TOKEN === undefined) {
    issues.push({
      key: 'WECHAT_PUSH_TOKEN',
      message: 'WECHAT_PUSH_AES_KEY needs WECHAT_PUSH_TOKEN',
    });
  }
  requiredInProduction(
    'TENCENT_ASR_SECRET_ID',
    'voice requests are transcribed by Tencent Cloud ASR; the local stand-in only marks them',
  );
  requiredInProduction('TENCENT_ASR_SECRET_KEY', 'the key of TENCENT_ASR_SECRET_ID');
  if ((e.TENCENT_ASR_SECRET_ID === undefined) !== (e.TENCENT_ASR_SECRET_KEY === undefined)) {
    const missing =
      e.TENCENT_ASR_SECRET_ID === undefined ? 'TENCENT_ASR_SECRET_ID' : 'TENCENT_ASR_SECRET_KEY';
    issues.push({
      key: missing,
      message: 'TENCENT_ASR_SECRET_ID and TENCENT_ASR_SECRET_KEY must be set together',
    });
  }
  for (const key of S3_KEYS) {
    requiredInProduction(key, 'photos are kept in S3/COS-compatible storage in production');
  }
  if (production && e.DEV_CLOCK) {
    issues.push({
      key: 'DEV_CLOCK',
      message:
        'a movable clock cannot run with NODE_ENV=production: deadlines must follow real time',
    });
  }
  if (production && e.PUBLIC_BASE_URL?.startsWith('http://')) {
    issues.push({
      key: 'PUBLIC_BASE_URL',
      message: 'must be https:// in production (WeChat only opens https links)',
    });
  }
  requiredInProduction('TTS_SECRET_ID', 'Tencent Cloud text-to-speech reads cards aloud in WeChat');
  requiredInProduction(
    'TTS_SECRET_KEY',
    'Tencent Cloud text-to-speech reads cards aloud in WeChat',
  );
  if (!production && (e.TTS_SECRET_ID === undefined) !== (e.TTS_SECRET_KEY === undefined)) {
    const missing = e.TTS_SECRET_ID === undefined ? 'TTS_SECRET_ID' : 'TTS_SECRET_KEY';
    issues.push({ key: missing, message: 'TTS_SECRET_ID and TTS_SECRET_KEY must be set together' });
  }
  if ((e.WECHAT_LINK_VERIFY_FILE === undefined) !== (e.WECHAT_LINK_VERIFY_CONTENT === undefined)) {
    const missing =
      e.WECHAT_LINK_VERIFY_FILE === undefined
        ? 'WECHAT_LINK_VERIFY_FILE'
        : 'WECHAT_LINK_VERIFY_CONTENT';
    issues.push({
      key: missing,
      message: 'WECHAT_LINK_VERIFY_FILE and WECHAT_LINK_VERIFY_CONTENT must be set together',
    });
  }
  if ((e.WECHAT_APPID === undefined) !== (e.WECHAT_SECRET === undefined)) {
    const missing = e.WECHAT_APPID === undefined ? 'WECHAT_APPID' : 'WECHAT_SECRET';
    issues.push({ key: missing, message: 'WECHAT_APPID and WECHAT_SECRET must be set together' });
  }
  const s3Set = S3_KEYS.filter((key) => e[key] !== undefined);
  if (!production && s3Set.length > 0 && s3Set.length < S3_KEYS.length) {
    for (const key of S3_KEYS.filter((k) => e[k] === undefined)) {
      issues.push({ key, message: `${S3_KEYS.join(', ')} must be set together` });
    }
  }
  if (issues.length > 0 || typeof database === 'string') throw new ConfigError(issues);

  return Object.freeze({
    nodeEnv,
    host: e.HOST ?? '0.0.0.0',
    port,
    database: { ...database, migrationsRun: e.DATABASE_MIGRATIONS_RUN ?? !production },
    publicBaseUrl: e.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    tokenSecret: e.TOKEN_SECRET ?? DEV_TOKEN_SECRET,
    phoneEncKey: e.PHONE_ENC_KEY ?? DEV_PHONE_ENC_KEY,
    h5DistDir: path.resolve(cwd, e.H5_DIST_DIR ?? '../miniapp/h5/dist'),
    uploadDir: path.resolve(cwd, e.UPLOAD_DIR ?? './data/uploads'),
    logLevel: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    smsGatewayUrl: e.SMS_GATEWAY_URL ?? null,
    wechat:
      e.WECHAT_APPID !== undefined && e.WECHAT_SECRET !== undefined
        ? { appId: e.WECHAT_APPID, secret: e.WECHAT_SECRET }
        : null,
    s3:
      e.S3_ENDPOINT !== undefined &&
      e.S3_BUCKET !== undefined &&
      e.S3_ACCESS_KEY !== undefined &&
      e.S3_SECRET_KEY !== undefined
        ? {
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            accessKey: e.S3_ACCESS_KEY,
            secretKey: e.S3_SECRET_KEY,
            region: e.S3_REGION ?? 'us-east-1',
          }
        : null,
    asr:
      e.TENCENT_ASR_SECRET_ID !== undefined && e.TENCENT_ASR_SECRET_KEY !== undefined
        ? {
            secretId: e.TENCENT_ASR_SECRET_ID,
            secretKey: e.TENCENT_ASR_SECRET_KEY,
            region: e.TENCENT_ASR_REGION ?? 'ap-shanghai',
            engine: e.TENCENT_ASR_ENGINE ?? '16k_zh',
          }
        : null,
    redis:
      e.REDIS_URL !== undefined
        ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX ?? 'mqlk:' }
        : null,
    smsLimits: {
      perAddressPerHour: e.SMS_LIMIT_PER_ADDRESS_PER_HOUR ?? 20,
      perHour: e.SMS_LIMIT_PER_HOUR ?? 2000,
    },
    trustProxy: e.TRUST_PROXY ?? false,
    devClock: e.DEV_CLOCK ?? false,
    jobs: {
      enabled: e.JOBS_ENABLED ?? true,
      sweepIntervalMs: (e.SWEEP_INTERVAL_SECONDS ?? 60) * 1000,
      dispatchIntervalMs: e.DISPATCH_INTERVAL_MS ?? 2000,
    },
    wechatApiBase: e.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
    wechatTemplates: {
      progress: e.WECHAT_TEMPLATE_PROGRESS ?? null,
      newRequest: e.WECHAT_TEMPLATE_NEW_REQUEST ?? null,
      reminder: e.WECHAT_TEMPLATE_REMINDER ?? null,
    },
    wechatMiniprogramState: e.WECHAT_MINIPROGRAM_STATE ?? 'formal',
    smsNoticesPerPhonePerDay:
      e.SMS_NOTICES_PER_PHONE_PER_DAY ?? DEFAULT_SMS_NOTICES_PER_PHONE_PER_DAY,
    cardFont: { path: e.CARD_FONT_PATH?.trim() || null, face: e.CARD_FONT_FACE?.trim() || null },
    wechatPush:
      e.WECHAT_PUSH_TOKEN !== undefined
        ? { token: e.WECHAT_PUSH_TOKEN, aesKey: e.WECHAT_PUSH_AES_KEY ?? null }
        : null,
    wechatLinkVerify:
      e.WECHAT_LINK_VERIFY_FILE !== undefined && e.WECHAT_LINK_VERIFY_CONTENT !== undefined
        ? { fileName: e.WECHAT_LINK_VERIFY_FILE, content: e.WECHAT_LINK_VERIFY_CONTENT }
        : null,
    tts:
      e.TTS_SECRET_ID !== undefined && e.TTS_SECRET_KEY !== undefined
        ? {
            secretId: e.TTS_SECRET_ID,
            secretKey: e.TTS_SECRET_KEY,
            region: e.TTS_REGION ?? 'ap-guangzhou',
            // 101001: 智瑜, a clear standard female voice.
            voiceType: e.TTS_VOICE_TYPE ?? 101001,
          }
        : null,
  });
}

/**
 * The configuration of the server or one of its commands: the environment, then `.env` in the
 * working directory. A missing or bad value ends the process with its message (exit 1).
 */
export function loadProcessConfig(): AppConfig {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}
