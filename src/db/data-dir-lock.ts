import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * One process at a time per embedded database folder. PGlite does not stop a second process from
 * opening a folder that another process has open. The two then write the same files without
 * coordinating, which can corrupt the database or lose committed writes. The server, the import
 * and the demo data command take this lock before they open the folder.
 *
 * The lock is a file in the data folder, created with O_EXCL and holding the owner's process id.
 * A lock whose owner no longer runs (killed with SIGKILL, or the machine restarted) is stale and
 * the next process takes it over.
 */

export const LOCK_FILE_NAME = 'trechter.lock';

/** Content of a lock file, which identifies the process that locked the data folder. */
export interface DataDirLockOwner {
  pid: number;
  hostname: string;
  /** Purpose of the process, such as "server", "import" or "demo data". */
  purpose: string;
  /** ISO 8601 time at which the process took the lock. */
  startedAt: string;
  /** Random value that makes every lock file's content unique, even for a reused process id. */
  token: string;
}

export interface DataDirLock {
  readonly lockPath: string;
  /** Removes the lock file if it is still this lock's. Calling it again does nothing. */
  release(): Promise<void>;
}

/** Raised when another running process has locked the data folder. */
export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly owner: DataDirLockOwner,
    requestedPurpose: string,
  ) {
    super(describeLockedFolder(lockPath, owner, requestedPurpose));
    this.name = 'DataDirLockedError';
  }
}

/** Maximum number of stale lock takeovers in one acquire before it gives up. */
const MAX_TAKEOVERS = 100;
/** Time after which a lock file without valid content counts as left by a crashed process. */
const UNREADABLE_LOCK_MAX_AGE_MS = 2_000;
/** Pause before the next attempt while another process writes a lock file or takes one over. */
const RETRY_DELAY_MS = 10;

/**
 * Tokens of the lock and takeover files that this process has created, or is creating, and not yet
 * removed. A file with this process's id and another token was left by an earlier process that had
 * the same id, as happens when a container restarts.
 */
const ownTokens = new Set<string>();

/**
 * Takes the lock on an embedded database folder, creating the folder if it is missing. Throws
 * DataDirLockedError when another running process holds it, including an earlier acquire in this
 * process that has not been released. A lock left by a process that no longer runs is taken over.
 *
 * The lock file is also removed when the process exits normally, through process.exit() or by an
 * uncaught exception. After SIGKILL, or a signal without a handler, the file stays and the next
 * acquire takes it over as stale.
 */
