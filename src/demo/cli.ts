import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';

import { type Config, ConfigError, readConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import type { OpenDatabase } from '../db/database.js';
import { openConfiguredDatabase } from '../db/open-configured.js';
import { type SeedDemoProgress, type SeedDemoSummary, seedDemoData } from './seed-demo-data.js';

const USAGE = `Usage: npm run seed:demo -- --persons N [--seed S]

Adds demo companies, persons and lead status history to the database that the server uses:
the PostgreSQL server in DATABASE_URL when it is set, otherwise the embedded database in
TRECHTER_DATA_DIR (default ./data). Stop the server first when it uses the embedded database.
When the database has no users besides administrators, it also adds eight demo users without a
password as owners.

Options:
  --persons N  number of persons to add, from 1 to 10000000 (required)
  --seed S     seed of the random generator, from 0 to 4294967295. The same seed and number of
               persons give the same data when run on the same day (UTC). Default: a random
               seed, printed at the end.
  --help       show this help`;

const MAX_PERSONS = 10_000_000;
const MAX_SEED = 0xffff_ffff;
const PROGRESS_INTERVAL_MS = 1_000;

class UsageError extends Error {}

interface CliOptions {
  persons: number;
  seed: number;
}

function parseOptions(args: string[]): CliOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { persons: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return 'help';

  if (parsed.values.persons === undefined) throw new UsageError('--persons is missing');
  const persons = parseWholeNumber('--persons', parsed.values.persons, 1, MAX_PERSONS);
  const seed = parsed.values.seed === undefined ? randomInt(0, MAX_SEED) : parseWholeNumber('--seed', parsed.values.seed, 0, MAX_SEED);
  return { persons, seed };
}

function parseWholeNumber(option: string, text: string, min: number, max: number): number {
  const value = Number(text.replace(/_/g, ''));
  if (!/^\d[\d_]*$/.test(text) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

function describeTarget(config: Config): string {
  if (config.databaseUrl === undefined) return `the embedded database in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL database "${url.pathname.slice(1)}" on ${url.host}`;
}

function startOfTodayUtc(): Date {
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  return today;
}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function reportProgress(progress: SeedDemoProgress, startedAt: number): void {
  const seconds = (Date.now() - startedAt) / 1_000;
  const percent = Math.floor((progress.personsDone / progress.personsTotal) * 100);
  process.stderr.write(
    `${formatCount(progress.personsDone)} of ${formatCount(progress.personsTotal)} persons (${percent}%), ` +
      `${formatCount(progress.companiesDone)} companies, ${formatCount(Math.round(progress.personsDone / seconds))} persons/s\n`,
  );
}

async function printSummary(database: OpenDatabase, summary: SeedDemoSummary, seed: number, seconds: number): Promise<void> {
  const statuses = await database.db.selectFrom('lead_statuses').select(['id', 'name_nl', 'name_en']).execute();
  const statusName = new Map(statuses.map((status) => [status.id, status.name_en ?? status.name_nl ?? `#${status.id}`]));

  const byStatus = [...summary.personsByLeadStatusId.entries()]
    .sort(([, a], [, b]) => b - a)
    .map(([id, count]) => `${id === null ? 'no status' : statusName.get(id)} ${formatCount(count)}`)
    .join(', ');

  process.stderr.write(
    `Added ${formatCount(summary.persons)} persons in ${formatCount(summary.companies)} companies, ` +
      `${formatCount(summary.leadStatusChanges)} lead status changes and ${summary.usersCreated} demo users ` +
      `in ${seconds.toFixed(1)} s (${formatCount(Math.round(summary.persons / seconds))} persons/s).\n` +
      `Leads (persons of a lead-enabled company): ${formatCount(summary.leads)}.\n` +
      `Persons by lead status: ${byStatus}.\n` +
      `Seed ${seed}: run again with --seed ${seed} --persons ${summary.persons} for the same data.\n`,
  );
}

async function main(): Promise<number> {
  let options: CliOptions | 'help';
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  let config;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }

  process.stderr.write(`Adding ${formatCount(options.persons)} demo persons to ${describeTarget(config)}\n`);
  let database: OpenDatabase;
  try {
    database = await openConfiguredDatabase(config, 'demo data');
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }

  try {
    const startedAt = Date.now();
    let lastReportAt = startedAt;
    const summary = await seedDemoData(database.db, {
      persons: options.persons,
      seed: options.seed,
      now: startOfTodayUtc(),
      onProgress: (progress) => {
        if (Date.now() - lastReportAt < PROGRESS_INTERVAL_MS && progress.personsDone < progress.personsTotal) return;
        lastReportAt = Date.now();
        reportProgress(progress, startedAt);
      },
    });
    await printSummary(database, summary, options.seed, (Date.now() - startedAt) / 1_000);
  } finally {
    await database.close();
  }
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error('Adding the demo data failed:', error);
  process.exitCode = 1;
}
