import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { deleteCompany, restoreCompany, updateCompany } from '../../src/companies/company.service.js';
import type { Db } from '../../src/db/database.js';
import { countPersonGroups, listPersons } from '../../src/persons/person-list.js';
import { compactPersonCounts } from '../../src/persons/person-counts.js';
import { createPersons, deletePerson, restorePerson, updatePerson } from '../../src/persons/person.service.js';
import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';
import { actorFor as systemActorFor, categoryId, leadStatusId, makeCompany, makePerson } from '../support/fixtures.js';
import { actorFor, clearData, insertUser } from './fixtures.js';

const reader = actorFor(null, 'en');
const editor = systemActorFor('edit');

/** Counts the persons directly, per category, lead status and owner: what the counts table must agree with. */
async function countedDirectly(db: Db): Promise<string[]> {
  const result = await sql<{ category_id: number | null; lead_status_id: number | null; owner_id: number | null; persons: number }>`
    select c.category_id, p.lead_status_id, p.owner_id, cast(count(*) as integer) as persons
    from persons as p left join companies as c on c.id = p.company_id
    where p.deleted_at is null
    group by 1, 2, 3`.execute(db);
  return result.rows.map((row) => `${row.category_id}/${row.lead_status_id}/${row.owner_id}:${row.persons}`).sort();
}

/** Reads the counts table per category, lead status and owner, and checks that group counts through it add up alike. */
async function countedFromTable(db: Db): Promise<string[]> {
  const counts = await countPersonGroups(db, reader, { by: ['category', 'leadStatus'] });
  const byOwner = await countPersonGroups(db, reader, { by: ['owner'] });
  const lines: string[] = [];
  const combinations = await sql<{ category_id: number | null; lead_status_id: number | null; owner_id: number | null; persons: number }>`
    select category_id, lead_status_id, owner_id, cast(sum(persons) as integer) as persons
    from person_counts group by 1, 2, 3 having sum(persons) <> 0`.execute(db);
  for (const row of combinations.rows) lines.push(`${row.category_id}/${row.lead_status_id}/${row.owner_id}:${row.persons}`);
  expect(counts.total).toBe(byOwner.total);
  return lines.sort();
}

/** Reads the persons with a status date and the sum of those dates per combination, directly and from the counts table. */
async function statusDatesBothWays(db: Db): Promise<{ direct: string[]; table: string[] }> {
  const direct = await sql<{ line: string }>`
    select concat_ws('/', c.category_id, p.lead_status_id, p.owner_id) || ':' || count(p.lead_status_changed_at)
           || ':' || coalesce(sum(extract(epoch from p.lead_status_changed_at)), 0)::numeric(20, 3) as line
    from persons as p left join companies as c on c.id = p.company_id
    where p.deleted_at is null
    group by c.category_id, p.lead_status_id, p.owner_id`.execute(db);
  const table = await sql<{ line: string }>`
    select concat_ws('/', category_id, lead_status_id, owner_id) || ':' || sum(dated_persons)
           || ':' || sum(status_seconds)::numeric(20, 3) as line
    from person_counts
    group by category_id, lead_status_id, owner_id
    having sum(persons) <> 0`.execute(db);
  return { direct: direct.rows.map((row) => row.line).sort(), table: table.rows.map((row) => row.line).sort() };
}

/** Reads the persons per folded lead source, category, lead status and owner, directly and from lead_source_counts. */
async function leadSourcesBothWays(db: Db): Promise<{ direct: string[]; table: string[] }> {
  const direct = await sql<{ line: string }>`
    select concat_ws('/', trechter_fold(p.lead_source), c.category_id, p.lead_status_id, p.owner_id) || ':' || count(*) as line
    from persons as p left join companies as c on c.id = p.company_id
    where p.deleted_at is null and coalesce(p.lead_source, '') <> ''
    group by trechter_fold(p.lead_source), c.category_id, p.lead_status_id, p.owner_id`.execute(db);
  const table = await sql<{ line: string }>`
    select concat_ws('/', lead_source_key, category_id, lead_status_id, owner_id) || ':' || sum(persons) as line
    from lead_source_counts
    group by lead_source_key, category_id, lead_status_id, owner_id
    having sum(persons) <> 0`.execute(db);
  return { direct: direct.rows.map((row) => row.line).sort(), table: table.rows.map((row) => row.line).sort() };
}

async function expectCountsAgree(db: Db): Promise<void> {
  const direct = await countedDirectly(db);
  expect(await countedFromTable(db)).toEqual(direct);
  const dates = await statusDatesBothWays(db);
  expect(dates.table).toEqual(dates.direct);
  const sources = await leadSourcesBothWays(db);
  expect(sources.table).toEqual(sources.direct);

  const grouped = await countPersonGroups(db, reader, { by: ['leadStatus'] });
  const scanned = await countPersonGroups(db, reader, { by: ['leadStatus'], filter: [[{ field: 'lastName', operator: 'isNotEmpty' }]] });
  expect(grouped).toEqual(scanned);
}

