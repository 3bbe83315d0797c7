import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { systemActor } from '../../src/auth/actor.js';
import type { Db } from '../../src/db/database.js';
import { readImportFile } from '../../src/imports/import-file.js';
import { type ImportReport, runImport } from '../../src/imports/run-import.js';
import { createUser } from '../../src/users/user.service.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../support/databases.js';
import { readSharedDataFile } from './shared-data.js';

/**
 * Pins the complete outcome of importing the shared example files and a file that moves persons
 * between companies and categories: every row's report and every stored row, history record and
 * audit entry. Both engines compare with the same snapshot files, so a change in how the import
 * writes (such as writing a batch with a few statements instead of one call per row) cannot
 * change what it stores or reports.
 */

const SHARED_FILES = ['nl-excel/bedrijven-personen.csv', 'hubspot-style/contacts.csv', 'salesforce-gen-ai-demo/Lead.csv', 'sportlink-nl/example-input.csv'];

const HEADER = 'Bedrijf;Categorie;Voornaam;Tussenvoegsel;Achternaam;E-mail;Leadstatus;Telefoon;Eigenaar\n';

/** Persons and companies that the second file moves: into and out of lead categories, and between companies. */
const FIRST_FILE = [
  'Klantbedrijf;Klant;Anna;;Berg;anna@klant.example;;010-1;',
  'Klantbedrijf;Klant;Bert;van;Dam;bert@klant.example;;;',
  'Leadbedrijf;Lead;Cor;;Eik;cor@lead.example;Gekwalificeerd;;Sanne Bakker',
  'Leadbedrijf;Lead;Dina;de;Vos;;Contact opnemen;;',
  'Leadbedrijf;Lead;Eva;;Gans;gezin@lead.example;;;',
  ';;Fenna;;Hoek;fenna@zonder.example;;;',
].join('\n');

const SECOND_FILE = [
  // The company enters a lead category, so both persons start a new cycle. Anna then gets her status.
  'Klantbedrijf;Lead;Anna;;Berg;anna@klant.example;Gekwalificeerd;010-2;',
  // Cor moves to a company without lead status and keeps his status, retained.
  'Klantloos;Overig;Cor;;Eik;cor@lead.example;;;',
  // Dina has no email, so she is matched by name. Her status changes.
  'Leadbedrijf;;Dina;de;Vos;;Opnieuw benaderen;;',
  // A second person shares Eva's address, and a row without a first name matches Eva.
  'Leadbedrijf;;Frits;;Gans;gezin@lead.example;;;',
  'Leadbedrijf;;;;Gans;gezin@lead.example;;030-9;',
  // Fenna joins a lead company and starts at the file's status.
  'Leadbedrijf;;Fenna;;Hoek;fenna@zonder.example;Contact opnemen;;',
  // The same person twice, the second time with another phone number.
  'Nieuwbedrijf;MQL;Gijs;;Kok;gijs@nieuw.example;;;',
  'Nieuwbedrijf;;Gijs;;Kok;gijs@nieuw.example;;040-1;',
  // A status that the company's category does not allow is left out with a warning.
  'Klantloos;;Hans;;Lam;hans@klantloos.example;Open;;',
].join('\n');

