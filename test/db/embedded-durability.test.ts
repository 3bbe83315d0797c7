import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../src/db/database.js';
import { type ScriptProcess, startScript } from './child-process.js';

const insertScript = fileURLToPath(new URL('./fixtures/insert-until-killed.ts', import.meta.url));

/** Inserts acknowledged before the child is killed; enough to kill it mid-way through a stream. */
const ACKNOWLEDGED_BEFORE_KILL = 300;

let dataDir: string;
let child: ScriptProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'trechter-durability-'));
});

afterEach(async () => {
  await child?.kill();
  await rm(dataDir, { recursive: true, force: true });
});

describe('embedded database', () => {
  it('keeps acknowledged inserts after SIGKILL', { timeout: 120_000 }, async () => {
    child = startScript(insertScript, [dataDir]);
    await child.waitForLine((line) => line === 'ready', 60_000);
    await child.waitForLine((line) => line === `inserted ${ACKNOWLEDGED_BEFORE_KILL}`, 60_000);
    await child.kill();

    const acknowledgedIds = child.lines
      .filter((line) => line.startsWith('inserted '))
      .map((line) => Number(line.slice('inserted '.length)));
    expect(acknowledgedIds.length).toBeGreaterThanOrEqual(ACKNOWLEDGED_BEFORE_KILL);

    const reopened = await openDatabase({ engine: 'pglite', dataDir });
    try {
      const rows = await reopened.db.selectFrom('users').select('id').execute();
      const storedIds = new Set(rows.map((row) => row.id));
      const lostIds = acknowledgedIds.filter((id) => !storedIds.has(id));

      expect(lostIds).toEqual([]);
      // At most the insert in flight at the kill may be stored without having been acknowledged.
      expect(storedIds.size - acknowledgedIds.length).toBeLessThanOrEqual(1);
    } finally {
      await reopened.close();
    }
  });
});
