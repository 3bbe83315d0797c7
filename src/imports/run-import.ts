import type { ControlledTransaction } from 'kysely';

import type { Actor } from '../auth/actor.js';
import type { Db, Trx } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { type BatchContext, RowRejectedError, writeBatch, type WrittenRow } from './batch-writer.js';
import type { IgnoredColumn } from './column-mapping.js';
import type { CsvDelimiter, CsvRow } from './csv-file.js';
import type { CsvEncoding } from './decode.js';
import { loadImportLists } from './import.repository.js';
import type { ImportFile } from './import-file.js';
import { type ImportCategory, ListLookup, UserLookup } from './name-lookup.js';
import type { ImportPreset } from './presets.js';
import { type PlannedRow, planRows } from './row-plan.js';
import { readRow, type RowValues } from './row-reader.js';

/**
 * Rows per transaction. A batch is written all or nothing, and read and written with a few
 * statements whatever its size, so larger batches import faster. Importing 10,000 rows into the
 * benchmark's 1,000,000 persons on PostgreSQL went about 20% faster with 1,000 rows per batch than
 * with 500. With 2,000 it went hardly faster, and a rejected row's retry takes longer.
 */
export const DEFAULT_BATCH_SIZE = 1_000;

export interface ImportOptions {
  actor: Actor;
  /** Runs everything in one transaction that is rolled back at the end, so nothing is stored. */
  dryRun: boolean;
  batchSize?: number;
  /** Time zone of dates and times in the file that carry no offset. */
  timeZone: string;
  /** Called after each batch with the number of data rows handled so far. */
  onProgress?: (handledRows: number, dataRows: number) => void;
  /** When aborted, the import stops before the next batch; the rows not written are reported as rejected. */
  signal?: AbortSignal;
}

export type RowOutcome = WrittenRow['outcome'] | 'rejected';

/** Outcome of one data row. `reasons` is set for rejected rows only. */
export interface RowReport {
  rowNumber: number;
  outcome: RowOutcome;
  description: string;
  reasons: string[];
  warnings: string[];
  cells: string[];
}

/** A batch that failed on an unexpected error; none of its rows was stored. */
export interface FailedBatch {
  firstRowNumber: number;
  lastRowNumber: number;
  error: unknown;
}

export interface ImportReport {
  dryRun: boolean;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  preset: ImportPreset | null;
  presetDetected: boolean;
  header: string[];
  ignoredColumns: IgnoredColumn[];
  /** Warnings about the whole file, such as a preset's category that the lists lack. */
  fileWarnings: string[];
  blankRowNumbers: number[];
  /** One report per data row, in file order. */
  rows: RowReport[];
  counts: Record<RowOutcome, number>;
  failedBatches: FailedBatch[];
}

/**
 * Imports the rows of a read CSV file. Rows are checked against the database's lists first; rows
 * that cannot be imported are rejected with their reasons before anything is written. The other
 * rows are written in batches by writeBatch, each batch in its own transaction (or, in a dry run,
 * under its own savepoint of one transaction that is rolled back).
 */
export async function runImport(db: Db, file: ImportFile, options: ImportOptions): Promise<ImportReport> {
  const lists = await loadImportLists(db);
  const categories = new ListLookup(lists.categories);
  const { table, preset, columns } = file;
  const book = new RowReportBook(table.rows);

  const accepted: RowValues[] = [];
  const context = {
    header: table.header,
    columns,
    preset,
    categories,
    leadStatuses: new ListLookup(lists.leadStatuses),
    users: new UserLookup(lists.users),
    timeZone: options.timeZone,
  };
  for (const row of table.rows) {
    const result = readRow(row, context);
    if (result.kind === 'accepted') accepted.push(result.values);
    else book.reject(row.rowNumber, result.reasons);
  }

  const fileWarnings: string[] = [];
  const batchContext: BatchContext = {
    actor: options.actor,
    categories: new Map(lists.categories.map((category) => [category.id, category])),
    leadStatuses: new Map(lists.leadStatuses.map((status) => [status.id, status])),
    newCompanyCategoryId: newCompanyCategory(preset, categories, fileWarnings),
  };

  const planned = planRows(accepted);
  const failedBatches: FailedBatch[] = [];
  let handled = table.rows.length - planned.length;

  await withTransactionScope(db, options.dryRun, async (runInBatchTransaction) => {
    for (const batch of chunk(planned, options.batchSize ?? DEFAULT_BATCH_SIZE)) {
      if (options.signal?.aborted) {
        for (const row of batch) book.reject(row.rowNumber, ['not imported: the import was stopped before this row']);
        continue;
      }

      const outcome = await writeBatchWithRetries(batch, (rows) => runInBatchTransaction((trx) => writeBatch(trx, batchContext, rows)));
      for (const [rowNumber, reason] of outcome.rejected) book.reject(rowNumber, [reason]);
      for (const row of outcome.written) book.write(row);
      if (outcome.failure !== undefined) failedBatches.push(rejectFailedBatch(book, batch, outcome.failure));

      handled += batch.length;
      options.onProgress?.(handled, table.rows.length);
    }
  });

  const rows = book.reports();
  const counts: Record<RowOutcome, number> = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) counts[row.outcome] += 1;

  return {
    dryRun: options.dryRun,
    encoding: file.encoding,
    delimiter: table.delimiter,
    preset,
    presetDetected: file.presetDetected,
    header: table.header,
    ignoredColumns: columns.ignored,
    fileWarnings,
    blankRowNumbers: table.blankRowNumbers,
    rows,
    counts,
    failedBatches,
  };
}

