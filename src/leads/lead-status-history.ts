import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { decodeCursor, encodeCursor } from '../criteria/cursor.js';
import type { SortPlan } from '../criteria/sort.js';
import type { Executor } from '../db/database.js';
import { LEAD_STATUS_CHANGE_SOURCES } from '../db/schema.js';
import { notFound } from '../errors/app-error.js';
import { localize } from '../lists/localize.js';
import { NamedRef, OrNull } from '../server/schemas.js';
import { formatFullName } from '../persons/person.js';

const StatusRef = OrNull(Type.Object({ id: Type.Integer(), name: Type.String(), deleted: Type.Boolean() }));
const ChangeFields = {
  id: Type.Integer(),
  from: StatusRef,
  to: StatusRef,
  changedAt: Type.String(),
  changedBy: NamedRef,
  source: Type.Union(LEAD_STATUS_CHANGE_SOURCES.map((source) => Type.Literal(source)), { description: 'the path the change came through' }),
};

export const LeadStatusChangeSchema = Type.Object(ChangeFields, { $id: 'LeadStatusChange' });
export const CompanyLeadStatusChangeSchema = Type.Object(
  { ...ChangeFields, person: Type.Object({ id: Type.Integer(), fullName: Type.String() }) },
  { $id: 'CompanyLeadStatusChange' },
);
export const CompanyHistoryQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 1000, description: 'nextCursor of the previous page' })),
});

export interface LeadStatusHistoryEntry {
  id: number;
  from: { id: number; name: string; deleted: boolean } | null;
  to: { id: number; name: string; deleted: boolean } | null;
  changedAt: string;
  changedBy: { id: number; name: string } | null;
  source: string;
}

export interface CompanyLeadStatusHistoryEntry extends LeadStatusHistoryEntry {
  person: { id: number; fullName: string };
}

export interface CompanyHistoryPage {
  items: CompanyLeadStatusHistoryEntry[];
  nextCursor: string | null;
}

export const DEFAULT_HISTORY_PAGE_SIZE = 100;
export const MAX_HISTORY_PAGE_SIZE = 500;

/** Newest first; a cursor stores the change time (with microseconds) and id of a page's last change. */
const HISTORY_ORDER: SortPlan = {
  canonical: '-changedAt',
  keys: [
    { expression: sql`h.changed_at`, valueType: 'timestamp', nullable: false, descending: true },
    { expression: sql`h.id`, valueType: 'integer', nullable: false, descending: true },
  ],
};

/** Lists a person's lead status changes, newest first. */
export async function getLeadStatusHistory(db: Executor, actor: Actor, personId: number): Promise<LeadStatusHistoryEntry[]> {
  const exists = await db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!exists) throw notFound('person', personId);

  const rows = await selectHistoryRows(db).where('h.person_id', '=', personId).orderBy('h.changed_at', 'desc').orderBy('h.id', 'desc').execute();
  return rows.map((row) => toHistoryEntry(row, actor));
}

/**
 * Lists the lead status changes of the persons who now belong to a company, deleted persons
 * included, newest first, a page at a time.
 */
export async function getCompanyLeadStatusHistory(
  db: Executor,
  actor: Actor,
  companyId: number,
  page: { limit?: number; cursor?: string },
): Promise<CompanyHistoryPage> {
  const exists = await db.selectFrom('companies').select('id').where('id', '=', companyId).executeTakeFirst();
  if (!exists) throw notFound('company', companyId);
  const limit = page.limit ?? DEFAULT_HISTORY_PAGE_SIZE;

  let query = selectHistoryRows(db)
    .innerJoin('persons as p', 'p.id', 'h.person_id')
    .select(['p.first_name', 'p.middle_name', 'p.last_name'])
    .where('p.company_id', '=', companyId);
  if (page.cursor !== undefined) {
    const [changedAt, id] = decodeCursor(page.cursor, 'leadStatusChange', HISTORY_ORDER) as [string, number];
    query = query.where(sql<boolean>`(h.changed_at, h.id) < (${changedAt}::timestamptz, ${id}::integer)`);
  }
  const rows = await query
    .orderBy('h.changed_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(limit + 1)
    .execute();

  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map((row) => ({
      ...toHistoryEntry(row, actor),
      person: { id: row.person_id, fullName: formatFullName(row.first_name, row.middle_name, row.last_name) },
    })),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor('leadStatusChange', HISTORY_ORDER, [last.changed_at_exact, last.id]) : null,
  };
}

function selectHistoryRows(db: Executor) {
  return db
    .selectFrom('lead_status_changes as h')
    .leftJoin('lead_statuses as f', 'f.id', 'h.from_status_id')
    .leftJoin('lead_statuses as t', 't.id', 'h.to_status_id')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.person_id',
      'h.from_status_id',
      'h.to_status_id',
      'h.changed_at',
      'h.changed_by',
      'h.source',
      'f.name_nl as from_nl',
      'f.name_en as from_en',
      'f.deleted as from_deleted',
      't.name_nl as to_nl',
      't.name_en as to_en',
      't.deleted as to_deleted',
      'u.name as user_name',
    ])
    .select(sql<string>`to_char(h.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('changed_at_exact'));
}

type HistoryRow = Awaited<ReturnType<ReturnType<typeof selectHistoryRows>['execute']>>[number];

function toHistoryEntry(row: HistoryRow, actor: Actor): LeadStatusHistoryEntry {
  return {
    id: row.id,
    from: row.from_status_id === null ? null : { id: row.from_status_id, name: localize(actor.language, row.from_nl, row.from_en), deleted: row.from_deleted ?? false },
    to: row.to_status_id === null ? null : { id: row.to_status_id, name: localize(actor.language, row.to_nl, row.to_en), deleted: row.to_deleted ?? false },
    changedAt: row.changed_at.toISOString(),
    changedBy: row.changed_by === null ? null : { id: row.changed_by, name: row.user_name ?? '' },
    source: row.source,
  };
}
