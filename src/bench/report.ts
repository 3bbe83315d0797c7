import { readFile } from 'node:fs/promises';
import os from 'node:os';

import type { ImportResult } from './import-case.js';
import type { Summary } from './measure.js';
import type { ApiCaseResult } from './run-api-cases.js';

/** The API's time may be at most this many times the time of its SQL run directly. */
export const MAX_API_TO_SQL_RATIO = 1.5;
/** Minimum import speed in rows per second. */
export const MIN_IMPORT_ROWS_PER_SECOND = 5_000;
/** Maximum initial JavaScript of the web app, gzipped, in kB (1,000 bytes). */
export const MAX_INITIAL_JAVASCRIPT_KB = 350;

export interface EngineResults {
  engine: string;
  cases: ApiCaseResult[];
  import: ImportResult | null;
}

const COLUMNS = ['case', 'engine', 'API median', 'API p95', 'HTTP median', 'HTTP p95', 'SQL median', 'SQL p95', 'API/SQL', 'budget', 'result'];

/** Formats the results of all engines as one Markdown table, times in milliseconds. */
export function formatResultTable(results: readonly EngineResults[]): string {
  const rows: string[][] = [];
  for (const result of results) {
    for (const measured of result.cases) {
      rows.push(caseRow(result.engine, measured));
    }
    if (result.import !== null) rows.push(importRow(result.engine, result.import));
  }

  const widths = COLUMNS.map((column, index) => Math.max(column.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, index) => (index < 2 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join(' | ')} |`;
  const separator = `|${widths.map((width, index) => (index < 2 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(COLUMNS), separator, ...rows.map(line)].join('\n');
}

function caseRow(engine: string, measured: ApiCaseResult): string[] {
  const ratio = measured.api.median / measured.sql.median;
  const failures: string[] = [];
  if (measured.budgetMs !== undefined && measured.api.median > measured.budgetMs) failures.push('time');
  if (ratio > MAX_API_TO_SQL_RATIO) failures.push('API/SQL');
  const budget = `${measured.budgetMs === undefined ? '' : `≤ ${measured.budgetMs} ms, `}≤ ${MAX_API_TO_SQL_RATIO}×`;
  return [
    measured.name,
    engine,
    ...times(measured.api),
    ...times(measured.http),
    ...times(measured.sql),
    `${ratio.toFixed(2)}×`,
    budget,
    failures.length === 0 ? 'pass' : `FAIL (${failures.join(', ')})`,
  ];
}

function importRow(engine: string, result: ImportResult): string[] {
  const speed = `${Math.round(result.rowsPerSecond).toLocaleString('en')} rows/s`;
  const passed = result.rowsPerSecond >= MIN_IMPORT_ROWS_PER_SECOND && result.failedBatches === 0;
  return [
    `import ${result.rows.toLocaleString('en')} rows (${result.seconds.toFixed(1)} s)`,
    engine,
    speed,
    '',
    '',
    '',
    '',
    '',
    '',
    `≥ ${MIN_IMPORT_ROWS_PER_SECOND.toLocaleString('en')} rows/s`,
    passed ? 'pass' : 'FAIL',
  ];
}

function times(summary: Summary): [string, string] {
  return [summary.median.toFixed(1), summary.p95.toFixed(1)];
}

/** Describes the machine: CPU model and count, memory and load, as `nproc`, `free` and /proc/cpuinfo show them. */
export async function describeMachine(): Promise<string[]> {
  const cpuinfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const gib = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return [
    `CPU: ${model}, ${os.availableParallelism()} cores available to Node.js (nproc)`,
    `Memory: ${gib(os.totalmem())} total, ${gib(os.freemem())} free`,
    `Load average (1, 5, 15 min): ${loadAverage()}`,
    `Node.js ${process.version} on ${os.type()} ${os.release()}`,
  ];
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(', ');
}
