import { type Kysely, sql } from 'kysely';

/**
 * The default Leads dashboard's qualification funnel counted only persons whose company is a
 * potential customer today. A lead whose company became a customer after a sale dropped out of
 * every step, and the sale step stayed near 0. The funnel now follows every person with a lead
 * status, current or retained, so converted leads stay in the steps they reached. A funnel whose
 * criteria someone changed keeps them.
 */
const OLD_CRITERIA = [[{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]];
const NEW_CRITERIA = [[{ field: 'leadStatus', operator: 'isNotEmpty', values: [] }]];

export async function up(db: Kysely<unknown>): Promise<void> {
  const dashboards = await sql<{ id: number; tiles: Array<Record<string, unknown>> }>`select id, tiles from dashboards where is_default`.execute(db);
  for (const dashboard of dashboards.rows) {
    let changed = false;
    const tiles = dashboard.tiles.map((tile) => {
      if (tile.id !== 'qualification-funnel' || canonical(tile.criteria) !== canonical(OLD_CRITERIA)) return tile;
      changed = true;
      return { ...tile, criteria: NEW_CRITERIA };
    });
    if (changed) await sql`update dashboards set tiles = cast(${JSON.stringify(tiles)} as jsonb) where id = ${dashboard.id}`.execute(db);
  }
}

/** Writes a value as JSON with the keys of every object sorted, since jsonb does not keep their order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
