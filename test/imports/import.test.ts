import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { systemActor } from '../../src/auth/actor.js';
import { createCompany } from '../../src/companies/company.service.js';
import type { Db } from '../../src/db/database.js';
import { readImportFile } from '../../src/imports/import-file.js';
import type { PresetName } from '../../src/imports/presets.js';
import { type ImportReport, runImport } from '../../src/imports/run-import.js';
import { createUser } from '../../src/users/user.service.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../support/databases.js';
import { categoryId, leadStatusId } from '../support/fixtures.js';
import { readSharedDataFile } from './shared-data.js';

interface ImportCall {
  dryRun?: boolean;
  batchSize?: number;
  preset?: PresetName | null;
}

async function importBytes(db: Db, bytes: Uint8Array, call: ImportCall = {}): Promise<ImportReport> {
  const file = readImportFile(bytes, call.preset ?? null);
  return runImport(db, file, {
    actor: systemActor('import'),
    dryRun: call.dryRun ?? false,
    batchSize: call.batchSize,
    timeZone: 'Europe/Amsterdam',
  });
}

function importText(db: Db, text: string, call: ImportCall = {}): Promise<ImportReport> {
  return importBytes(db, new Uint8Array(Buffer.from(text, 'utf8')), call);
}

async function countRows(db: Db, table: 'persons' | 'companies' | 'lead_status_changes' | 'audit_log'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

async function personByEmail(db: Db, email: string) {
  return db
    .selectFrom('persons as p')
    .leftJoin('companies as c', 'c.id', 'p.company_id')
    .leftJoin('lead_statuses as ls', 'ls.id', 'p.lead_status_id')
    .select(['p.id', 'p.first_name', 'p.last_name', 'p.owner_id', 'p.registered_at', 'p.job_title', 'c.name as company_name', 'ls.name_nl as status'])
    .where(sql<boolean>`lower(p.email) = lower(${email})`)
    .executeTakeFirstOrThrow();
}

const SHARED_FILES = [
  {
    file: 'nl-excel/bedrijven-personen.csv',
    rows: 15,
    first: { created: 13, updated: 0, unchanged: 1, rejected: 1 },
    companies: 9,
  },
  {
    file: 'hubspot-style/contacts.csv',
    rows: 40,
    first: { created: 40, updated: 0, unchanged: 0, rejected: 0 },
    companies: 6,
  },
  {
    file: 'salesforce-gen-ai-demo/Lead.csv',
    rows: 14,
    first: { created: 7, updated: 0, unchanged: 7, rejected: 0 },
    companies: 3,
  },
  {
    file: 'sportlink-nl/example-input.csv',
    rows: 323,
    first: { created: 318, updated: 0, unchanged: 5, rejected: 0 },
    companies: 0,
  },
];

describe.each(testEngines)('import on %s', (engine) => {
  let database: TestDatabase;
  let db: Db;

  // One database per engine, because creating one takes seconds; every test starts without
  // persons, companies, history or users.
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    await sql`truncate lead_status_changes, persons, companies, audit_log, users restart identity cascade`.execute(db);
  });

  describe.each(SHARED_FILES)('of $file', ({ file, rows, first, companies }) => {
    it('accounts for every data row', async () => {
      const report = await importBytes(db, readSharedDataFile(file));

      expect(report.rows).toHaveLength(rows);
      expect(report.counts).toEqual(first);
      expect(report.failedBatches).toEqual([]);
      for (const row of report.rows.filter((row) => row.outcome === 'rejected')) expect(row.reasons.length).toBeGreaterThan(0);
      expect(await countRows(db, 'persons')).toBe(first.created);
      expect(await countRows(db, 'companies')).toBe(companies);
    });

    it('creates no duplicates when imported twice', async () => {
      await importBytes(db, readSharedDataFile(file));
      const second = await importBytes(db, readSharedDataFile(file));

      expect(second.counts).toEqual({ created: 0, updated: 0, unchanged: rows - first.rejected, rejected: first.rejected });
      expect(await countRows(db, 'persons')).toBe(first.created);
      expect(await countRows(db, 'companies')).toBe(companies);
    });

    it('stores nothing in a dry run', async () => {
      const report = await importBytes(db, readSharedDataFile(file), { dryRun: true });

      expect(report.counts).toEqual(first);
      expect(report.rows.filter((row) => row.outcome !== 'rejected').every((row) => row.description !== '')).toBe(true);
      for (const table of ['persons', 'companies', 'lead_status_changes', 'audit_log'] as const) {
        expect(await countRows(db, table)).toBe(0);
      }
    });

    it('sets lead status only where enabled', async () => {
      await importBytes(db, readSharedDataFile(file));

      const withStatus = await db
        .selectFrom('persons as p')
        .leftJoin('companies as c', 'c.id', 'p.company_id')
        .leftJoin('categories as cat', 'cat.id', 'c.category_id')
        .select(['p.id', 'cat.lead_status_enabled'])
        .where('p.lead_status_id', 'is not', null)
        .execute();
      expect(withStatus.every((person) => person.lead_status_enabled === true)).toBe(true);

      const history = await db.selectFrom('lead_status_changes').select(['person_id', 'from_status_id', 'source']).execute();
      expect(history).toHaveLength(withStatus.length);
      expect(new Set(history.map((change) => change.source))).toEqual(new Set(withStatus.length === 0 ? [] : ['import']));
      expect(history.every((change) => change.from_status_id === null)).toBe(true);
    });
  });

  it('imports the Dutch Excel file as written', async () => {
    const report = await importBytes(db, readSharedDataFile('nl-excel/bedrijven-personen.csv'));

    const jan = await personByEmail(db, 'jan@bakkerijdevries.example');
    expect(jan).toMatchObject({ first_name: 'Jan', last_name: 'Vries', company_name: 'Bakkerij de Vries B.V.', status: 'Contact opnemen' });
    expect(jan.registered_at.toISOString()).toBe('2026-11-02T23:00:00.000Z');
    expect(await personByEmail(db, 'lois@hoekje.example')).toMatchObject({ first_name: 'Loïs', company_name: "Café 't Hoekje", status: 'Gekwalificeerd' });
    expect(await personByEmail(db, 'geert@mossel.example')).toMatchObject({ status: null });
    expect(await personByEmail(db, 'mila.peeters@example.org')).toMatchObject({ company_name: null, status: null });

    const hoekje = await db.selectFrom('companies').select(['category_id']).where('name', '=', "Café 't Hoekje").executeTakeFirstOrThrow();
    expect(hoekje.category_id).toBe(await categoryId(db, 'Marketinggekwalificeerde lead (MQL)'));

    expect(report.ignoredColumns.map((column) => column.header)).toEqual(['Opmerking']);
    const rejected = report.rows.find((row) => row.outcome === 'rejected');
    expect(rejected?.rowNumber).toBe(16);
    expect(rejected?.reasons[0]).toContain('lead status "Onbekende status" is not in the lead status list');
    expect(rejected?.cells[0]).toBe('Smit; Smit & Co');

    const ownerWarnings = new Set(report.rows.flatMap((row) => row.warnings).filter((warning) => warning.startsWith('owner ')));
    expect(ownerWarnings).toEqual(
      new Set([
        'owner "Sanne Bakker" is not a user, so the owner is left empty; add the user and import again',
        'owner "Pieter Smit" is not a user, so the owner is left empty; add the user and import again',
      ]),
    );
    expect(report.rows.find((row) => row.rowNumber === 15)?.warnings.some((warning) => warning.startsWith('lead status "Open" not imported'))).toBe(true);
  });

  it('sets owners that are users, on the person and on a new company', async () => {
    const sanne = await db.transaction().execute((trx) => createUser(trx, systemActor('edit'), { name: 'Sanne Bakker', email: 'sanne@trechter.example' }));

    const report = await importBytes(db, readSharedDataFile('nl-excel/bedrijven-personen.csv'));

    expect((await personByEmail(db, 'jan@bakkerijdevries.example')).owner_id).toBe(sanne.id);
    const bakkerij = await db.selectFrom('companies').select('owner_id').where('name', '=', 'Bakkerij de Vries B.V.').executeTakeFirstOrThrow();
    expect(bakkerij.owner_id).toBe(sanne.id);
    expect(report.rows.flatMap((row) => row.warnings).some((warning) => warning.includes('"Sanne Bakker"'))).toBe(false);
  });

  it('maps HubSpot stages to categories and statuses to lead statuses', async () => {
    await importBytes(db, readSharedDataFile('hubspot-style/contacts.csv'));

    const categories = await db
      .selectFrom('companies as c')
      .innerJoin('categories as cat', 'cat.id', 'c.category_id')
      .select(['c.name', 'c.website', 'cat.name_en as category'])
      .orderBy('c.name')
      .execute();
    expect(categories).toContainEqual({ name: 'Fietsfabriek Delta', website: 'fietsdelta.example', category: 'Marketing qualified lead (MQL)' });
    expect(categories).toContainEqual({ name: 'Noordzee Logistiek', website: 'noordzeelogistiek.example', category: 'Customer' });

    expect(await personByEmail(db, 'tess.brouwer@fietsdelta.example')).toMatchObject({ status: 'Gekwalificeerd' });
    expect(await personByEmail(db, 'thijs.bakker@fietsdelta.example')).toMatchObject({ status: 'Contact opnemen' });
    expect(await personByEmail(db, 'tess.jansen@dijkstrasoftware.example')).toMatchObject({ status: null });
  });

  it('leaves consumer leads from Salesforce without a company', async () => {
    await importBytes(db, readSharedDataFile('salesforce-gen-ai-demo/Lead.csv'));

    expect(await personByEmail(db, 'homer@sampsonfictionalfamilyfun.com')).toMatchObject({ company_name: null, status: null });
    expect(await personByEmail(db, 'j.szyslak@itsjustademo.com')).toMatchObject({ company_name: "Moe's Bar", status: 'Open', job_title: 'Owner' });
    const moe = await db.selectFrom('companies as c').innerJoin('categories as cat', 'cat.id', 'c.category_id').select('cat.name_nl').executeTakeFirstOrThrow();
    expect(moe.name_nl).toBe('Lead');
  });

  it('updates a person on re-import and records the status change', async () => {
    const header = 'Bedrijf;Categorie;Voornaam;Achternaam;E-mail;Leadstatus;Functie\n';
    await importText(db, `${header}Groen & Zonen;Opportunity;Bram;Brink;bram@groenzonen.example;Contact opnemen;\n`);
    const report = await importText(db, `${header}groen & zonen;;Bram;Brink;BRAM@groenzonen.example;Gekwalificeerd;Inkoper\n`);

    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(report.rows[0]?.description).toContain('leadStatusId');
    const bram = await personByEmail(db, 'bram@groenzonen.example');
    expect(bram).toMatchObject({ status: 'Gekwalificeerd', job_title: 'Inkoper' });

    const history = await db.selectFrom('lead_status_changes').select(['from_status_id', 'to_status_id', 'source']).where('person_id', '=', bram.id).orderBy('id').execute();
    expect(history).toEqual([
      { from_status_id: null, to_status_id: await leadStatusId(db, 'Contact opnemen'), source: 'import' },
      { from_status_id: await leadStatusId(db, 'Contact opnemen'), to_status_id: await leadStatusId(db, 'Gekwalificeerd'), source: 'import' },
    ]);
    expect(await countRows(db, 'companies')).toBe(1);
  });

  it('restarts lead cycle on category change', async () => {
    const header = 'Bedrijf;Categorie;Achternaam;E-mail;Leadstatus\n';
    await importText(db, `${header}Mosselkwekerij;Klant;Zande;geert@mossel.example;\nMosselkwekerij;Klant;Smit;els@mossel.example;\n`);
    const report = await importText(db, `${header}Mosselkwekerij;Lead;Zande;geert@mossel.example;Gekwalificeerd\n`);

    expect(report.counts.updated).toBe(1);
    expect(await personByEmail(db, 'geert@mossel.example')).toMatchObject({ status: 'Gekwalificeerd' });
    expect(await personByEmail(db, 'els@mossel.example')).toMatchObject({ status: 'Open' });

    const sources = await db.selectFrom('lead_status_changes').select('source').orderBy('id').execute();
    expect(sources.map((change) => change.source)).toEqual(['categoryChange', 'categoryChange', 'import']);
  });

  it('imports row without disallowed status', async () => {
    const report = await importText(db, 'Bedrijf;Categorie;Achternaam;Leadstatus;Functie\nGarage Jansen;Klant;Jansen;Gekwalificeerd;Eigenaar\n');

    expect(report.counts.created).toBe(1);
    expect(report.rows[0]?.warnings).toEqual([
      `lead status "Gekwalificeerd / Qualified" not imported (lead status cannot be set on the new person: company ${
        (await db.selectFrom('companies').select('id').executeTakeFirstOrThrow()).id
      }'s category "Klant / Customer" has no lead status; move the company to a lead-enabled category first)`,
    ]);
    expect(await countRows(db, 'lead_status_changes')).toBe(0);
  });

  it('matches an existing company by its website domain', async () => {
    await db.transaction().execute((trx) =>
      createCompany(trx, systemActor('edit'), { name: 'Tulpen Export B.V.', website: 'https://www.tulpenexport.example/', categoryId: null }),
    );

    await importBytes(db, readSharedDataFile('hubspot-style/contacts.csv'));

    const tulpen = await db.selectFrom('companies').select(['id', 'website']).where('name', 'like', 'Tulpen%').execute();
    expect(tulpen).toHaveLength(1);
    expect(tulpen[0]?.website).toBe('https://www.tulpenexport.example/');
    expect(await personByEmail(db, 'milan.meijer@tulpenexport.example')).toMatchObject({ company_name: 'Tulpen Export B.V.' });
  });

  it('keeps people who share an email apart by first name', async () => {
    const text = 'Voornaam;Achternaam;E-mail\nKees;Visser;visser@example.nl\nAnna;Visser;visser@example.nl\n';
    const first = await importText(db, text);
    const second = await importText(db, text);

    expect(first.counts.created).toBe(2);
    expect(first.rows[1]?.warnings[0]).toContain('email visser@example.nl belongs to person');
    expect(second.counts.unchanged).toBe(2);
    expect(await countRows(db, 'persons')).toBe(2);
  });

  it('matches a person without email by name in the same company', async () => {
    const header = 'Bedrijf;Voornaam;Tussenvoegsel;Achternaam;E-mail;Telefoon\n';
    await importText(db, `${header}Delta;Julia;de;Groot;;\nAnders;Julia;de;Groot;;\n`);
    const report = await importText(db, `${header}DELTA;julia;;de Groot;julia@delta.example;030-1234567\n`);

    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(report.rows[0]?.description).toContain('firstName, phone, email');
    const julia = await db.selectFrom('persons').select(['first_name', 'middle_name', 'last_name', 'phone']).where('email', '=', 'julia@delta.example').executeTakeFirstOrThrow();
    expect(julia).toEqual({ first_name: 'julia', middle_name: 'de', last_name: 'Groot', phone: '030-1234567' });
    expect(await personByEmail(db, 'julia@delta.example')).toMatchObject({ company_name: 'Delta' });
    expect(await countRows(db, 'persons')).toBe(2);
  });

  it('keeps its batch when one row is rejected', async () => {
    const report = await importText(db, 'Bedrijf;Achternaam;Leadstatus\nA;Eerste;\nB;;\nC;Derde;Onbekend\nD;Vierde;\n', { batchSize: 2 });

    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(report.failedBatches).toEqual([]);
    expect(await countRows(db, 'persons')).toBe(2);
  });

  describe.each([false, true])('when a batch fails (dry run: %s)', (dryRun) => {
    beforeEach(async () => {
      // A real database error for one last name, so that the batch holding it fails half-way.
      await sql`
        create function reject_last_name_boom() returns trigger language plpgsql as $$
        begin
          if new.last_name = 'Boom' then raise exception 'no persons named Boom'; end if;
          return new;
        end $$`.execute(db);
      await sql`create trigger persons_reject_boom before insert on persons for each row execute function reject_last_name_boom()`.execute(db);
    });
    afterEach(async () => {
      await sql`drop trigger persons_reject_boom on persons`.execute(db);
      await sql`drop function reject_last_name_boom()`.execute(db);
    });

    it('rolls back only that batch and reports its rows', async () => {
      const report = await importText(db, 'Bedrijf;Achternaam\nA;Een\nB;Twee\nC;Drie\nD;Boom\nE;Vijf\n', { batchSize: 2, dryRun });

      expect(report.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 2 });
      expect(report.failedBatches).toHaveLength(1);
      expect(report.failedBatches[0]).toMatchObject({ firstRowNumber: 4, lastRowNumber: 5 });
      const failed = report.rows.filter((row) => row.outcome === 'rejected');
      expect(failed.map((row) => row.rowNumber)).toEqual([4, 5]);
      expect(failed[0]?.reasons[0]).toContain('the batch of rows 4 to 5 failed (no persons named Boom)');
      expect(failed[1]?.cells).toEqual(['D', 'Boom']);

      const stored = await db.selectFrom('persons').select('last_name').orderBy('id').execute();
      expect(stored.map((person) => person.last_name)).toEqual(dryRun ? [] : ['Een', 'Twee', 'Vijf']);
      expect(await countRows(db, 'companies')).toBe(dryRun ? 0 : 3);
    });
  });
});
