import path from 'node:path';

import type { Config } from '../config.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import { type OpenDatabase, openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';

/** Folder inside the data folder where the embedded engine keeps its files, beside the lock file. */
export const EMBEDDED_DATABASE_FOLDER = 'pglite';

/**
 * Opens the database the configuration names and brings its schema up to date: the PostgreSQL
 * server of DATABASE_URL, or else the embedded engine in the data folder. The embedded engine is
 * locked for this process first, because two processes on one folder lose each other's writes.
 * Throws DataDirLockedError when another process holds the folder.
 */
export async function openConfiguredDatabase(config: Config, purpose: string): Promise<OpenDatabase> {
  if (config.databaseUrl) {
    const opened = await openDatabase({ engine: 'postgres', url: config.databaseUrl });
    await migrateToLatest(opened.db);
    return opened;
  }

  const lock = await acquireDataDirLock(config.dataDir, purpose);
  try {
    const opened = await openDatabase({ engine: 'pglite', dataDir: path.join(config.dataDir, EMBEDDED_DATABASE_FOLDER) });
    await migrateToLatest(opened.db);
    return {
      ...opened,
      close: async () => {
        await opened.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
