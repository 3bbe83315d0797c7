import type { Executor } from '../db/database.js';
import { validationFailed } from '../errors/app-error.js';

/** One audit log entry as the API shows it. */
export interface AuditEntry {
  id: number;
  at: string;
  /** Null for changes the system made itself, such as the import command line. */
  user: { id: number; name: string } | null;
  entity: string;
  entityId: number;
  action: string;
  changes: unknown;
}

export interface AuditLogQuery {
  entity?: string;
  entityId?: number;
  userId?: number;
  action?: string;
  /** Entries at or after this moment. */
  from?: string;
  /** Entries before this moment. */
  to?: string;
  limit: number;
  /** The id of the last entry of the previous page, as text. */
  cursor?: string;
}

/**
 * Lists audit log entries newest first, a page at a time. Entries are numbered in the order they
 * were written, so the id orders them and the cursor is the last id of the previous page.
 */
export async function listAuditEntries(db: Executor, query: AuditLogQuery): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  let rows = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.at', 'a.user_id', 'u.name as user_name', 'a.entity', 'a.entity_id', 'a.action', 'a.changes']);
  if (query.entity !== undefined) rows = rows.where('a.entity', '=', query.entity);
  if (query.entityId !== undefined) rows = rows.where('a.entity_id', '=', query.entityId);
  if (query.userId !== undefined) rows = rows.where('a.user_id', '=', query.userId);
  if (query.action !== undefined) rows = rows.where('a.action', '=', query.action);
  if (query.from !== undefined) rows = rows.where('a.at', '>=', new Date(query.from));
  if (query.to !== undefined) rows = rows.where('a.at', '<', new Date(query.to));
  if (query.cursor !== undefined) rows = rows.where('a.id', '<', decodeAuditCursor(query.cursor));

  const page = await rows.orderBy('a.id', 'desc').limit(query.limit + 1).execute();
  const items = page.slice(0, query.limit).map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    user: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    changes: row.changes,
  }));
  const last = items.at(-1);
  return { items, nextCursor: page.length > query.limit && last !== undefined ? String(last.id) : null };
}

function decodeAuditCursor(cursor: string): number {
  const id = /^[1-9]\d{0,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!(id <= 2_147_483_647)) {
    throw validationFailed('/cursor', 'is not a cursor this list returned; request the first page again without a cursor');
  }
  return id;
}