describe.each(testEngines)('person counts table on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    // These tests write through the services, which also keep history and an audit trail.
    await database.db.deleteFrom('lead_status_changes').execute();
    await database.db.deleteFrom('audit_log').execute();
    await clearData(database.db);
  });

  it('agrees with counting persons after every kind of change', async () => {
    const db = database.db;
    const owner = await insertUser(db, 'Eigenaar');
    const lead = await makeCompany(db, 'Lead BV', 'Lead');
    const customer = await makeCompany(db, 'Klant BV', 'Klant');
    const anna = await makePerson(db, 'Anna', lead.id);
    const bram = await makePerson(db, 'Bram', lead.id);
    await makePerson(db, 'Zonder Bedrijf', null);
    await db.transaction().execute((trx) =>
      createPersons(trx, editor, [
        { lastName: 'Bulk Een', companyId: customer.id, leadSource: 'Beurs' },
        { lastName: 'Bulk Twee', companyId: lead.id, ownerId: owner, leadSource: 'beurs' },
        { lastName: 'Bulk Drie', companyId: lead.id, leadSource: 'Website' },
      ]),
    );
    await expectCountsAgree(db);

    const bramWithSource = await db.transaction().execute((trx) => updatePerson(trx, editor, bram.id, { leadSource: 'Béurs' }, bram.version));
    await expectCountsAgree(db);
    const bramNow = await db.transaction().execute((trx) => updatePerson(trx, editor, bram.id, { leadSource: 'Website' }, bramWithSource.version));
    await expectCountsAgree(db);

    const contacting = await leadStatusId(db, 'Contact opnemen');
    const annaNow = await db.transaction().execute((trx) => updatePerson(trx, editor, anna.id, { leadStatusId: contacting, ownerId: owner }, anna.version));
    await expectCountsAgree(db);

    await db.transaction().execute((trx) => updatePerson(trx, editor, annaNow.id, { companyId: customer.id }, annaNow.version));
    await expectCountsAgree(db);

    const leadNow = await db.selectFrom('companies').select('version').where('id', '=', lead.id).executeTakeFirstOrThrow();
    const opportunity = await categoryId(db, 'Opportunity');
    await db.transaction().execute((trx) => updateCompany(trx, editor, lead.id, { categoryId: opportunity }, leadNow.version));
    await expectCountsAgree(db);

    await db.transaction().execute((trx) => deletePerson(trx, editor, bram.id, bramNow.version));
    await expectCountsAgree(db);
    await db.transaction().execute((trx) => restorePerson(trx, editor, bram.id));
    await expectCountsAgree(db);

    const customerNow = await db.selectFrom('companies').select('version').where('id', '=', customer.id).executeTakeFirstOrThrow();
    await db.transaction().execute((trx) => deleteCompany(trx, editor, customer.id, customerNow.version));
    await expectCountsAgree(db);
    await db.transaction().execute((trx) => restoreCompany(trx, editor, customer.id));
    await expectCountsAgree(db);

    // Two persons trading status and status date in one statement leave the number of persons
    // per status as it was, but not the sum of the dates.
    const [first, second] = await db.selectFrom('persons').select(['id', 'lead_status_id']).where('company_id', '=', lead.id).where('owner_id', 'is', null).orderBy('id').limit(2).execute();
    await sql`
      update persons set
        lead_status_id = case id when ${first!.id} then cast(${second!.lead_status_id} as integer) else cast(${first!.lead_status_id} as integer) end,
        lead_status_changed_at = case id when ${first!.id} then timestamptz '2026-01-02 10:00:00+00' else timestamptz '2025-11-03 08:30:00+00' end
      where id in (${first!.id}, ${second!.id})`.execute(db);
    await expectCountsAgree(db);

    await compactPersonCounts(db);
    await expectCountsAgree(db);
  });

  it('keeps the counts of a change that rolls back out', async () => {
    const db = database.db;
    const company = await makeCompany(db, 'Terugdraai BV', 'Lead');
    const before = await countedDirectly(db);

    await expect(
      db.transaction().execute(async (trx) => {
        await createPersons(trx, editor, [{ lastName: 'Weg', companyId: company.id }]);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');

    expect(await countedDirectly(db)).toEqual(before);
    await expectCountsAgree(db);
  });

  it('gives list totals on counted fields that match the rows', async () => {
    const db = database.db;
    const company = await makeCompany(db, 'Totaal BV', 'Lead');
    for (const lastName of ['Een', 'Twee', 'Drie']) await makePerson(db, lastName, company.id);
    await makePerson(db, 'Geen Lead', null);
    const open = await leadStatusId(db, 'Open');

    const filter = [[
      { field: 'leadStatus', operator: 'isOneOf', values: [open] },
      { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] },
    ]];
    const page = await listPersons(db, reader, { filter, limit: 500 });
    expect(page.total).toBe(3);
    expect(page.rows).toHaveLength(3);

    const notOpen = await listPersons(db, reader, { filter: [[{ field: 'leadStatus', operator: 'isNotOneOf', values: [open] }]] });
    const all = await listPersons(db, reader, {});
    expect(notOpen.total).toBe(1);
    expect((page.total ?? 0) + (notOpen.total ?? 0)).toBe(all.total);
  });

  it('stays right when two status changes run at the same time', async () => {
    const db = database.db;
    const company = await makeCompany(db, 'Gelijktijdig BV', 'Lead');
    const first = await makePerson(db, 'Eerste', company.id);
    const second = await makePerson(db, 'Tweede', company.id);
    const contacting = await leadStatusId(db, 'Contact opnemen');
    const qualified = await leadStatusId(db, 'Gekwalificeerd');

    await Promise.all([
      db.transaction().execute((trx) => updatePerson(trx, editor, first.id, { leadStatusId: contacting }, first.version)),
      db.transaction().execute((trx) => updatePerson(trx, editor, second.id, { leadStatusId: qualified }, second.version)),
    ]);
    await expectCountsAgree(db);
  });
});
