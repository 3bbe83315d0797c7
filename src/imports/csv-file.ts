import { CsvError, parse } from 'csv-parse/sync';

export type CsvDelimiter = ',' | ';' | '\t';

/** Candidate delimiters; on a tie the earlier one wins, because tabs and semicolons rarely occur in header names. */
const DELIMITERS: readonly CsvDelimiter[] = ['\t', ';', ','];

/** One data row of a CSV file. */
export interface CsvRow {
  /** Row number as a spreadsheet shows it: the header is row 1, so the first data row is row 2. */
  rowNumber: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  /** Data rows with at least one non-blank cell. */
  rows: CsvRow[];
  /** Row numbers of blank rows (an empty line, or only delimiters and spaces), which are not data rows. */
  blankRowNumbers: number[];
}

export class CsvFormatError extends Error {}

/**
 * Detects the delimiter from the header line: the candidate that occurs most often outside
 * quotes. A header without any candidate is a file of one column and gets the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;

  for (const char of text) {
    if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && (char === '\n' || char === '\r')) {
      break;
    } else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
    }
  }

  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const delimiter of DELIMITERS) {
    const count = counts.get(delimiter) ?? 0;
    if (count > bestCount) {
      best = delimiter;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses decoded CSV text into a header and data rows. Quoted fields may contain delimiters,
 * quotes written twice and line breaks; lines may end in CRLF, LF or CR. Throws CsvFormatError when
 * the text is not CSV at all (for example a quote that is never closed) or has no header.
 */
export function parseCsvText(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvTable {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      // A quote inside an unquoted field (12" screen) is kept as a character instead of failing.
      relax_quotes: true,
      // Blank lines are kept so that row numbers match the spreadsheet the file came from.
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      throw new CsvFormatError(`the file is not valid CSV: ${error.message}`, { cause: error });
    }
    throw error;
  }

  const [header, ...dataRecords] = records;
  if (header === undefined || header.every((cell) => cell.trim() === '')) {
    throw new CsvFormatError('the file has no header row: the first line must name the columns');
  }

  const rows: CsvRow[] = [];
  const blankRowNumbers: number[] = [];
  dataRecords.forEach((cells, index) => {
    const rowNumber = index + 2;
    if (cells.every((cell) => cell.trim() === '')) {
      blankRowNumbers.push(rowNumber);
    } else {
      rows.push({ rowNumber, cells });
    }
  });

  return { delimiter, header, rows, blankRowNumbers };
}
