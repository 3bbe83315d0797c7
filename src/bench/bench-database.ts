import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';

import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { buildDataSet, DATA_SET_SEED, type DataSetSummary, summarizeDataSet } from './data-set.js';
import { StatementRecorder } from './statement-recorder.js';

export type EngineName = 'postgres' | 'pglite';

/** A database holding the data set, opened for the benchmark. */
export interface BenchDatabase {
  engine: EngineName;
  db: Db;
  recorder: StatementRecorder;
  dataSet: DataSetSummary;
  /** Origin of the data set, such as "generated in 212 s". */
  origin: string;
  close(): Promise<void>;
}

/** The database on the PostgreSQL server that the benchmark creates and drops. */
export const BENCH_DATABASE_NAME = 'trechter_bench';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Creates the database trechter_bench on the server (dropping an old one first) and fills it with
 * the data set. Closing drops it again. `serverUrl` must allow creating databases.
 */
export async function openServerBenchDatabase(serverUrl: string, persons: number): Promise<BenchDatabase> {
  await runOnServer(serverUrl, `drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
  await runOnServer(serverUrl, `create database ${BENCH_DATABASE_NAME}`);
  const url = new URL(serverUrl);
  url.pathname = `/${BENCH_DATABASE_NAME}`;

  // The same pool size as openDatabase, so that concurrent queries behave as in the server.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
  pool.on('error', (error) => process.stderr.write(`database connection lost: ${error.message}\n`));
  const recorder = new StatementRecorder();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log: recorder.log });
  const close = async () => {
    await db.destroy();
    await runOnServer(serverUrl, `drop database if exists ${BENCH_DATABASE_NAME} with (force)`);
  };

  try {
    const started = performance.now();
    const dataSet = await buildDataSet(db, persons);
    return { engine: 'postgres', db, recorder, dataSet, origin: `generated in ${seconds(started)} s`, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Opens a copy of the embedded engine's data set for `persons` persons in a temporary folder,
 * so that the benchmark's writes leave the original untouched. The original is kept in
 * `cacheFolder` (such as ./data-bench/pglite-1000000) and built there first when it is missing
 * or was made by other code than the current migrations, demo generator and data set builder.
 */
export async function openEmbeddedBenchDatabase(cacheFolder: string, persons: number): Promise<BenchDatabase> {
  const fingerprint = await dataSetFingerprint(persons);
  const cachedData = path.join(cacheFolder, 'pgdata');
  const fingerprintFile = path.join(cacheFolder, 'fingerprint');
  const cached = (await readFile(fingerprintFile, 'utf8').catch(() => '')) === fingerprint;

  let origin = `reused from ${path.relative(process.cwd(), cacheFolder) || cacheFolder} (delete the folder to generate it again)`;
  if (!cached) {
    const started = performance.now();
    await rm(cacheFolder, { recursive: true, force: true });
    await mkdir(cacheFolder, { recursive: true });
    const pglite = await PGlite.create(cachedData);
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    try {
      await buildDataSet(db, persons);
    } finally {
      await db.destroy();
    }
    await writeFile(fingerprintFile, fingerprint);
    origin = `generated in ${seconds(started)} s and kept in ${path.relative(process.cwd(), cacheFolder) || cacheFolder}`;
  }

  const copyFolder = await mkdtemp(path.join(tmpdir(), 'trechter-bench-'));
  await cp(cachedData, copyFolder, { recursive: true });
  const recorder = new StatementRecorder();
  const pglite = await PGlite.create(copyFolder);
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }), log: recorder.log });
  const close = async () => {
    await db.destroy();
    await rm(copyFolder, { recursive: true, force: true });
  };
  return { engine: 'pglite', db, recorder, dataSet: await summarizeDataSet(db), origin, close };
}

/**
 * Identifies the code that shapes a cached data set: the migrations, the demo generator and the
 * data set builder, with the person count and seed.
 */
async function dataSetFingerprint(persons: number): Promise<string> {
  const hash = createHash('sha256').update(`${persons}:${DATA_SET_SEED}\n`);
  for (const folder of ['src/db/migrations', 'src/demo']) {
    const names = (await readdir(path.join(repositoryRoot, folder))).filter((name) => name.endsWith('.ts')).sort();
    for (const name of names) hash.update(await readFile(path.join(repositoryRoot, folder, name)));
  }
  hash.update(await readFile(path.join(repositoryRoot, 'src/bench/data-set.ts')));
  return hash.digest('hex');
}

async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(0);
}
