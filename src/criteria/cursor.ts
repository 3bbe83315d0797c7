import { createHash } from 'node:crypto';

import { validationFailed } from '../errors/app-error.js';
import type { EntityName } from './fields.js';
import type { SortPlan, SortValue } from './sort.js';

/**
 * Page cursors: the sort values and id of the last row of a page, so that the next page starts
 * right after that row however rows were inserted or deleted in between.
 *
 * A cursor is base64url JSON followed by "." and a short SHA-256 checksum of that JSON. The
 * checksum catches cursors that were cut short or edited by hand. It is no signature, and needs
 * none: a forged cursor can only move where a page starts, and the filter still applies.
 */

const CURSOR_VERSION = 1;
const MAX_CURSOR_LENGTH = 12_000;
const MAX_ID = 2_147_483_647;
const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

interface CursorPayload {
  v: number;
  /** Entity and canonical sort, such as "person:lastName". */
  s: string;
  /** One value per sort key, the id last. */
  k: SortValue[];
}

/** The rows a cursor pages through: a list of records, or a company's lead status history. */
export type CursorScope = EntityName | 'leadStatusChange';

/** The position a cursor points at: one value per sort key, the id last. */
export type CursorPosition = SortValue[];

export function encodeCursor(entity: CursorScope, sort: SortPlan, values: CursorPosition): string {
  const payload: CursorPayload = { v: CURSOR_VERSION, s: `${entity}:${sort.canonical}`, k: values };
  const json = JSON.stringify(payload);
  return `${Buffer.from(json).toString('base64url')}.${checksum(json)}`;
}

/**
 * Decodes a cursor made for this entity and sort. Throws VALIDATION_FAILED when the cursor is
 * malformed, edited, or was made for another sort, which would make the next page skip rows.
 */
export function decodeCursor(raw: unknown, entity: CursorScope, sort: SortPlan, parameter = 'cursor'): CursorPosition {
  const path = `/${parameter}`;
  const invalid = () => validationFailed(path, 'is not a cursor this list returned; request the first page again without a cursor');

  if (typeof raw !== 'string' || raw.length > MAX_CURSOR_LENGTH) throw invalid();
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(raw);
  if (match === null) throw invalid();

  const json = Buffer.from(match[1] as string, 'base64url').toString('utf8');
  if (checksum(json) !== match[2]) throw invalid();

  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    throw invalid();
  }
  if (!isPayload(payload) || payload.v !== CURSOR_VERSION) throw invalid();

  const expected = `${entity}:${sort.canonical}`;
  if (payload.s !== expected) {
    const madeFor = payload.s.slice(payload.s.indexOf(':') + 1);
    throw validationFailed(
      path,
      `was made for sort "${madeFor}" on ${payload.s.split(':')[0]} rows, not sort "${sort.canonical}"; request the first page again without a cursor`,
    );
  }

  if (payload.k.length !== sort.keys.length) throw invalid();
  const valid = sort.keys.every((key, index) => {
    const value = payload.k[index];
    if (value === null) return key.nullable;
    switch (key.valueType) {
      case 'text':
        return typeof value === 'string';
      case 'integer':
        return typeof value === 'number' && Number.isSafeInteger(value) && Math.abs(value) <= MAX_ID;
      case 'timestamp':
        return typeof value === 'string' && TIMESTAMP_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
      case 'boolean':
        return typeof value === 'boolean';
    }
  });
  if (!valid) throw invalid();

  return payload.k;
}

function checksum(json: string): string {
  return createHash('sha256').update(json).digest('base64url').slice(0, 12);
}

function isPayload(value: unknown): value is CursorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.v === 'number' &&
    typeof candidate.s === 'string' &&
    Array.isArray(candidate.k) &&
    candidate.k.every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item))
  );
}
