import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';

import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Either the database or an open transaction: functions that only read or write take this. */
export type Executor = Db | Trx;

export type DatabaseTarget =
  | { engine: 'postgres'; url: string }
  | { engine: 'pglite'; dataDir: string | undefined /* undefined keeps the data in memory */ };

export interface OpenDatabase {
  db: Db;
  engine: DatabaseTarget['engine'];
  close(): Promise<void>;
}

/** Opens a Kysely handle on a PostgreSQL server or on the embedded PGlite engine. */
export async function openDatabase(
  target: DatabaseTarget,
  options: { onConnectionError?: (error: Error) => void } = {},
): Promise<OpenDatabase> {
  if (target.engine === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection that the server closes (restart, failover) makes the pool emit 'error';
    // without a listener that would end the process. The pool drops the connection and the next
    // query opens a new one.
    pool.on('error', options.onConnectionError ?? ((error) => process.stderr.write(`database connection lost: ${error.message}\n`)));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  const pglite = await PGlite.create(target.dataDir ?? 'memory://');
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