export async function acquireDataDirLock(dataDir: string, purpose: string): Promise<DataDirLock> {
  const folder = path.resolve(dataDir);
  await mkdir(folder, { recursive: true });
  const lockPath = path.join(folder, LOCK_FILE_NAME);

  const owner: DataDirLockOwner = {
    pid: process.pid,
    hostname: hostname(),
    purpose,
    startedAt: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(owner, null, 2)}\n`;

  for (let takeovers = 0; takeovers < MAX_TAKEOVERS; ) {
    if (await createOwnFile(lockPath, content, owner.token)) return holdLock(lockPath, content, owner.token);

    const existing = await readLockFile(lockPath);
    if (existing === null) continue; // released between our create and our read

    if (existing.owner === null && existing.ageMs < UNREADABLE_LOCK_MAX_AGE_MS) {
      // The owner may be between creating the file and writing its content.
      await sleep(RETRY_DELAY_MS);
      continue;
    }
    if (existing.owner !== null && isOwnerRunning(existing.owner)) {
      throw new DataDirLockedError(lockPath, existing.owner, purpose);
    }

    await takeOverStaleLock(lockPath, existing.content);
    takeovers += 1;
  }

  throw new Error(
    `could not lock the data folder ${folder}: ${MAX_TAKEOVERS} attempts to take over a stale lock file ${lockPath} failed; ` +
      'check that no other process is starting on this folder and try again',
  );
}

function holdLock(lockPath: string, content: string, token: string): DataDirLock {
  let released = false;

  // Synchronous because asynchronous work never runs in an 'exit' handler.
  const releaseOnExit = () => {
    try {
      if (readFileSync(lockPath, 'utf8') === content) unlinkSync(lockPath);
    } catch {
      // The file is already gone or unreadable; there is nothing left to release.
    }
  };
  process.on('exit', releaseOnExit);

  return {
    lockPath,
    async release() {
      if (released) return;
      released = true;
      process.off('exit', releaseOnExit);

      // Only a process that found this one not running replaces the file, so while this process
      // runs the content cannot change between the read and the unlink.
      if ((await readOptional(lockPath)) === content) await unlinkOptional(lockPath);
      ownTokens.delete(token);
    },
  };
}

/**
 * Removes a stale lock file whose content was `staleContent`, so that the caller can create its
 * own. Several processes can find the same stale file at once, and a slow one might otherwise
 * remove the fresh lock that a faster one has created meanwhile. So only the process holding the
 * takeover file (itself created with O_EXCL) removes a lock file, after reading it again.
 */
async function takeOverStaleLock(lockPath: string, staleContent: string): Promise<void> {
  const takeoverPath = `${lockPath}.takeover`;
  const token = randomBytes(8).toString('hex');
  const takeoverContent = `${JSON.stringify({ pid: process.pid, hostname: hostname(), purpose: 'takeover', token })}\n`;

  if (!(await createOwnFile(takeoverPath, takeoverContent, token))) {
    await clearAbandonedTakeover(takeoverPath);
    await sleep(RETRY_DELAY_MS);
    return;
  }

  try {
    // Under the takeover file no other process removes the lock file, and its dead owner does not
    // release it, so if it still has the stale content it keeps that content until we move it.
    if ((await readOptional(lockPath)) !== staleContent) return;
    await removeIfUnchanged(lockPath, staleContent);
  } finally {
    await removeIfUnchanged(takeoverPath, takeoverContent);
    ownTokens.delete(token);
  }
}

/**
 * Removes the takeover file if the process that created it no longer runs. A takeover file exists
 * only for the milliseconds of one takeover, so this happens only after a process was killed
 * during one.
 */
async function clearAbandonedTakeover(takeoverPath: string): Promise<void> {
  const existing = await readLockFile(takeoverPath);
  if (existing === null) return;

  const abandoned =
    existing.owner === null ? existing.ageMs >= UNREADABLE_LOCK_MAX_AGE_MS : !isOwnerRunning(existing.owner);
  if (abandoned) await removeIfUnchanged(takeoverPath, existing.content);
}

/**
 * Renames the file away, checks that what was renamed still has the expected content and deletes
 * it. A file whose content changed since it was read is put back.
 */
async function removeIfUnchanged(filePath: string, expectedContent: string): Promise<boolean> {
  const asidePath = `${filePath}.${process.pid}-${randomBytes(4).toString('hex')}.removed`;
  try {
    await rename(filePath, asidePath);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return false;
    throw error;
  }

  const moved = await readOptional(asidePath);
  if (moved === expectedContent) {
    await unlinkOptional(asidePath);
    return true;
  }

  // link() fails instead of overwriting when another process has created the file meanwhile.
  // NOTE: this branch runs only when two processes clear the same abandoned takeover file, which
  // needs a process killed during a takeover. If a third one creates the file between the rename
  // and the link, the moved file is dropped and two processes may both hold it.
  try {
    await link(asidePath, filePath);
  } catch (error) {
    if (!isErrorCode(error, 'EEXIST')) throw error;
  }
  await unlinkOptional(asidePath);
  return false;
}

/**
 * Tells whether the process that wrote a lock file may still run. A process on another host cannot
 * be checked from here, so it counts as running.
 */
function isOwnerRunning(owner: DataDirLockOwner): boolean {
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return ownTokens.has(owner.token);

  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return isErrorCode(error, 'EPERM');
  }
}

/** Creates the file with O_EXCL; returns false when it already exists. */
async function createOwnFile(filePath: string, content: string, token: string): Promise<boolean> {
  // Registered before the file exists, so that a concurrent acquire in this process that reads
  // the new file never takes it for one left by an earlier process with the same id.
  ownTokens.add(token);
  let handle;
  try {
    handle = await open(filePath, 'wx');
  } catch (error) {
    ownTokens.delete(token);
    if (isErrorCode(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    await handle.writeFile(content, 'utf8');
  } catch (error) {
    await handle.close();
    await unlinkOptional(filePath);
    ownTokens.delete(token);
    throw error;
  }
  await handle.close();
  return true;
}

interface LockFileState {
  content: string;
  /** Null when the content is not a valid lock file, such as a file still being written. */
  owner: DataDirLockOwner | null;
  ageMs: number;
}

async function readLockFile(filePath: string): Promise<LockFileState | null> {
  let content: string;
  let modifiedAtMs: number;
  try {
    modifiedAtMs = (await stat(filePath)).mtimeMs;
    content = await readFile(filePath, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
  return { content, owner: parseOwner(content), ageMs: Date.now() - modifiedAtMs };
}

function parseOwner(content: string): DataDirLockOwner | null {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;

  const { pid, hostname: host, purpose, startedAt, token } = value as Record<string, unknown>;
  if (!Number.isInteger(pid) || typeof host !== 'string') return null;
  return {
    pid: pid as number,
    hostname: host,
    purpose: typeof purpose === 'string' ? purpose : 'unknown',
    startedAt: typeof startedAt === 'string' ? startedAt : 'an unknown time',
    token: typeof token === 'string' ? token : '',
  };
}

function describeLockedFolder(lockPath: string, owner: DataDirLockOwner, requestedPurpose: string): string {
  const folder = path.dirname(lockPath);
  const onThisHost = owner.hostname === hostname();
  const holder =
    `process ${owner.pid}${onThisHost ? '' : ` on host ${owner.hostname}`} ` +
    `("${owner.purpose}", running since ${owner.startedAt})`;
  const problem =
    `cannot open the embedded database in ${folder} for ${requestedPurpose}: it is in use by ${holder}, ` +
    'and the embedded database allows only one process at a time.';

  if (onThisHost && owner.pid === process.pid) {
    return `${problem} This process already holds the lock, so release it before acquiring it again.`;
  }

  const next =
    owner.purpose === 'server' && requestedPurpose !== 'server'
      ? 'Stop the server first, try again, and start the server afterwards.'
      : 'Stop that process, or wait until it finishes, and try again.';
  const ifStale = onThisHost
    ? `If process ${owner.pid} is not a Trechter process (its id was reused after a crash), delete ${lockPath}.`
    : `A process on another host cannot be checked from here, so if it no longer runs, delete ${lockPath}.`;
  return `${problem} ${next} ${ifStale}`;
}

async function readOptional(filePath: string): Promise<string | null> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

async function unlinkOptional(filePath: string): Promise<void> {
  try {
    await unlink(filePath);
  } catch (error) {
    if (!isErrorCode(error, 'ENOENT')) throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
