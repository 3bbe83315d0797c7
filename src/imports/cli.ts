import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { sql } from 'kysely';

import { systemActor } from '../auth/actor.js';
import { ConfigError, readConfig } from '../config.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import { openConfiguredDatabase } from '../db/open-configured.js';
import { compactPersonCounts } from '../persons/person-counts.js';
import { ImportFileError, readImportFile } from './import-file.js';
import { formatFileLines, formatRejectedLines, formatRejectedRowsCsv, formatRowLines, formatSummaryLines } from './import-report.js';
import { PRESET_NAMES, type PresetName } from './presets.js';
import { DEFAULT_BATCH_SIZE, errorMessage, type ImportReport, runImport } from './run-import.js';

const USAGE = `Usage: npm run import -- FILE [--preset ${PRESET_NAMES.join('|')}] [--dry-run] [--batch-size N]

Imports persons and companies from a CSV file into the database the server uses: the PostgreSQL
server of DATABASE_URL, or else the embedded database in TRECHTER_DATA_DIR (default ./data).
Stop the server first when it uses the embedded database.

Options:
  --preset NAME     read the file as a ${PRESET_NAMES.join(' or ')} export (default: recognised from the headers)
  --dry-run         report per row what the import would do, and store nothing
  --batch-size N    rows per transaction (default ${DEFAULT_BATCH_SIZE})
  -h, --help        show this help

Exit status: 0 when every row was imported or rejected with a reason, 1 when the import failed or
a batch was rolled back, 2 for invalid arguments.`;

/** Maximum number of rejected rows printed on the terminal. The report file contains all of them. */
const PRINTED_REJECTIONS = 20;

class UsageError extends Error {}

interface CliArguments {
  file: string;
  preset: PresetName | null;
  dryRun: boolean;
  batchSize: number;
}

function parseArguments(argv: string[]): CliArguments | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        preset: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'batch-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';

  const [file] = positionals;
  if (file === undefined) throw new UsageError('missing the CSV file to import');
  if (positionals.length > 1) throw new UsageError(`expected one file, got ${positionals.length}: ${positionals.join(' ')}`);

  const preset = values.preset ?? null;
  if (preset !== null && !PRESET_NAMES.includes(preset as PresetName)) {
    throw new UsageError(`unknown preset "${preset}"; use ${PRESET_NAMES.join(' or ')}, or leave --preset out`);
  }

  const batchSize = values['batch-size'] === undefined ? DEFAULT_BATCH_SIZE : Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`--batch-size must be a whole number of rows of at least 1, got "${values['batch-size']}"`);
  }

  return { file, preset: preset as PresetName | null, dryRun: values['dry-run'], batchSize };
}

async function main(argv: string[]): Promise<number> {
  let args: CliArguments | 'help';
  try {
    args = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`Error: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }

  const config = readConfig();
  const bytes = await readInputFile(args.file);
  const file = readImportFile(bytes, args.preset);
  console.log(`Importing ${args.file}${args.dryRun ? ' (dry run)' : ''}`);
  for (const line of formatFileLines(file)) console.log(line);

  const database = await openConfiguredDatabase(config, 'import');
  let report: ImportReport;
  const stop = stopOnInterrupt();
  try {
    report = await runImport(database.db, file, {
      actor: systemActor('import', config.language),
      dryRun: args.dryRun,
      batchSize: args.batchSize,
      timeZone: config.timeZone,
      signal: stop.signal,
      onProgress: progressPrinter(args.dryRun),
    });
    if (!args.dryRun) {
      await compactPersonCounts(database.db);
      // The embedded engine has no autovacuum to refresh planner statistics after many new rows.
      await sql`analyze`.execute(database.db);
    }
  } finally {
    stop.dispose();
    await database.close();
  }

  if (args.dryRun) for (const line of formatRowLines(report)) console.log(line);
  for (const line of formatSummaryLines(report)) console.log(line);
  if (!args.dryRun) {
    for (const line of formatRejectedLines(report, PRINTED_REJECTIONS)) console.log(line);
    if (report.counts.rejected > 0) {
      const reportPath = await writeRejectedRows(args.file, report);
      console.log(`Rejected rows with reasons: ${reportPath}`);
    }
  }

  return report.failedBatches.length > 0 ? 1 : 0;
}

async function readInputFile(filePath: string): Promise<Uint8Array> {
  try {
    return await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    let problem = errorMessage(error);
    if (code === 'ENOENT') problem = 'the file does not exist';
    if (code === 'EISDIR') problem = 'it is a folder';
    throw new ImportFileError(`cannot read ${path.resolve(filePath)}: ${problem}`, { cause: error });
  }
}

/**
 * Lets Ctrl-C stop the import after the batch that is being written, so that the database is
 * closed cleanly. A second Ctrl-C exits at once; the open batch is then rolled back.
 */
function stopOnInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    console.error('\nStopping after the current batch; press Ctrl-C again to stop at once.');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  return { signal: controller.signal, dispose: () => process.off('SIGINT', onInterrupt) };
}

/** Prints progress on stderr: one line rewritten in place on a terminal, a line per batch elsewhere. */
function progressPrinter(dryRun: boolean): (handledRows: number, dataRows: number) => void {
  const started = Date.now();
  const verb = dryRun ? 'Checked' : 'Imported';
  return (handledRows, dataRows) => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const line = `${verb} ${handledRows} of ${dataRows} rows in ${seconds} s`;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r${line}${handledRows === dataRows ? '\n' : ''}`);
    } else {
      process.stderr.write(`${line}\n`);
    }
  };
}

/**
 * Writes the report of rejected rows next to the input file (FILE.rejected.csv), or in the working
 * folder when the input's folder is read-only. Returns the path written.
 */
async function writeRejectedRows(inputPath: string, report: ImportReport): Promise<string> {
  const name = `${path.basename(inputPath, path.extname(inputPath))}.rejected.csv`;
  const content = formatRejectedRowsCsv(report);
  const inputFolder = path.dirname(path.resolve(inputPath));
  const inWorkingFolder = path.resolve(name);

  // The mode bits are checked as well as the write's error, because root may write into a folder
  // that nobody is meant to write to, such as a read-only copy of test data.
  if (((await stat(inputFolder)).mode & 0o222) === 0) {
    await writeFile(inWorkingFolder, content, 'utf8');
    return inWorkingFolder;
  }
  try {
    await writeFile(path.join(inputFolder, name), content, 'utf8');
    return path.join(inputFolder, name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EROFS' && code !== 'EPERM') throw error;
    await writeFile(inWorkingFolder, content, 'utf8');
    return inWorkingFolder;
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Errors about the input, the configuration or the lock are the user's to fix and need no stack.
  const expected = error instanceof ImportFileError || error instanceof ConfigError || error instanceof DataDirLockedError;
  const detail = expected || !(error instanceof Error) ? errorMessage(error) : (error.stack ?? error.message);
  console.error(`Error: ${detail}`);
  process.exitCode = 1;
}
