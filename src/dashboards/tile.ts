import { type Static, Type } from '@sinclair/typebox';

import { COMPANY_FIELDS } from '../criteria/company-fields.js';
import { CRITERIA_LIMITS, CriteriaSetsSchema, RELATIVE_PERIODS } from '../criteria/criteria.js';
import { type FieldCatalogue, findField } from '../criteria/fields.js';
import { groupableFields } from '../criteria/group-counts.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import { parseSort } from '../criteria/sort.js';
import { validateCriteria } from '../criteria/validate-criteria.js';
import { ValidationErrors, describeValue } from '../criteria/validation-errors.js';
import { AppError } from '../errors/app-error.js';

/**
 * Tiles: one chart, number or list on a dashboard. A tile's dataset is criteria on persons or
 * companies, a measure, an optional "by" field to group on and an optional period.
 */

export const TILE_TYPES = ['bigNumber', 'list', 'pie', 'bar', 'column', 'line', 'funnel', 'conversion', 'timeInStatus'] as const;
export type TileType = (typeof TILE_TYPES)[number];
export const TILE_ENTITIES = ['person', 'company'] as const;
export type TileEntity = (typeof TILE_ENTITIES)[number];
export const MEASURES = ['count', 'avgDaysInStatus', 'minDaysInStatus', 'maxDaysInStatus'] as const;
export type Measure = (typeof MEASURES)[number];
export const PERIOD_FIELDS = ['registeredAt', 'leadStatusChangedAt'] as const;

export const MAX_TILES = 50;
export const MAX_LIST_ROWS = 100;
/** Tile types that show one value per group of the "by" field. */
export const GROUPED_TILE_TYPES: readonly TileType[] = ['pie', 'bar', 'column'];
/** Text fields that tiles can group on, by their folded value. */
export const TEXT_GROUP_FIELDS: Record<TileEntity, readonly string[]> = { person: ['leadSource'], company: [] };

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));

export const PeriodSchema = Type.Object(
  {
    field: literals(PERIOD_FIELDS),
    range: literals(RELATIVE_PERIODS),
    days: Type.Optional(Type.Integer({ minimum: 1, maximum: CRITERIA_LIMITS.maxLastNDays, description: 'N of lastNDays' })),
  },
  { additionalProperties: false, description: 'Relative period in the organisation time zone, weeks starting on Monday' },
);
export type Period = Static<typeof PeriodSchema>;

const LayoutSchema = Type.Object(
  {
    x: Type.Integer({ minimum: 0, maximum: 11 }),
    y: Type.Integer({ minimum: 0, maximum: 10_000 }),
    w: Type.Integer({ minimum: 1, maximum: 12 }),
    h: Type.Integer({ minimum: 1, maximum: 100 }),
  },
  { additionalProperties: false, description: 'Position on a grid of 12 columns, in row units' },
);

const tileFields = {
  id: Type.String({ minLength: 1, maxLength: 40, description: 'Made by the client; unique within the dashboard' }),
  type: literals(TILE_TYPES),
  title: Type.String({ maxLength: 200 }),
  entity: literals(TILE_ENTITIES),
  criteria: CriteriaSetsSchema,
  measure: literals(MEASURES),
  by: Type.Union([Type.String({ maxLength: CRITERIA_LIMITS.maxNameLength }), Type.Null()], {
    description: 'Field to group on for pie, bar and column: a list or yes/no field, or leadSource for persons',
  }),
  period: Type.Union([PeriodSchema, Type.Null()]),
  sort: Type.Optional(Type.String({ maxLength: 200, description: 'List tiles: sort as in the list API, such as -daysInStatus' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIST_ROWS, description: 'List tiles: rows shown; default 100' })),
  steps: Type.Optional(
    Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), {
      maxItems: 50,
      description:
        'Funnel tiles: the lead status ids of its steps, in order; default all statuses in list order except Disqualified and Re-nurture. Conversion tiles: two ids, from and to',
    }),
  ),
};

/** A tile as dashboards store it; the response schema that the OpenAPI document names Tile. */
export const TileSchema = Type.Object({ ...tileFields, layout: LayoutSchema }, { additionalProperties: false, $id: 'Tile' });
const TileInputSchema = Type.Object({ ...tileFields, layout: LayoutSchema }, { additionalProperties: false });
/** A tile as tile-data takes it, where the layout does not matter. */
export const TileDataTileSchema = Type.Object({ ...tileFields, layout: Type.Optional(LayoutSchema) }, { additionalProperties: false });
export const TilesInputSchema = Type.Array(TileInputSchema, { maxItems: MAX_TILES });

