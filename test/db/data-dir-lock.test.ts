import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { acquireDataDirLock, DataDirLockedError, LOCK_FILE_NAME } from '../../src/db/data-dir-lock.js';
import { type ScriptProcess, startScript } from './child-process.js';

const holdLockScript = fileURLToPath(new URL('./fixtures/hold-data-dir-lock.ts', import.meta.url));

let dataDir: string;
let children: ScriptProcess[];

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'trechter-lock-'));
  children = [];
});

afterEach(async () => {
  await Promise.all(children.map((child) => child.kill()));
  await rm(dataDir, { recursive: true, force: true });
});

function startHolder(purpose: string, mode: 'hold' | 'exit' | 'wait-for-go' = 'hold'): ScriptProcess {
  const child = startScript(holdLockScript, [dataDir, purpose, mode]);
  children.push(child);
  return child;
}

/** Starts a child that takes the lock and kills it with SIGKILL, which leaves a stale lock file. */
async function leaveStaleLock(): Promise<number> {
  const holder = startHolder('server');
  await holder.waitForLine((line) => line === 'acquired');
  await holder.kill();
  return holder.child.pid!;
}

async function readLockOwner(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;
}

describe('acquireDataDirLock', () => {
  it('creates the folder and a lock file describing the owner', async () => {
    const folder = path.join(dataDir, 'new', 'data');
    const lock = await acquireDataDirLock(folder, 'server');

    const owner = JSON.parse(await readFile(path.join(folder, LOCK_FILE_NAME), 'utf8')) as Record<string, unknown>;
    expect(owner.pid).toBe(process.pid);
    expect(owner.hostname).toBe(hostname());
    expect(owner.purpose).toBe('server');
    expect(Date.parse(String(owner.startedAt))).not.toBeNaN();

    await lock.release();
  });

  it('rejects a second acquire in the same process', async () => {
    const lock = await acquireDataDirLock(dataDir, 'server');

    const second = acquireDataDirLock(dataDir, 'import');
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(`in use by process ${process.pid} ("server"`);
    await expect(second).rejects.toThrow('This process already holds the lock');

    await lock.release();
  });

  it('acquires again after release', async () => {
    const first = await acquireDataDirLock(dataDir, 'server');
    await first.release();

    const second = await acquireDataDirLock(dataDir, 'server');
    expect((await readLockOwner()).pid).toBe(process.pid);
    await second.release();

    expect(await readdir(dataDir)).toEqual([]);
  });

  it('rejects while another process holds the lock', async () => {
    const holder = startHolder('server');
    await holder.waitForLine((line) => line === 'acquired');
    const { startedAt } = await readLockOwner();

    const attempt = acquireDataDirLock(dataDir, 'import');
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow(`in use by process ${holder.child.pid} ("server", running since ${String(startedAt)})`);
    await expect(attempt).rejects.toThrow('Stop the server first');
  });

  it('names the holding process in a child', async () => {
    const holder = startHolder('import');
    await holder.waitForLine((line) => line === 'acquired');

    const second = startHolder('demo data');
    const line = await second.waitForLine((output) => output.startsWith('rejected') || output === 'acquired');
    expect(line).toContain(`cannot open the embedded database in ${dataDir} for demo data`);
    expect(line).toContain(`in use by process ${holder.child.pid} ("import"`);
    expect(line).toContain('Stop that process, or wait until it finishes');
  });

  it('takes over the lock of a process killed with SIGKILL', async () => {
    const deadPid = await leaveStaleLock();
    expect((await readLockOwner()).pid).toBe(deadPid);

    const lock = await acquireDataDirLock(dataDir, 'server');

    expect((await readLockOwner()).pid).toBe(process.pid);
    expect((await readdir(dataDir)).sort()).toEqual([LOCK_FILE_NAME]);
    await lock.release();
  });

  it('lets exactly one of several processes take over a stale lock', async () => {
    await leaveStaleLock();

    const contenders = Array.from({ length: 6 }, () => startHolder('import', 'wait-for-go'));
    await Promise.all(contenders.map((child) => child.waitForLine((line) => line === 'ready')));
    for (const child of contenders) child.child.stdin!.write('go\n');
    const results = await Promise.all(
      contenders.map((child) => child.waitForLine((line) => line === 'acquired' || line.startsWith('rejected'))),
    );

    const winners = contenders.filter((_, index) => results[index] === 'acquired');
    expect(winners).toHaveLength(1);
    expect((await readLockOwner()).pid).toBe(winners[0]!.child.pid);
    for (const result of results.filter((line) => line !== 'acquired')) {
      expect(result).toContain(`in use by process ${winners[0]!.child.pid} ("import"`);
    }
    expect((await readdir(dataDir)).sort()).toEqual([LOCK_FILE_NAME]);
  });

  it('clears a takeover file abandoned by a killed process', async () => {
    const deadPid = await leaveStaleLock();
    const abandoned = { pid: deadPid, hostname: hostname(), purpose: 'takeover', token: 'abandoned' };
    await writeFile(path.join(dataDir, `${LOCK_FILE_NAME}.takeover`), JSON.stringify(abandoned));

    const lock = await acquireDataDirLock(dataDir, 'server');

    expect((await readLockOwner()).pid).toBe(process.pid);
    expect((await readdir(dataDir)).sort()).toEqual([LOCK_FILE_NAME]);
    await lock.release();
  });

  it('removes the lock file when the holder exits', async () => {
    const holder = startHolder('import', 'exit');
    await holder.waitForLine((line) => line === 'acquired');
    await holder.waitForExit();

    expect(holder.child.exitCode).toBe(0);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('takes over a lock file with this process id from an earlier run', async () => {
    // A restarted container often gets the same process id as the one that left the file.
    const earlier = { pid: process.pid, hostname: hostname(), purpose: 'server', startedAt: '2024-01-01T00:00:00.000Z', token: 'earlier' };
    await writeFile(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify(earlier));

    const lock = await acquireDataDirLock(dataDir, 'server');

    expect((await readLockOwner()).token).not.toBe('earlier');
    await lock.release();
  });

  it('waits for a lock file being written', async () => {
    const lockPath = path.join(dataDir, LOCK_FILE_NAME);
    await writeFile(lockPath, '');
    const holder = { pid: process.ppid, hostname: hostname(), purpose: 'server', startedAt: '2024-01-01T00:00:00.000Z', token: 'parent' };
    setTimeout(() => void writeFile(lockPath, JSON.stringify(holder)), 300);

    const attempt = acquireDataDirLock(dataDir, 'import');

    await expect(attempt).rejects.toThrow(`in use by process ${process.ppid} ("server"`);
  });

  it('takes over an empty lock file left by a crash', async () => {
    const lockPath = path.join(dataDir, LOCK_FILE_NAME);
    await writeFile(lockPath, '');
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, longAgo, longAgo);

    const lock = await acquireDataDirLock(dataDir, 'server');

    expect((await readLockOwner()).pid).toBe(process.pid);
    await lock.release();
  });

  it('rejects a lock held on another host', async () => {
    const remote = { pid: 4242, hostname: 'other-host.example', purpose: 'server', startedAt: '2024-01-01T00:00:00.000Z', token: 'remote' };
    await writeFile(path.join(dataDir, LOCK_FILE_NAME), JSON.stringify(remote));

    const attempt = acquireDataDirLock(dataDir, 'import');
    await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(attempt).rejects.toThrow('process 4242 on host other-host.example ("server"');
    await expect(attempt).rejects.toThrow(`if it no longer runs, delete ${path.join(dataDir, LOCK_FILE_NAME)}`);
  });

  it('leaves a lock file that is no longer its own on release', async () => {
    const lock = await acquireDataDirLock(dataDir, 'server');
    const replacement = JSON.stringify({ pid: 1, hostname: hostname(), purpose: 'server', startedAt: 'x', token: 'other' });
    await writeFile(lock.lockPath, replacement);

    await lock.release();

    expect(await readFile(lock.lockPath, 'utf8')).toBe(replacement);
  });
});