/** The reports of a file's data rows, filled in as the import decides about each row. */
class RowReportBook {
  private readonly byRow = new Map<number, RowReport>();
  private readonly cells: Map<number, string[]>;

  constructor(private readonly rows: readonly CsvRow[]) {
    this.cells = new Map(rows.map((row) => [row.rowNumber, row.cells]));
  }

  reject(rowNumber: number, reasons: string[]): void {
    this.byRow.set(rowNumber, { rowNumber, outcome: 'rejected', description: '', reasons, warnings: [], cells: this.cells.get(rowNumber) ?? [] });
  }

  write(row: WrittenRow): void {
    this.byRow.set(row.rowNumber, { ...row, reasons: [], cells: this.cells.get(row.rowNumber) ?? [] });
  }

  /** Returns one report per data row in file order. A row without one would be a bug in runImport, and is reported as such. */
  reports(): RowReport[] {
    return this.rows.map((row) => {
      const report = this.byRow.get(row.rowNumber);
      if (report !== undefined) return report;
      const reason = 'not imported: the import lost track of this row, which is a bug in Trechter';
      return { rowNumber: row.rowNumber, outcome: 'rejected', description: '', reasons: [reason], warnings: [], cells: row.cells };
    });
  }
}

function rejectFailedBatch(book: RowReportBook, batch: readonly PlannedRow[], failure: NonNullable<BatchOutcome['failure']>): FailedBatch {
  const firstRowNumber = batch[0]?.rowNumber ?? 0;
  const lastRowNumber = batch.at(-1)?.rowNumber ?? 0;
  const reason = `not imported: the batch of rows ${firstRowNumber} to ${lastRowNumber} failed (${errorMessage(failure.error)}), so none of its rows was stored`;
  for (const row of failure.rows) book.reject(row.rowNumber, [reason]);
  return { firstRowNumber, lastRowNumber, error: failure.error };
}

type BatchRunner = <T>(work: (trx: Trx) => Promise<T>) => Promise<T>;

/**
 * Gives `body` a function that runs one batch all or nothing. In a real run each batch is its own
 * transaction. In a dry run all batches share one transaction, so that later batches see what
 * earlier ones would have written. There each batch runs under a savepoint, and the whole
 * transaction is rolled back at the end.
 */
async function withTransactionScope(db: Db, dryRun: boolean, body: (run: BatchRunner) => Promise<void>): Promise<void> {
  if (!dryRun) {
    await body((work) => db.transaction().execute(work));
    return;
  }

  const outer: ControlledTransaction<Database> = await db.startTransaction().execute();
  try {
    await body(async (work) => {
      const savepoint = await outer.savepoint('import_batch').execute();
      try {
        const result = await work(savepoint);
        await savepoint.releaseSavepoint('import_batch').execute();
        return result;
      } catch (error) {
        await savepoint.rollbackToSavepoint('import_batch').execute();
        throw error;
      }
    });
  } finally {
    await outer.rollback().execute();
  }
}

export interface BatchOutcome {
  written: WrittenRow[];
  /** Rows that a service rejected, with the reason. */
  rejected: Map<number, string>;
  failure?: { error: unknown; rows: PlannedRow[] };
}

/**
 * Writes a batch; when a service rejects a row, the batch is rolled back and written again
 * without that row. Any other error fails the whole batch.
 */
export async function writeBatchWithRetries(batch: PlannedRow[], write: (rows: PlannedRow[]) => Promise<WrittenRow[]>): Promise<BatchOutcome> {
  const rejected = new Map<number, string>();
  let rows = batch;
  for (;;) {
    try {
      return { written: await write(rows), rejected };
    } catch (error) {
      if (error instanceof RowRejectedError && rows.some((row) => row.rowNumber === error.rowNumber)) {
        rejected.set(error.rowNumber, error.message);
        rows = rows.filter((row) => row.rowNumber !== error.rowNumber);
        continue;
      }
      return { written: [], rejected, failure: { error, rows } };
    }
  }
}

function newCompanyCategory(preset: ImportPreset | null, categories: ListLookup<ImportCategory>, fileWarnings: string[]): number | null {
  if (preset?.newCompanyCategory == null) return null;
  const found = categories.find(preset.newCompanyCategory);
  if (found === undefined || found.deleted) {
    fileWarnings.push(
      `the ${preset.label} preset gives new companies the category "${preset.newCompanyCategory}", which is not in the category list, so new companies get no category`,
    );
    return null;
  }
  return found.id;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
