import type { Actor } from '../auth/actor.js';
import { exportCompaniesCsv } from '../companies/company-export.js';
import { parseCompanyListParameters } from '../companies/company-list.js';
import type { Executor } from '../db/database.js';
import { type ExportQuery, onlyIds, parseExportIds } from '../exports/csv.js';
import { exportPersonsCsv } from '../persons/person-export.js';
import { parsePersonListParameters } from '../persons/person-list.js';
import { type Selection, selectionFilter } from './selection.service.js';

/**
 * Writes a selection's records as CSV, narrowed and sorted by the list parameters of the request,
 * in the chosen columns (by default a fixed set, in name order). Throws VALIDATION_FAILED on an
 * invalid filter, sort or column list before any output.
 */
export function exportSelectionCsv(
  db: Executor,
  actor: Actor,
  selection: Selection,
  parameters: ExportQuery,
  context: { timeZone: string; now: Date },
): AsyncGenerator<string> {
  const { separator = 'comma', columns, ids, ...listParameters } = parameters;
  const parse = selection.entity === 'person' ? parsePersonListParameters : parseCompanyListParameters;
  const query = onlyIds({ ...parse(listParameters), ...selectionFilter(selection) }, parseExportIds(ids));
  const request = { query, columns, separator, ...context };
  return selection.entity === 'person' ? exportPersonsCsv(db, actor, request) : exportCompaniesCsv(db, actor, request);
}