describe.each(testEngines)('import results on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    await sql`truncate lead_status_changes, persons, companies, audit_log, users restart identity cascade`.execute(db);
    await db.transaction().execute((trx) => createUser(trx, systemActor('edit'), { name: 'Sanne Bakker', email: 'sanne@trechter.example' }));
  });

  it.each(SHARED_FILES)('stores %s as before', async (file) => {
    const bytes = readSharedDataFile(file);
    const dryRun = await importBytes(db, bytes, { dryRun: true });
    const first = await importBytes(db, bytes);
    const afterFirst = await storedState(db);
    const second = await importBytes(db, bytes);

    const snapshot = { dryRun: reportSummary(dryRun), first: reportSummary(first), afterFirst, second: reportSummary(second) };
    await expect(JSON.stringify(snapshot, null, 1)).toMatchFileSnapshot(`__snapshots__/import-results/${file.replace(/[/.]/g, '-')}.json`);
  });

  it.each([500, 2])('moves persons in batches of %i rows', async (batchSize) => {
    const first = await importBytes(db, text(HEADER + FIRST_FILE), { batchSize });
    const second = await importBytes(db, text(HEADER + SECOND_FILE), { batchSize });

    const snapshot = { first: reportSummary(first), second: reportSummary(second), stored: await storedState(db) };
    await expect(JSON.stringify(snapshot, null, 1)).toMatchFileSnapshot(`__snapshots__/import-results/moves-batch-${batchSize}.json`);
  });

  it('matches a companyless person for an unknown domain', async () => {
    await importBytes(db, text('Voornaam;Achternaam;Telefoon\nKees;Visser;010-1\n'));

    const report = await importBytes(db, text('Website;Voornaam;Achternaam;Telefoon\nonbekend.example;Kees;Visser;010-1\n'));

    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(report.rows[0]?.warnings[0]).toContain('no company has the domain onbekend.example');
    const persons = await db.selectFrom('persons').select('company_id').execute();
    expect(persons).toEqual([{ company_id: null }]);
  });

  it('stores all shared files together as before', async () => {
    const reports = [];
    for (const file of SHARED_FILES) reports.push(reportSummary(await importBytes(db, readSharedDataFile(file), { batchSize: 7 })));

    const snapshot = { reports, stored: await storedState(db) };
    await expect(JSON.stringify(snapshot, null, 1)).toMatchFileSnapshot('__snapshots__/import-results/all-files.json');
  });
});

function text(content: string): Uint8Array {
  return new Uint8Array(Buffer.from(content, 'utf8'));
}

async function importBytes(db: Db, bytes: Uint8Array, call: { dryRun?: boolean; batchSize?: number } = {}): Promise<ImportReport> {
  return runImport(db, readImportFile(bytes, null), {
    actor: systemActor('import'),
    dryRun: call.dryRun ?? false,
    batchSize: call.batchSize,
    timeZone: 'Europe/Amsterdam',
  });
}

function reportSummary(report: ImportReport) {
  return {
    counts: report.counts,
    failedBatches: report.failedBatches.length,
    rows: report.rows.map((row) => ({
      row: row.rowNumber,
      outcome: row.outcome,
      description: row.description,
      reasons: row.reasons,
      warnings: row.warnings,
    })),
  };
}

/**
 * Reads what the import stored. Times set by the clock are left out, and history and audit rows are
 * listed per record rather than by id, because their order across records carries no meaning.
 */
async function storedState(db: Db) {
  const companies = await db
    .selectFrom('companies')
    .select(['id', 'name', 'category_id', 'owner_id', 'street', 'postcode', 'city', 'country', 'phone', 'website', 'version', 'deleted_at'])
    .orderBy('id')
    .execute();
  const persons = await db
    .selectFrom('persons')
    .select([
      'id',
      'company_id',
      'salutation',
      'first_name',
      'middle_name',
      'last_name',
      'job_title',
      'email',
      'phone',
      'mobile',
      'owner_id',
      'lead_status_id',
      'lead_source',
      'former_employee',
      'version',
      'deleted_at',
      sql<boolean>`lead_status_changed_at is not null`.as('has_status_change_time'),
      sql<string | null>`case when registered_at < now() - interval '1 day' then to_char(registered_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') end`.as(
        'registered_from_file',
      ),
    ])
    .orderBy('id')
    .execute();
  const history = await db
    .selectFrom('lead_status_changes')
    .select(['person_id', 'from_status_id', 'to_status_id', 'changed_by', 'source'])
    .orderBy('person_id')
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
  const audit = await db
    .selectFrom('audit_log')
    .select(['entity', 'entity_id', 'action', 'user_id', 'changes'])
    .orderBy('entity')
    .orderBy('entity_id')
    .orderBy('id')
    .execute();
  return { companies, persons, history, audit };
}
