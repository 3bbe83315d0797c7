import { randomBytes } from 'node:crypto';

import { sql } from 'kysely';
import pg from 'pg';

import { type OpenDatabase, openDatabase } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export type EngineName = 'pglite' | 'postgres';

/**
 * The engines the database tests run on. scripts/test.mjs sets TRECHTER_TEST_ENGINES after checking
 * that the PostgreSQL server responds; a plain `vitest` run uses both and fails on an absent server.
 */
export const testEngines: EngineName[] = (process.env.TRECHTER_TEST_ENGINES ?? 'pglite,postgres')
  .split(',')
  .filter((name): name is EngineName => name === 'pglite' || name === 'postgres');

export const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends OpenDatabase {
  /** Closes the handle and, on the server, drops the database this test file created. */
  dispose(): Promise<void>;
}

/** Creates a migrated database of its own for one test file, with no records yet. */
export async function createTestDatabase(engine: EngineName): Promise<TestDatabase> {
  const database = await createEmptyTestDatabase(engine);
  await migrateToLatest(database.db);
  return database;
}

/** Creates a database of its own for one test file without running any migration, for migration tests. */
export async function createEmptyTestDatabase(engine: EngineName): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const opened = await openDatabase({ engine: 'pglite', dataDir: undefined });
    return { ...opened, dispose: opened.close };
  }

  const name = `trechter_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await runOnServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Dropping the database ends its connections; the pool reports that as a lost connection.
  const opened = await openDatabase({ engine: 'postgres', url: url.toString() }, { onConnectionError: () => {} });
  return {
    ...opened,
    dispose: async () => {
      await opened.close();
      await runOnServer(`drop database if exists ${name} with (force)`);
    },
  };
}

async function runOnServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export { sql };
