import { listCompanies } from '../companies/company-list.js';
import type { CriteriaSets } from '../criteria/criteria.js';
import { ValidationErrors } from '../criteria/validation-errors.js';
import type { Executor } from '../db/database.js';
import { listPersons } from '../persons/person-list.js';
import { toPerson } from '../persons/person.js';
import { type Period, type Tile, MAX_LIST_ROWS, catalogueOf, checkPeriod, checkTile } from './tile.js';
import { type OwnerFilter, type TileContext, measureRecords, periodLine, previousPeriodLine, tileBaseCriteria, withLines } from './tile-criteria.js';
import { type Conversion, type Funnel, computeConversion, computeFunnel } from './tile-funnel.js';
import { type TileGroup, computeGroups } from './tile-groups.js';
import { type LineBucket, computeLine } from './tile-line.js';
import { type StatusStayGroup, computeTimeInStatus } from './tile-time-in-status.js';

export interface TileDataRequest {
  tile: Tile;
  /** The dashboard-wide period; replaces the tile's own period when given (null counts as not given). */
  period?: Period | null;
  /** The dashboard-wide owner filter; absent means every owner. */
  ownerId?: OwnerFilter;
}

export interface TileListRow {
  id: number;
  name: string;
  company: string | null;
  leadStatus: string | null;
  owner: string | null;
  daysInStatus: number | null;
}

export type TileData =
  | { type: 'bigNumber'; value: number | null; previous: number | null; criteria: CriteriaSets }
  | { type: 'pie' | 'bar' | 'column'; groups: TileGroup[] }
  | { type: 'line'; buckets: LineBucket[] }
  | { type: 'list'; total: number; rows: TileListRow[]; criteria: CriteriaSets }
  | ({ type: 'funnel' } & Funnel)
  | ({ type: 'conversion' } & Conversion)
  | { type: 'timeInStatus'; groups: StatusStayGroup[] };

/** Checks the request and computes the numbers, groups, buckets, rows, steps or conversion of its tile. */
export async function computeTileData(db: Executor, context: TileContext, request: TileDataRequest): Promise<TileData> {
  const { tile } = request;
  const errors = new ValidationErrors();
  checkTile(tile, '/tile', errors);
  if (request.period !== undefined && request.period !== null) checkPeriod(request.period, catalogueOf(tile.entity), '/period', errors);
  errors.throwIfAny();

  const period = request.period ?? tile.period;
  const criteria = tileBaseCriteria(tile, request.ownerId);
  const inPeriod = period === null ? criteria : withLines(criteria, [periodLine(period)]);

  switch (tile.type) {
    case 'bigNumber': {
      const previousCriteria = period === null ? null : withLines(criteria, [previousPeriodLine(period, context)]);
      const [value, previous] = await Promise.all([
        measureRecords(db, context, tile, inPeriod),
        previousCriteria === null ? null : measureRecords(db, context, tile, previousCriteria),
      ]);
      return { type: 'bigNumber', value, previous, criteria: inPeriod };
    }
    case 'pie':
    case 'bar':
    case 'column':
      return { type: tile.type, groups: await computeGroups(db, context, tile, inPeriod) };
    case 'line':
      // checkTile makes sure that a line tile has a period.
      return { type: 'line', buckets: period === null ? [] : await computeLine(db, context, tile, criteria, period) };
    case 'list':
      return { type: 'list', ...(await listRows(db, context, tile, inPeriod)), criteria: inPeriod };
    case 'funnel':
      return { type: 'funnel', ...(await computeFunnel(db, context, tile, criteria, period)) };
    case 'conversion':
      return { type: 'conversion', ...(await computeConversion(db, context, tile, criteria, period)) };
    case 'timeInStatus':
      return { type: 'timeInStatus', groups: await computeTimeInStatus(db, context, criteria, period) };
  }
}

async function listRows(db: Executor, context: TileContext, tile: Tile, criteria: CriteriaSets): Promise<{ total: number; rows: TileListRow[] }> {
  const query = {
    filter: criteria,
    limit: tile.limit ?? MAX_LIST_ROWS,
    timeZone: context.timeZone,
    now: context.now,
    ...(tile.sort === undefined ? {} : { sort: tile.sort }),
  };

  if (tile.entity === 'company') {
    const page = await listCompanies(db, context.actor, query);
    const rows = page.rows.map((row) => ({ id: row.id, name: row.name, company: null, leadStatus: null, owner: row.owner_name ?? null, daysInStatus: null }));
    return { total: page.total ?? rows.length, rows };
  }

  const page = await listPersons(db, context.actor, query);
  const rows = page.rows.map((row) => {
    const person = toPerson(row, context.actor.language, context.now);
    return {
      id: person.id,
      name: person.fullName,
      company: person.company?.name ?? null,
      leadStatus: person.leadStatus?.name ?? null,
      owner: person.owner?.name ?? null,
      daysInStatus: person.daysInStatus,
    };
  });
  return { total: page.total ?? rows.length, rows };
}
