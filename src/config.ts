import path from 'node:path';

import { LANGUAGES, type Language } from './db/schema.js';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded engine stores its data in dataDir. */
  databaseUrl: string | undefined;
  dataDir: string;
  timeZone: string;
  language: Language;
  logLevel: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
}

export class ConfigError extends Error {}

/** Reads the configuration from environment variables and rejects invalid values. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number between 0 and 65535, got "${env.PORT}"`);
  }

  const language = (env.TRECHTER_LANGUAGE ?? 'nl') as Language;
  if (!LANGUAGES.includes(language)) {
    throw new ConfigError(`TRECHTER_LANGUAGE must be "nl" or "en", got "${env.TRECHTER_LANGUAGE}"`);
  }

  const timeZone = env.TRECHTER_TIMEZONE ?? 'Europe/Amsterdam';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ConfigError(`TRECHTER_TIMEZONE must be an IANA time zone such as Europe/Amsterdam, got "${timeZone}"`);
  }

  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TRECHTER_DATA_DIR ?? './data'),
    timeZone,
    language,
    logLevel: env.LOG_LEVEL ?? 'info',
    adminEmail: env.TRECHTER_ADMIN_EMAIL || undefined,
    adminPassword: env.TRECHTER_ADMIN_PASSWORD || undefined,
  };
}
