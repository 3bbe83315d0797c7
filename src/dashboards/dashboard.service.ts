import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { Executor, Trx } from '../db/database.js';
import { AppError, notFound, validationFailed } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { type Tile, assertValidTiles } from './tile.js';

export interface DashboardSummary {
  id: number;
  name: string;
  /** Null only for the default dashboard of a database that had no administrator when it was made. */
  owner: { id: number; name: string } | null;
  shared: boolean;
  /** Whether the signed-in user may change or delete it. */
  editable: boolean;
  isDefault: boolean;
  updatedAt: string;
  version: number;
}

export interface Dashboard extends DashboardSummary {
  tiles: Tile[];
}

export interface DashboardInput {
  name: string;
  tiles?: Tile[];
}

export interface DashboardPatch {
  name?: string;
  tiles?: Tile[];
  shared?: boolean;
}

function selectDashboards(db: Executor) {
  return db
    .selectFrom('dashboards as d')
    .leftJoin('users as u', 'u.id', 'd.owner_id')
    .select(['d.id', 'd.name', 'd.owner_id', 'd.shared', 'd.is_default', 'd.tiles', 'd.updated_at', 'd.version', 'u.name as owner_name']);
}

type DashboardRow = Awaited<ReturnType<ReturnType<typeof selectDashboards>['executeTakeFirstOrThrow']>>;

function toSummary(row: DashboardRow, actor: Actor): DashboardSummary {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner_id === null ? null : { id: row.owner_id, name: row.owner_name ?? '' },
    shared: row.shared,
    editable: mayChange(row, actor),
    isDefault: row.is_default,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

function toDashboard(row: DashboardRow, actor: Actor): Dashboard {
  return { ...toSummary(row, actor), tiles: row.tiles as Tile[] };
}

/** Tells whether the actor may change a dashboard: its owner, or an administrator when it is shared. */
function mayChange(row: { owner_id: number | null; shared: boolean }, actor: Actor): boolean {
  return (row.owner_id !== null && row.owner_id === actor.userId) || (actor.role === 'administrator' && row.shared);
}

function isVisible(row: { owner_id: number | null; shared: boolean }, actor: Actor): boolean {
  return row.shared || (row.owner_id !== null && row.owner_id === actor.userId);
}

/** Lists the dashboards the user may see: the default one first, then by name. */
export async function listDashboards(db: Executor, actor: Actor): Promise<DashboardSummary[]> {
  const rows = await selectDashboards(db)
    .where((eb) => eb.or([eb('d.shared', '=', true), eb('d.owner_id', '=', actor.userId ?? -1)]))
    .orderBy('d.is_default', 'desc')
    .orderBy(sql`lower(d.name)`)
    .orderBy('d.id')
    .execute();
  return rows.map((row) => toSummary(row, actor));
}

/** Reads a dashboard; a private one of another user is not found. */
export async function getDashboard(db: Executor, actor: Actor, id: number): Promise<Dashboard> {
  const row = await selectDashboards(db).where('d.id', '=', id).executeTakeFirst();
  if (!row || !isVisible(row, actor)) throw notFound('dashboard', id);
  return toDashboard(row, actor);
}

async function lockForChange(trx: Trx, actor: Actor, id: number, expectedVersion: number) {
  const row = await trx.selectFrom('dashboards').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row || !isVisible(row, actor)) throw notFound('dashboard', id);
  if (!mayChange(row, actor)) {
    throw new AppError('FORBIDDEN', `dashboard ${id} belongs to another user; only its owner or an administrator may change it`);
  }
  assertCurrentVersion('dashboard', id, row.version, expectedVersion);
  return row;
}

function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw validationFailed('/name', 'required', 'required');
  return trimmed;
}

/** Creates a private dashboard of the signed-in user. */
export async function createDashboard(trx: Trx, actor: Actor, input: DashboardInput): Promise<Dashboard> {
  if (actor.userId === null) throw new AppError('FORBIDDEN', 'a dashboard needs a signed-in owner');
  const name = checkName(input.name);
  const tiles = input.tiles ?? [];
  assertValidTiles(tiles);

  const row = await trx
    .insertInto('dashboards')
    .values({ name, owner_id: actor.userId, tiles: JSON.stringify(tiles) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAuditEntry(trx, actor, { entity: 'dashboard', entityId: row.id, action: 'create', changes: { name, tiles: tiles.length } });
  return getDashboard(trx, actor, row.id);
}

/** Changes name, tiles or sharing. Only administrators share a dashboard or stop sharing it. */
export async function updateDashboard(trx: Trx, actor: Actor, id: number, patch: DashboardPatch, expectedVersion: number): Promise<Dashboard> {
  const current = await lockForChange(trx, actor, id, expectedVersion);
  if (patch.shared !== undefined && patch.shared !== current.shared && actor.role !== 'administrator') {
    throw new AppError('FORBIDDEN', `only an administrator may ${patch.shared ? 'share' : 'stop sharing'} dashboard ${id}`);
  }

  const changes: Record<string, unknown> = {};
  if (patch.name !== undefined) changes.name = checkName(patch.name);
  if (patch.shared !== undefined) changes.shared = patch.shared;
  if (patch.tiles !== undefined) {
    assertValidTiles(patch.tiles);
    changes.tiles = JSON.stringify(patch.tiles);
  }

  await trx
    .updateTable('dashboards')
    .set((eb) => ({ ...changes, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  const audited = patch.tiles === undefined ? changes : { ...changes, tiles: patch.tiles.length };
  await writeAuditEntry(trx, actor, { entity: 'dashboard', entityId: id, action: 'update', changes: audited });
  return getDashboard(trx, actor, id);
}

export async function deleteDashboard(trx: Trx, actor: Actor, id: number, expectedVersion: number): Promise<void> {
  const current = await lockForChange(trx, actor, id, expectedVersion);
  await trx.deleteFrom('dashboards').where('id', '=', id).execute();
  await writeAuditEntry(trx, actor, { entity: 'dashboard', entityId: id, action: 'delete', changes: { name: current.name } });
}
