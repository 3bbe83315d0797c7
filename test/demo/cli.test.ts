import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { acquireDataDirLock } from '../../src/db/data-dir-lock.js';
import { openDatabase } from '../../src/db/database.js';
import { EMBEDDED_DATABASE_FOLDER } from '../../src/db/open-configured.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface CliResult {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the demo data command on the embedded database in `dataDir`. */
function runCli(dataDir: string, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, TRECHTER_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/demo/cli.ts', ...args], { cwd: repositoryRoot, env });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'trechter-demo-'));
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('seed:demo command', () => {
  it('fills the embedded database', { timeout: 120_000 }, async () => {
    const result = await runCli(dataDir, ['--persons', '300', '--seed', '5']);

    expect(result.stderr).toContain('Added 300 persons in');
    expect(result.stderr).toContain('Seed 5: run again with --seed 5 --persons 300');
    expect(result.exitCode).toBe(0);
    expect(await readdir(dataDir)).not.toContain('trechter.lock');

    const database = await openDatabase({ engine: 'pglite', dataDir: path.join(dataDir, EMBEDDED_DATABASE_FOLDER) });
    try {
      const row = await database.db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
      expect(Number(row.count)).toBe(300);
    } finally {
      await database.close();
    }
  });

  it('rejects a folder the server uses', { timeout: 60_000 }, async () => {
    const lock = await acquireDataDirLock(dataDir, 'server');
    try {
      const result = await runCli(dataDir, ['--persons', '10']);

      expect(result.stderr).toContain(`in use by process ${process.pid} ("server"`);
      expect(result.stderr).toContain('Stop the server first');
      expect(result.exitCode).toBe(1);
    } finally {
      await lock.release();
    }
  });

  it.each([
    [[], '--persons is missing'],
    [['--persons', '0'], '--persons must be a whole number from 1 to 10000000, got "0"'],
    [['--persons', 'many'], '--persons must be a whole number from 1 to 10000000, got "many"'],
    [['--persons', '5', '--seed=-1'], '--seed must be a whole number from 0 to 4294967295, got "-1"'],
    [['--persons', '5', '--seed', '1.5'], '--seed must be a whole number from 0 to 4294967295, got "1.5"'],
    [['--persons', '5', '--colour', 'red'], "Unknown option '--colour'"],
  ])('rejects arguments %j', { timeout: 60_000 }, async (args, message) => {
    const result = await runCli(dataDir, args);

    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run seed:demo');
    expect(result.exitCode).toBe(2);
  });
});
