import { Readable } from 'node:stream';

import { Type } from '@sinclair/typebox';
import { type RawBuilder, sql } from 'kysely';
import type { FastifyReply } from 'fastify';

import type { ListQuery } from '../criteria/list-query.js';
import type { Language } from '../db/schema.js';
import { validationFailed } from '../errors/app-error.js';
import { ListQuerystring } from '../server/list-schemas.js';

export const CSV_SEPARATORS = ['comma', 'semicolon'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** Rows read per query while exporting. */
export const EXPORT_PAGE_SIZE = 500;

/** The byte order mark, so that Excel opens the file as UTF-8. */
const BOM = '\uFEFF';

export type CellValue = string | number | null;

/** One column of an export: its header in each language and the cell of a record. */
export interface ExportColumn<T> {
  header: Record<Language, string>;
  value: (record: T, format: CellFormat) => CellValue;
}

/** Cell settings: the user's language for names and yes/no, the organisation's time zone for dates. */
export interface CellFormat {
  language: Language;
  timeZone: string;
}

/** The columns an entity can export, keyed by the column ids of the web app's list, and the default columns. */
export interface ExportColumnSet<T> {
  columns: Record<string, ExportColumn<T>>;
  defaults: readonly string[];
}

/** Ticked rows that one export can name by id. */
export const MAX_EXPORT_IDS = 1_000;

/** Query string of the list exports: the list's filter, sort and includeDeleted, with separator and columns. */
export const ExportQuerystring = Type.Object(
  {
    filter: ListQuerystring.properties.filter,
    sort: ListQuerystring.properties.sort,
    includeDeleted: ListQuerystring.properties.includeDeleted,
    separator: Type.Optional(Type.Union(CSV_SEPARATORS.map((separator) => Type.Literal(separator)), { description: 'comma (default) or semicolon, which Excel with Dutch settings expects' })),
    columns: Type.Optional(
      Type.String({ maxLength: 2000, description: 'comma-separated column ids in the order to write them, e.g. "name,company,email"; without it a default set' }),
    ),
    ids: Type.Optional(
      Type.String({ maxLength: 12_000, description: `comma-separated record ids, at most ${MAX_EXPORT_IDS}: only those of the matching records, such as the ticked rows` }),
    ),
  },
  { additionalProperties: false },
);

/** The query parameters of an export request as the route receives them, after schema validation. */
export interface ExportQuery {
  filter?: string;
  sort?: string;
  includeDeleted?: boolean;
  separator?: CsvSeparator;
  columns?: string;
  ids?: string;
}

/** The 200 response of an export route, for the API description. */
export const CsvResponse = {
  description: 'the CSV file, UTF-8 with a byte order mark',
  content: { 'text/csv': { schema: Type.String() } },
};

/** A list export: the records that the list query matches, in its sort order, and the file's form. */
export interface ListExportRequest {
  /** Filter, sort and includeDeleted of the list, with the criteria or members of a selection. */
  query: Omit<ListQuery, 'limit' | 'cursor' | 'includeTotal' | 'timeZone' | 'now'>;
  /** The `columns` parameter as received; undefined writes the default columns. */
  columns: unknown;
  separator: CsvSeparator;
  /** The organisation's time zone, for dates in criteria and cells. */
  timeZone: string;
  /** The clock for relative periods and days in status. */
  now: Date;
}

/**
 * Parses the `ids` parameter: whole numbers separated by commas, at most MAX_EXPORT_IDS. Returns
 * null without it. Throws VALIDATION_FAILED on `/ids` otherwise.
 */
export function parseExportIds(raw: string | undefined): number[] | null {
  if (raw === undefined) return null;
  const parts = raw.split(',').map((part) => part.trim());
  const invalid = parts.find((part) => !/^[1-9][0-9]{0,9}$/.test(part) || Number(part) > 2_147_483_647);
  if (invalid !== undefined) throw validationFailed('/ids', `must be record ids (whole numbers from 1) separated by commas, got "${invalid}"`);
  if (parts.length > MAX_EXPORT_IDS) throw validationFailed('/ids', `names ${parts.length} records; the maximum is ${MAX_EXPORT_IDS}, so export the whole list instead`);
  return [...new Set(parts.map(Number))];
}

/** Narrows a list query to the records with these ids, within those it already covers, such as a static selection's members. */
export function onlyIds<Q extends { idsFrom?: RawBuilder<unknown> }>(query: Q, ids: number[] | null): Q {
  if (ids === null) return query;
  const named = sql`select unnest(cast(${`{${ids.join(',')}}`} as integer[]))`;
  const idsFrom = query.idsFrom === undefined ? named : sql`select id from (${named}) as named (id) where id in (${query.idsFrom})`;
  return { ...query, idsFrom: idsFrom as RawBuilder<unknown> };
}

/**
 * Resolves the `columns` parameter to columns, in the order given. Throws VALIDATION_FAILED on
 * `/columns` for an empty list, an unknown id or an id given twice, and lists the valid ids.
 */
export function resolveExportColumns<T>(set: ExportColumnSet<T>, raw: unknown): ExportColumn<T>[] {
  const known = Object.keys(set.columns);
  const pick = (id: string) => set.columns[id] as ExportColumn<T>;
  if (raw === undefined) return set.defaults.map(pick);

  const ids = typeof raw === 'string' ? raw.split(',').map((id) => id.trim()) : [];
  if (typeof raw !== 'string' || ids.every((id) => id === '')) {
    throw validationFailed('/columns', `must name one or more columns, separated by commas; valid columns: ${known.join(', ')}`, 'required');
  }
  const seen = new Set<string>();
  for (const id of ids) {
    if (!known.includes(id)) throw validationFailed('/columns', `unknown column "${id}"; valid columns: ${known.join(', ')}`);
    if (seen.has(id)) throw validationFailed('/columns', `column "${id}" is named twice; name each column once, from: ${known.join(', ')}`);
    seen.add(id);
  }
  return ids.map(pick);
}

/**
 * Writes records as CSV, UTF-8 with a byte order mark and CRLF line ends: a header line in the
 * user's language, then one line per record. Yields the file in parts, one part per page of
 * records, so that a large export is not held in memory as a whole.
 */
export async function* writeCsv<T>(
  columns: readonly ExportColumn<T>[],
  separator: CsvSeparator,
  format: CellFormat,
  pages: AsyncIterable<readonly T[]>,
): AsyncGenerator<string> {
  const delimiter = separator === 'semicolon' ? ';' : ',';
  const line = (cells: readonly CellValue[]) => `${cells.map((cell) => csvCell(cell, delimiter)).join(delimiter)}\r\n`;

  yield BOM + line(columns.map((column) => column.header[format.language]));
  for await (const records of pages) {
    yield records.map((record) => line(columns.map((column) => column.value(record, format)))).join('');
  }
}

/**
 * Quotes a cell when it contains the delimiter, a quote or a line break. A text that starts with
 * =, +, - or @ (a phone number such as +31 20 123 4567 too) gets a leading apostrophe, so that a
 * spreadsheet shows it instead of running it as a formula.
 */
function csvCell(value: CellValue, delimiter: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes the calendar date of an ISO instant in the time zone, as YYYY-MM-DD; null stays empty. */
export function localDate(instant: string | null, timeZone: string): string | null {
  if (instant === null) return null;
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant));
}

export function yesNo(value: boolean, language: Language): string {
  if (language === 'en') return value ? 'Yes' : 'No';
  return value ? 'Ja' : 'Nee';
}

/** Sends a CSV file as a download named `fileName`, streaming its parts as they are written. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: AsyncGenerator<string>): FastifyReply {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', attachmentDisposition(fileName))
    .send(Readable.from(csv));
}

/**
 * Builds the Content-Disposition header of a download. The plain `filename` keeps ASCII only, for
 * old clients; `filename*` carries the full name in UTF-8.
 */
function attachmentDisposition(fileName: string): string {
  return `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
