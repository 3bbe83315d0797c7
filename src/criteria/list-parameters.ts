import { validationFailed } from '../errors/app-error.js';
import { decodeCursor } from './cursor.js';
import type { FieldCatalogue } from './fields.js';
import { type GroupQuery, resolveGroupFields } from './group-counts.js';
import { type ListQuery, MAX_PAGE_SIZE } from './list-query.js';
import { parseSort } from './sort.js';
import { parseFilterParameter } from './validate-criteria.js';
import { describeValue } from './validation-errors.js';

/**
 * Query-string parameters of a list request as the HTTP layer receives them. Each is expected as
 * text, and a parameter given twice (an array) is rejected. `filter` is JSON, either one set of
 * criterion lines or an array of sets.
 */
export interface RawListParameters {
  filter?: unknown;
  sort?: unknown;
  limit?: unknown;
  cursor?: unknown;
  includeDeleted?: unknown;
  includeTotal?: unknown;
}

/** Query-string parameters of a group count request. `by` names one or two fields, separated by a comma or as an array. */
export interface RawGroupParameters {
  filter?: unknown;
  by?: unknown;
  includeDeleted?: unknown;
}

/**
 * Parses and validates list parameters for an entity. Throws VALIDATION_FAILED naming the first
 * invalid parameter, so that routes respond with 400 before touching the database.
 */
export function parseListParameters(catalogue: FieldCatalogue, raw: RawListParameters): ListQuery {
  const query: ListQuery = {};

  if (raw.filter !== undefined) query.filter = parseFilterParameter(raw.filter, catalogue);

  const sort = parseSort(raw.sort, catalogue);
  if (raw.sort !== undefined) query.sort = raw.sort as string;

  if (raw.limit !== undefined) query.limit = parsePageSize(raw.limit);

  if (raw.cursor !== undefined && raw.cursor !== '') {
    decodeCursor(raw.cursor, catalogue.entity, sort);
    query.cursor = raw.cursor as string;
  }

  if (raw.includeDeleted !== undefined) query.includeDeleted = parseFlag(raw.includeDeleted, 'includeDeleted');
  if (raw.includeTotal !== undefined) query.includeTotal = parseFlag(raw.includeTotal, 'includeTotal');
  return query;
}

/** Parses and validates group count parameters for an entity. */
export function parseGroupParameters(catalogue: FieldCatalogue, raw: RawGroupParameters): GroupQuery {
  const by = typeof raw.by === 'string' ? raw.by.split(',').map((name) => name.trim()) : raw.by;
  const query: GroupQuery = { by: resolveGroupFields(catalogue, by).map((field) => field.name) };

  if (raw.filter !== undefined) query.filter = parseFilterParameter(raw.filter, catalogue);
  if (raw.includeDeleted !== undefined) query.includeDeleted = parseFlag(raw.includeDeleted, 'includeDeleted');
  return query;
}

function parsePageSize(raw: unknown): number {
  const limit = typeof raw === 'string' && /^\d{1,6}$/.test(raw) ? Number(raw) : raw;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw validationFailed('/limit', `must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${describeValue(raw)}`);
  }
  return limit;
}

function parseFlag(raw: unknown, parameter: string): boolean {
  if (raw === true || raw === 'true') return true;
  if (raw === false || raw === 'false') return false;
  throw validationFailed(`/${parameter}`, `must be true or false, got ${describeValue(raw)}`);
}
