import type { CsvDelimiter } from './csv-file.js';
import type { ImportFile } from './import-file.js';
import { errorMessage, type ImportReport, type RowReport } from './run-import.js';

/** Formatting of an import's outcome: the summary and per-row lines for the terminal, and the CSV file of rejected rows. */

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** Maximum number of row numbers listed after a grouped warning. */
const LISTED_ROWS = 10;

/** Describes how the file was read: encoding, delimiter, preset and the columns it ignored. */
export function formatFileLines(file: ImportFile): string[] {
  const preset = file.preset === null ? 'no preset' : `preset ${file.preset.label}${file.presetDetected ? ' (recognised from the headers)' : ''}`;
  const lines = [`Read as ${file.encoding}, ${DELIMITER_NAMES[file.table.delimiter]}-separated, ${preset}.`];
  if (file.columns.ignored.length > 0) {
    lines.push('Ignored columns:');
    for (const column of file.columns.ignored) lines.push(`  "${column.header}": ${column.reason}`);
  }
  return lines;
}

/** Formats the dry run's report: one line per data row with its outcome, followed by its warnings. */
export function formatRowLines(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const row of report.rows) {
    const what = row.outcome === 'rejected' ? row.reasons.join('; ') : row.description;
    lines.push(`row ${row.rowNumber}: ${row.outcome}: ${what}`);
    for (const warning of row.warnings) lines.push(`  warning: ${warning}`);
  }
  return lines;
}

/** Formats the counts, the failed batches, and every distinct warning once with the rows it concerns. */
export function formatSummaryLines(report: ImportReport): string[] {
  const { created, updated, unchanged, rejected } = report.counts;
  const verb = report.dryRun ? 'Dry run, nothing was stored' : 'Imported';
  const lines = report.fileWarnings.map((warning) => `Warning: ${warning}`);
  lines.push(`${verb}: ${report.rows.length} data rows: ${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected.`);
  if (report.blankRowNumbers.length > 0) {
    lines.push(`Skipped ${report.blankRowNumbers.length} blank rows (${listRows(report.blankRowNumbers)}).`);
  }
  for (const batch of report.failedBatches) {
    lines.push(`Batch of rows ${batch.firstRowNumber} to ${batch.lastRowNumber} failed and was rolled back: ${errorMessage(batch.error)}`);
  }

  const warnings = groupWarnings(report.rows);
  if (warnings.size > 0) lines.push('Warnings:');
  for (const [warning, rowNumbers] of warnings) lines.push(`  ${warning} (${listRows(rowNumbers)})`);
  return lines;
}

/** Formats at most `limit` rejected rows with their reasons. */
export function formatRejectedLines(report: ImportReport, limit: number): string[] {
  const rejected = report.rows.filter((row) => row.outcome === 'rejected');
  const lines = rejected.slice(0, limit).map((row) => `  row ${row.rowNumber}: ${row.reasons.join('; ')}`);
  if (rejected.length > limit) lines.push(`  and ${rejected.length - limit} more rejected rows`);
  return lines.length === 0 ? [] : ['Rejected rows:', ...lines];
}

function groupWarnings(rows: readonly RowReport[]): Map<string, number[]> {
  const grouped = new Map<string, number[]>();
  for (const row of rows) {
    for (const warning of row.warnings) {
      const rowNumbers = grouped.get(warning) ?? [];
      rowNumbers.push(row.rowNumber);
      grouped.set(warning, rowNumbers);
    }
  }
  return grouped;
}

function listRows(rowNumbers: readonly number[]): string {
  const listed = rowNumbers.slice(0, LISTED_ROWS).join(', ');
  const more = rowNumbers.length > LISTED_ROWS ? ` and ${rowNumbers.length - LISTED_ROWS} more` : '';
  return `${rowNumbers.length === 1 ? 'row' : 'rows'} ${listed}${more}`;
}

/**
 * Writes the rejected rows as CSV: the row number and the reasons, then the row's original cells
 * under the original headers, so that the rows can be fixed and imported again. UTF-8 with a byte
 * order mark and the input's delimiter, which Excel opens correctly.
 */
export function formatRejectedRowsCsv(report: ImportReport): string {
  const delimiter = report.delimiter;
  const lines = [['Row', 'Reason', ...report.header]];
  for (const row of report.rows) {
    if (row.outcome === 'rejected') lines.push([String(row.rowNumber), row.reasons.join('; '), ...row.cells]);
  }
  return `\uFEFF${lines.map((cells) => cells.map((cell) => quoteCsvField(cell, delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}

function quoteCsvField(value: string, delimiter: CsvDelimiter): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value.trim() !== value ? `"${value.replaceAll('"', '""')}"` : value;
}
