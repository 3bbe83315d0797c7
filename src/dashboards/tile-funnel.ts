import type { CriteriaSets, Criterion } from '../criteria/criteria.js';
import type { Executor } from '../db/database.js';
import { AppError } from '../errors/app-error.js';
import { localize } from '../lists/localize.js';
import type { Period, Tile } from './tile.js';
import { type TileContext, countRecords, periodValues, withLines } from './tile-criteria.js';

export type FunnelStepKey = { kind: 'leadStatus'; id: number; name: string } | { kind: 'sale'; id: null; name: string };

export interface FunnelStep {
  key: FunnelStepKey;
  reached: number;
  criteria: CriteriaSets | null;
}

export interface Funnel {
  steps: FunnelStep[];
  /** Per pair of steps: reached of the next step divided by reached of this one; null when this one has none. */
  conversions: Array<number | null>;
}

/** English names of the default statuses that leave the qualification path instead of moving along it. */
const OFF_PATH_STATUSES = new Set(['disqualified', 're-nurture']);

const SALE_STEP_NAME = { nl: 'Verkocht', en: 'Sold' } as const;

/**
 * Computes a funnel: how many of the tile's persons reached each lead status in the period, by a
 * history record that changed them to it, and how many have a company with a sale sold in the
 * period. Without a period every change and sale counts. Each step counts the persons that its
 * criteria select, so the drill-down lists the same persons.
 */
export async function computeFunnel(db: Executor, context: TileContext, tile: Tile, criteria: CriteriaSets, period: Period | null): Promise<Funnel> {
  const statuses = await funnelStatuses(db, context, tile);
  const values = period === null ? [] : periodValues(period);
  const operator = period === null ? 'isNotEmpty' : period.range;

  const stepLines: Array<{ key: FunnelStepKey; line: Criterion }> = statuses.map((status) => ({
    key: { kind: 'leadStatus', id: status.id, name: status.name },
    line: { field: 'reachedLeadStatus', operator, values: [status.id, ...values] },
  }));
  stepLines.push({
    key: { kind: 'sale', id: null, name: SALE_STEP_NAME[context.actor.language] },
    line: { field: 'companySaleSold', operator, values },
  });

  const steps: FunnelStep[] = [];
  for (const { key, line } of stepLines) {
    const stepCriteria = withLines(criteria, [line]);
    steps.push({ key, reached: await countRecords(db, context, 'person', stepCriteria), criteria: stepCriteria });
  }
  const conversions = steps.slice(0, -1).map((step, index) => {
    const next = steps[index + 1]!;
    return step.reached === 0 ? null : Math.round((next.reached / step.reached) * 10_000) / 10_000;
  });
  return { steps, conversions };
}

export interface Conversion {
  from: FunnelStep;
  /** The persons of `from` that also reached the second status in the period. */
  to: FunnelStep;
  /** to.reached divided by from.reached; null when from has none. */
  rate: number | null;
}

/**
 * Computes the conversion from one lead status to another: the persons that reached the first in
 * the period, and of those the persons that reached the second in the period too. Without a period,
 * every change counts. Both numbers come with the criteria that list exactly their persons.
 */
export async function computeConversion(db: Executor, context: TileContext, tile: Tile, criteria: CriteriaSets, period: Period | null): Promise<Conversion> {
  const statuses = await funnelStatuses(db, context, tile);
  const values = period === null ? [] : periodValues(period);
  const operator = period === null ? 'isNotEmpty' : period.range;
  const reached = (status: { id: number }): Criterion => ({ field: 'reachedLeadStatus', operator, values: [status.id, ...values] });

  const [first, second] = statuses as [{ id: number; name: string }, { id: number; name: string }];
  const fromCriteria = withLines(criteria, [reached(first)]);
  const toCriteria = withLines(fromCriteria, [reached(second)]);
  const from = { key: { kind: 'leadStatus', ...first }, reached: await countRecords(db, context, 'person', fromCriteria), criteria: fromCriteria } as const;
  const to = { key: { kind: 'leadStatus', ...second }, reached: await countRecords(db, context, 'person', toCriteria), criteria: toCriteria } as const;
  return { from, to, rate: from.reached === 0 ? null : Math.round((to.reached / from.reached) * 10_000) / 10_000 };
}

/**
 * Loads the lead statuses of a funnel or conversion: the tile's steps when it names them, otherwise the statuses that
 * are not deleted, in list order, without Disqualified and Re-nurture unless the tile's criteria
 * ask for them with "is one of".
 */
async function funnelStatuses(db: Executor, context: TileContext, tile: Tile): Promise<Array<{ id: number; name: string }>> {
  const rows = await db.selectFrom('lead_statuses').select(['id', 'name_nl', 'name_en', 'deleted']).orderBy('sort_order').orderBy('id').execute();
  const named = (row: (typeof rows)[number]) => ({ id: row.id, name: localize(context.actor.language, row.name_nl, row.name_en) });

  if (tile.steps !== undefined) {
    const byId = new Map(rows.map((row) => [row.id, row]));
    const unknown = tile.steps.filter((id) => !byId.has(id));
    if (unknown.length > 0) {
      throw new AppError('REFERENCE_NOT_FOUND', `lead statuses not found: ${unknown.join(', ')}; send ids of existing lead statuses`, [
        { field: '/tile/steps', message: 'unknown lead status ids', code: 'unknownReference' },
      ]);
    }
    return tile.steps.map((id) => named(byId.get(id)!));
  }

  const asked = new Set(
    tile.criteria.flat().flatMap((line) => (line.field === 'leadStatus' && line.operator === 'isOneOf' ? (line.values ?? []) : [])),
  );
  return rows
    .filter((row) => !row.deleted)
    .filter((row) => asked.has(row.id) || !OFF_PATH_STATUSES.has((row.name_en ?? '').toLowerCase()))
    .map(named);
}