export type Tile = Static<typeof TileDataTileSchema>;

export function catalogueOf(entity: TileEntity): FieldCatalogue {
  return entity === 'person' ? PERSON_FIELDS : COMPANY_FIELDS;
}

/** Returns the fields a tile of the entity can group on. */
export function tileGroupFields(entity: TileEntity): string[] {
  return [...groupableFields(catalogueOf(entity)), ...TEXT_GROUP_FIELDS[entity]];
}

/**
 * Checks the parts of a tile that its schema cannot: criteria against the entity's fields, the
 * "by" field, the measure and the period. Adds errors under `path`, such as /tiles/2/criteria/0/1.
 */
export function checkTile(tile: Tile, path: string, errors: ValidationErrors): void {
  const catalogue = catalogueOf(tile.entity);
  try {
    validateCriteria(tile.criteria, catalogue, { path: `${path}/criteria` });
  } catch (error) {
    if (!(error instanceof AppError) || error.fields === undefined) throw error;
    for (const field of error.fields) errors.add(field.field, field.message, field.code);
  }

  const groupFields = tileGroupFields(tile.entity);
  if (tile.by !== null && !groupFields.includes(tile.by)) {
    errors.add(`${path}/by`, `cannot group ${tile.entity} tiles by ${describeValue(tile.by)}; use one of: ${groupFields.join(', ')}`);
  }
  if (GROUPED_TILE_TYPES.includes(tile.type) && tile.by === null) {
    errors.add(`${path}/by`, `a ${tile.type} tile needs a field to group by; use one of: ${groupFields.join(', ')}`, 'required');
  }

  if (tile.measure !== 'count' && findField(catalogue, 'daysInStatus') === undefined) {
    errors.add(`${path}/measure`, `${tile.entity} tiles have no days in status; use count`);
  }
  if (tile.type === 'funnel' && tile.entity !== 'person') {
    errors.add(`${path}/entity`, 'a funnel follows the lead status history of persons; use person');
  }
  if (tile.type === 'timeInStatus' && tile.entity !== 'person') {
    errors.add(`${path}/entity`, 'time in status follows the lead status history of persons; use person');
  }
  if (tile.type === 'conversion') {
    if (tile.entity !== 'person') errors.add(`${path}/entity`, 'a conversion follows the lead status history of persons; use person');
    if (tile.steps === undefined) {
      errors.add(`${path}/steps`, 'a conversion tile needs the ids of two lead statuses: from and to', 'required');
    } else if (tile.steps.length !== 2 || tile.steps[0] === tile.steps[1]) {
      errors.add(`${path}/steps`, `a conversion tile needs two different lead status ids, from and to; got ${tile.steps.length === 2 ? 'the same id twice' : `${tile.steps.length}`}`);
    }
  }
  if (tile.type === 'line' && tile.period === null) {
    errors.add(`${path}/period`, 'a line tile needs a period to divide into days, weeks or months', 'required');
  }
  if (tile.period !== null) checkPeriod(tile.period, catalogue, `${path}/period`, errors);

  if (tile.sort !== undefined) {
    try {
      parseSort(tile.sort, catalogue);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      errors.add(`${path}/sort`, error.fields?.[0]?.message ?? error.message);
    }
  }
}

/** Checks a period: a date field of the entity, and days given exactly when the range is lastNDays. */
export function checkPeriod(period: Period, catalogue: FieldCatalogue, path: string, errors: ValidationErrors): void {
  const field = findField(catalogue, period.field);
  if (field === undefined || field.type !== 'date') {
    errors.add(`${path}/field`, `${catalogue.entity} tiles have no date field ${describeValue(period.field)}; use registeredAt`);
  }
  if (period.range === 'lastNDays' && period.days === undefined) {
    errors.add(`${path}/days`, 'lastNDays needs the number of days', 'required');
  }
  if (period.range !== 'lastNDays' && period.days !== undefined) {
    errors.add(`${path}/days`, `days belongs to lastNDays only, not to ${period.range}`);
  }
}

/** Checks the tiles of a dashboard and throws VALIDATION_FAILED naming every invalid part. */
export function assertValidTiles(tiles: Tile[], path = '/tiles'): void {
  const errors = new ValidationErrors();
  const seen = new Set<string>();
  tiles.forEach((tile, index) => {
    if (seen.has(tile.id)) errors.add(`${path}/${index}/id`, `another tile already has the id ${describeValue(tile.id)}; tile ids must be unique`);
    seen.add(tile.id);
    checkTile(tile, `${path}/${index}`, errors);
  });
  errors.throwIfAny();
}

