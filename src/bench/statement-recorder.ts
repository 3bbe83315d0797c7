import type { CompiledQuery, LogEvent } from 'kysely';

import type { Db } from '../db/database.js';

/** A statement that a request ran, with when it started and ended (performance.now() milliseconds). */
interface RecordedStatement {
  query: CompiledQuery;
  start: number;
  end: number;
}

/** Order in which the recorded statements of a request run again, matching how the service ran them. */
export type ReplayMode =
  /** Each statement on its own; statements that overlapped in time run at once again (listPersons reads a page and its total at once). */
  | 'concurrent'
  /** All statements in order in one transaction, as the write routes run them. */
  | 'transaction';

/** The statements of one request, grouped for replay, without transaction control. */
export interface RecordedRequest {
  mode: ReplayMode;
  /** Groups of statements that ran at the same time; groups follow each other. */
  groups: CompiledQuery[][];
}

/**
 * Records the SQL that the application sends through Kysely, as the engine received it, so that
 * the benchmark can run exactly those statements directly. Pass `log` as the Kysely `log` option.
 */
export class StatementRecorder {
  private recording: RecordedStatement[] | null = null;

  readonly log = (event: LogEvent): void => {
    if (this.recording === null || event.level !== 'query') return;
    const end = performance.now();
    this.recording.push({ query: event.query, start: end - event.queryDurationMillis, end });
  };

  /** Runs `work` and returns the statements it ran, as `mode` replays them. */
  async record(mode: ReplayMode, work: () => Promise<unknown>): Promise<RecordedRequest> {
    if (this.recording !== null) throw new Error('a recording is already running');
    this.recording = [];
    try {
      await work();
      return { mode, groups: groupOverlapping(this.recording.filter((statement) => isServiceStatement(statement.query.sql))) };
    } finally {
      this.recording = null;
    }
  }
}

/**
 * Tells whether a statement is the request's own work rather than transaction control, which the
 * replay adds itself. The session lookup counts as the request's work: every request runs it.
 */
function isServiceStatement(text: string): boolean {
  return !/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(text);
}

function groupOverlapping(statements: readonly RecordedStatement[]): CompiledQuery[][] {
  const sorted = [...statements].sort((a, b) => a.start - b.start);
  const groups: CompiledQuery[][] = [];
  let groupEnd = Number.NEGATIVE_INFINITY;
  for (const statement of sorted) {
    if (statement.start < groupEnd && groups.length > 0) {
      groups.at(-1)?.push(statement.query);
      groupEnd = Math.max(groupEnd, statement.end);
    } else {
      groups.push([statement.query]);
      groupEnd = statement.end;
    }
  }
  return groups;
}

/** Runs recorded statements directly on the database, without the application around them. */
export async function replay(db: Db, request: RecordedRequest): Promise<void> {
  if (request.mode === 'transaction') {
    await db.transaction().execute(async (trx) => {
      for (const query of request.groups.flat()) await trx.executeQuery(query);
    });
    return;
  }
  for (const group of request.groups) await Promise.all(group.map((query) => db.executeQuery(query)));
}
