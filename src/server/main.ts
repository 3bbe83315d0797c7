import pino from 'pino';

import { markInterruptedBulkUpdates } from '../bulk/bulk-update.js';
import { ConfigError, readConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openConfiguredDatabase } from '../db/open-configured.js';
import { compactPersonCountsIfNeeded } from '../persons/person-counts.js';
import { ensureFirstAdministrator } from '../users/bootstrap-admin.js';
import { buildApp } from './app.js';

/** How often the server checks whether the person counts need folding. */
const COUNT_FOLD_INTERVAL_MS = 60_000;

async function main(): Promise<void> {
  const config = readConfig();
  const logger = pino({ level: config.logLevel });
  const database = await openConfiguredDatabase(config, 'server');
  const admin = await ensureFirstAdministrator(database.db, config);
  const interrupted = await markInterruptedBulkUpdates(database.db);

  const app = await buildApp({ db: database.db, config, logger });
  const folding = setInterval(() => {
    compactPersonCountsIfNeeded(database.db).catch((error: unknown) => app.log.warn({ err: error }, 'folding the person counts failed'));
  }, COUNT_FOLD_INTERVAL_MS);
  folding.unref();
  if (interrupted > 0) app.log.warn({ interrupted }, 'bulk updates left unfinished by the last run were marked interrupted');
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    clearInterval(folding);
    await app.close();
    await database.close();
    app.log.info('stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}`;
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${config.dataDir}`;

  const lines = [``, `Trechter is running at ${address}`, `Database: ${where}`];
  if (admin.created && admin.generatedPassword) {
    lines.push(`First administrator created. Sign in with:`, `  email:    ${admin.email}`, `  password: ${admin.generatedPassword}`, `This password is shown only once; change it after signing in.`);
  } else if (admin.created) {
    lines.push(`First administrator created: sign in as ${admin.email} with TRECHTER_ADMIN_PASSWORD.`);
  } else {
    lines.push(`Sign in with your Trechter account.`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    process.stderr.write(`Trechter cannot start: ${error.message}\n`);
  } else {
    process.stderr.write(`Trechter failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
