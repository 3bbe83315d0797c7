import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { acquireDataDirLock } from '../../src/db/data-dir-lock.js';
import { sharedDataFile } from './shared-data.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cliPath = path.join(repositoryRoot, 'src/imports/cli.ts');
// Resolved here, so that the command can run in a working folder outside the repository.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the import command on the embedded database in `dataDir`, in the working folder `cwd`. */
function runCli(args: string[], dataDir: string, cwd: string): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, TRECHTER_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', tsxLoader, cliPath, ...args], { cwd, env });

  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('import command', () => {
  let folder: string;
  let input: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'trechter-import-'));
    input = path.join(folder, 'bedrijven-personen.csv');
    await copyFile(sharedDataFile('nl-excel/bedrijven-personen.csv'), input);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('imports and writes rejected rows', async () => {
    const dataDir = path.join(folder, 'data-import');
    const result = await runCli([input], dataDir, folder);

    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Read as windows-1252, semicolon-separated, no preset.');
    expect(result.stdout).toContain('"Opmerking": no field of Trechter has this name');
    expect(result.stdout).toContain('Imported: 15 data rows: 13 created, 0 updated, 1 unchanged, 1 rejected.');
    expect(result.stderr).toContain('Imported 15 of 15 rows');

    const report = await readFile(path.join(folder, 'bedrijven-personen.rejected.csv'), 'utf8');
    const lines = report.split('\r\n');
    expect(lines[0]).toBe('\uFEFFRow;Reason;Bedrijf;Categorie;Voornaam;Tussenvoegsel;Achternaam;E-mailadres;Telefoon;Plaats;Leadstatus;Onze contactpersoon;Datum geregistreerd;Opmerking');
    expect(lines[1]).toMatch(/^16;"lead status ""Onbekende status"" is not in the lead status list; use one of: .*";"Smit; Smit & Co";Lead;Daan;/);

    const again = await runCli([input, '--dry-run'], dataDir, folder);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('row 14: unchanged: person 1 "Jan de Vries" <jan@bakkerijdevries.example> (same person as row 2)');
    expect(again.stdout).toContain('Dry run, nothing was stored: 15 data rows: 0 created, 0 updated, 14 unchanged, 1 rejected.');
  }, 120_000);

  it('writes the report elsewhere for a read-only input folder', async () => {
    const readOnly = path.join(folder, 'read-only');
    const workingFolder = path.join(folder, 'working');
    await mkdir(readOnly);
    await mkdir(workingFolder);
    await copyFile(input, path.join(readOnly, 'bedrijven-personen.csv'));
    await chmod(readOnly, 0o555);

    try {
      const result = await runCli([path.join(readOnly, 'bedrijven-personen.csv')], path.join(folder, 'data-read-only'), workingFolder);

      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Rejected rows with reasons: ${path.join(workingFolder, 'bedrijven-personen.rejected.csv')}`);
      expect(await readdir(readOnly)).toEqual(['bedrijven-personen.csv']);
    } finally {
      await chmod(readOnly, 0o755);
    }
  }, 120_000);

  it('rejects a locked data folder', async () => {
    const dataDir = path.join(folder, 'data-locked');
    const lock = await acquireDataDirLock(dataDir, 'server');
    try {
      const result = await runCli([input], dataDir, folder);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`cannot open the embedded database in ${dataDir} for import`);
    } finally {
      await lock.release();
    }
  }, 60_000);

  it('explains invalid arguments', async () => {
    const result = await runCli([input, '--preset', 'pipedrive'], path.join(folder, 'data-unused'), folder);

    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown preset "pipedrive"; use hubspot or salesforce');
    expect(result.stderr).toContain('Usage: npm run import -- FILE');
  }, 60_000);

  it('reports a missing file', async () => {
    const result = await runCli([path.join(folder, 'missing.csv')], path.join(folder, 'data-unused'), folder);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Error: cannot read ${path.join(folder, 'missing.csv')}: the file does not exist`);
  }, 60_000);
});
