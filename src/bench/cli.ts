import path from 'node:path';
import { parseArgs } from 'node:util';

import { sql } from 'kysely';

import { buildApiCases } from './api-cases.js';
import { type BenchDatabase, type EngineName, openEmbeddedBenchDatabase, openServerBenchDatabase } from './bench-database.js';
import { measureImport } from './import-case.js';
import {
  describeMachine,
  type EngineResults,
  formatResultTable,
  loadAverage,
  MAX_INITIAL_JAVASCRIPT_KB,
} from './report.js';
import { runApiCases } from './run-api-cases.js';
import { measureInitialJavaScript } from './web-bundle.js';

const DEFAULT_PERSONS = 1_000_000;
const QUICK_PERSONS = 100_000;
const DEFAULT_IMPORT_ROWS = 100_000;
const QUICK_IMPORT_ROWS = 20_000;
const DEFAULT_RUNS = 30;
const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

const USAGE = `Usage: npm run bench -- [--persons N] [--quick] [--engine pglite|postgres|both] [--runs R]
                       [--import-rows N] [--server-url URL]

Generates a data set of N persons (a quarter as many companies, 3 lead status changes per
person), measures lists, counts, the person card, a lead status change, a category change and an
import through the API in-process, over HTTP and as the same SQL run directly, and prints one
table. Times are milliseconds.

Options:
  --persons N       persons in the data set (default ${DEFAULT_PERSONS.toLocaleString('en')})
  --quick           ${QUICK_PERSONS.toLocaleString('en')} persons and an import of ${QUICK_IMPORT_ROWS.toLocaleString('en')} rows, for trying changes out
  --engine NAME     pglite, postgres or both (default both)
  --runs R          timed runs per case and way of measuring (default ${DEFAULT_RUNS})
  --import-rows N   data rows of the measured import (default ${DEFAULT_IMPORT_ROWS.toLocaleString('en')}; 0 skips it)
  --server-url URL  PostgreSQL server on which the benchmark creates and drops the database
                    trechter_bench (default ${DEFAULT_SERVER_URL})
  --cases TEXT      measure only the cases whose name contains TEXT (no import unless
                    --import-rows is given), for looking at a few cases again
  -h, --help        show this help

The embedded engine's data set is kept in ./data-bench/pglite-N and reused by later runs; each
run works on a copy in the temporary folder.`;

class UsageError extends Error {}

interface BenchOptions {
  persons: number;
  engines: EngineName[];
  runs: number;
  importRows: number;
  serverUrl: string;
  /** Text that the names of the measured cases contain; null measures every case. */
  cases: string | null;
}

function parseOptions(argv: string[]): BenchOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        persons: { type: 'string' },
        quick: { type: 'boolean', default: false },
        engine: { type: 'string', default: 'both' },
        runs: { type: 'string' },
        'import-rows': { type: 'string' },
        'server-url': { type: 'string', default: DEFAULT_SERVER_URL },
        cases: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return 'help';

  const engines: Record<string, EngineName[]> = { both: ['postgres', 'pglite'], postgres: ['postgres'], pglite: ['pglite'] };
  const selected = engines[values.engine];
  if (selected === undefined) throw new UsageError(`--engine must be pglite, postgres or both, got "${values.engine}"`);

  // Measuring a few cases again skips the import unless it is asked for.
  let defaultImportRows = values.quick ? QUICK_IMPORT_ROWS : DEFAULT_IMPORT_ROWS;
  if (values.cases !== undefined) defaultImportRows = 0;

  return {
    persons: wholeNumber(values.persons, '--persons', values.quick ? QUICK_PERSONS : DEFAULT_PERSONS, 1),
    engines: selected,
    runs: wholeNumber(values.runs, '--runs', DEFAULT_RUNS, 1),
    importRows: wholeNumber(values['import-rows'], '--import-rows', defaultImportRows, 0),
    serverUrl: values['server-url'],
    cases: values.cases ?? null,
  };
}

function wholeNumber(raw: string | undefined, option: string, fallback: number, minimum: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replaceAll('_', ''));
  if (!Number.isSafeInteger(value) || value < minimum) throw new UsageError(`${option} must be a whole number of at least ${minimum}, got "${raw}"`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions | 'help';
  try {
    options = parseOptions(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }

  const lines = [`Command: npm run bench -- ${argv.join(' ')}`.trimEnd(), ...(await describeMachine()), ''];
  const results: EngineResults[] = [];
  for (const engine of options.engines) {
    process.stderr.write(`${engine}: preparing ${options.persons.toLocaleString('en')} persons\n`);
    const database = await openBenchDatabase(engine, options);
    try {
      lines.push(...(await describeDatabase(database)));
      process.stderr.write(`${engine}: measuring\n`);
      const selectedCases = (await buildApiCases(database.db)).filter((item) => options.cases === null || item.name.includes(options.cases));
      if (selectedCases.length === 0) throw new UsageError(`no case name contains "${options.cases}"`);
      const cases = await runApiCases(database, selectedCases, options.runs);

      let imported = null;
      if (options.importRows > 0) {
        process.stderr.write(`${engine}: importing ${options.importRows.toLocaleString('en')} rows\n`);
        imported = await measureImport(database.db, options.importRows);
        const { created, updated, unchanged, rejected } = imported.counts;
        lines.push(`  import: ${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected, ${imported.failedBatches} failed batches`);
      }
      results.push({ engine, cases, import: imported });
    } finally {
      await database.close();
    }
  }

  lines.push(`Load average after the run: ${loadAverage()}`, '', formatResultTable(results), '');
  const bundle = await measureInitialJavaScript(path.resolve('dist/web'));
  if (bundle === null) {
    lines.push('Web app initial JavaScript: not built (run npm run build:web first)');
  } else {
    const kilobytes = bundle.gzipBytes / 1000;
    const verdict = kilobytes <= MAX_INITIAL_JAVASCRIPT_KB ? 'pass' : 'FAIL';
    lines.push(
      `Web app initial JavaScript: ${kilobytes.toFixed(1)} kB gzipped in ${bundle.files.length} files (budget ≤ ${MAX_INITIAL_JAVASCRIPT_KB} kB): ${verdict}`,
    );
  }
  console.log(lines.join('\n'));
  return 0;
}

function openBenchDatabase(engine: EngineName, options: BenchOptions): Promise<BenchDatabase> {
  if (engine === 'postgres') return openServerBenchDatabase(options.serverUrl, options.persons);
  return openEmbeddedBenchDatabase(path.resolve('data-bench', `pglite-${options.persons}`), options.persons);
}

async function describeDatabase(database: BenchDatabase): Promise<string[]> {
  const version = await sql<{ version: string }>`select version()`.execute(database.db);
  const { persons, companies, leadStatusChanges } = database.dataSet;
  return [
    `${database.engine}: ${version.rows[0]?.version ?? 'unknown version'}`,
    `  data set: ${persons.toLocaleString('en')} persons, ${companies.toLocaleString('en')} companies, ` +
      `${leadStatusChanges.toLocaleString('en')} lead status changes; ${database.origin}`,
  ];
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`Error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
