import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { countCompanyGroups, listCompanies } from '../../src/companies/company-list.js';
import type { GroupCounts } from '../../src/criteria/group-counts.js';
import { countPersonGroups, listPersons } from '../../src/persons/person-list.js';
import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';
import {
  actorFor,
  categoryId,
  clearData,
  insertCompany,
  insertPerson,
  insertUser,
  leadStatusId,
  validationErrorOf,
} from './fixtures.js';

const dutch = actorFor(null, 'nl');
const english = actorFor(null, 'en');

/** Formats the groups as "label:count" lines, with "-" for the no-value group, for compact assertions. */
function summary(counts: GroupCounts): string[] {
  return counts.groups.map((group) => `${group.keys.map((key) => key.label ?? '-').join('/')}:${group.count}`);
}

describe.each(testEngines)('group counts on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  beforeEach(async () => {
    await clearData(database.db);
  });

  it('adds up to the total including the no-value group', async () => {
    const db = database.db;
    const open = await leadStatusId(db, 'Open');
    const qualified = await leadStatusId(db, 'Qualified');
    for (const status of [open, open, qualified, null, null, null]) await insertPerson(db, { last_name: 'P', lead_status_id: status });
    await insertPerson(db, { last_name: 'Deleted', lead_status_id: open, deleted_at: new Date() });

    const counts = await countPersonGroups(db, english, { by: ['leadStatus'] });
    const list = await listPersons(db, english);

    expect(summary(counts)).toEqual(['Open:2', 'Qualified:1', '-:3']);
    expect(counts.total).toBe(6);
    expect(counts.groups.reduce((sum, group) => sum + group.count, 0)).toBe(list.total);
    expect(counts.groups.at(-1)?.keys[0]).toEqual({ field: 'leadStatus', value: null, label: null, deleted: false });
  });

  it('counts only the rows the filter matches', async () => {
    const db = database.db;
    const open = await leadStatusId(db, 'Open');
    await insertPerson(db, { last_name: 'Former', lead_status_id: open, former_employee: true });
    await insertPerson(db, { last_name: 'Current', lead_status_id: open });
    await insertPerson(db, { last_name: 'Current' });
    const filter = [[{ field: 'formerEmployee', operator: 'is', values: [false] }]];

    const counts = await countPersonGroups(db, english, { by: ['leadStatus'], filter });
    const list = await listPersons(db, english, { filter });

    expect(summary(counts)).toEqual(['Open:1', '-:1']);
    expect(counts.total).toBe(list.total);
  });

  it('shows deleted lead statuses as groups flagged deleted', async () => {
    const db = database.db;
    const retired = await db
      .insertInto('lead_statuses')
      .values({ name_nl: 'Oud', name_en: 'Retired', sort_order: 25, deleted: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertPerson(db, { last_name: 'A', lead_status_id: retired.id });
    await insertPerson(db, { last_name: 'B', lead_status_id: await leadStatusId(db, 'Contacting') });
    await insertPerson(db, { last_name: 'C', lead_status_id: await leadStatusId(db, 'Disqualified') });

    const counts = await countPersonGroups(db, dutch, { by: ['leadStatus'] });

    expect(summary(counts)).toEqual(['Contact opnemen:1', 'Oud:1', 'Gediskwalificeerd:1']);
    expect(counts.groups[1]?.keys[0]).toEqual({ field: 'leadStatus', value: retired.id, label: 'Oud', deleted: true });
    expect(counts.groups[0]?.keys[0]?.deleted).toBe(false);
  });

  it('follows the list order, not ids or names', async () => {
    const db = database.db;
    const early = await db
      .insertInto('lead_statuses')
      .values({ name_nl: 'Zeer vroeg', name_en: 'Very early', sort_order: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertPerson(db, { last_name: 'A', lead_status_id: await leadStatusId(db, 'Qualified') });
    await insertPerson(db, { last_name: 'B', lead_status_id: early.id });
    await insertPerson(db, { last_name: 'C', lead_status_id: await leadStatusId(db, 'Open') });

    const counts = await countPersonGroups(db, english, { by: ['leadStatus'] });

    expect(summary(counts)).toEqual(['Very early:1', 'Open:1', 'Qualified:1']);
  });

  it('groups two levels deep in the order of both lists', async () => {
    const db = database.db;
    const lead = await insertCompany(db, { name: 'L', category_id: await categoryId(db, 'Lead') });
    const opportunity = await insertCompany(db, { name: 'O', category_id: await categoryId(db, 'Opportunity') });
    const open = await leadStatusId(db, 'Open');
    const qualified = await leadStatusId(db, 'Qualified');
    await insertPerson(db, { last_name: 'A', company_id: opportunity, lead_status_id: open });
    await insertPerson(db, { last_name: 'B', company_id: lead, lead_status_id: qualified });
    await insertPerson(db, { last_name: 'C', company_id: lead, lead_status_id: open });
    await insertPerson(db, { last_name: 'D', company_id: lead });
    await insertPerson(db, { last_name: 'E', lead_status_id: qualified });
    await insertPerson(db, { last_name: 'F' });

    const counts = await countPersonGroups(db, english, { by: ['category', 'leadStatus'] });

    expect(summary(counts)).toEqual(['Lead/Open:1', 'Lead/Qualified:1', 'Lead/-:1', 'Opportunity/Open:1', '-/Qualified:1', '-/-:1']);
    expect(counts.total).toBe(6);
  });

  it('names category groups and yes or no in the language of the user', async () => {
    const db = database.db;
    const customer = await insertCompany(db, { name: 'K', category_id: await categoryId(db, 'Customer') });
    const lead = await insertCompany(db, { name: 'L', category_id: await categoryId(db, 'Lead') });
    await insertPerson(db, { last_name: 'A', company_id: customer, former_employee: true });
    await insertPerson(db, { last_name: 'B', company_id: lead });
    await insertPerson(db, { last_name: 'C' });

    expect(summary(await countPersonGroups(db, dutch, { by: ['categoryGroup'] }))).toEqual(['Potentiële klant:1', 'Klant:1', '-:1']);
    expect(summary(await countPersonGroups(db, english, { by: ['categoryGroup', 'formerEmployee'] }))).toEqual([
      'Potential customer/No:1',
      'Customer/Yes:1',
      '-/No:1',
    ]);
    expect(summary(await countPersonGroups(db, dutch, { by: ['leadStatusEnabled'] }))).toEqual(['Nee:2', 'Ja:1']);
  });

  it('groups by owner and company with their names', async () => {
    const db = database.db;
    const zoe = await insertUser(db, 'Zoë');
    const anna = await insertUser(db, 'anna');
    const gone = await insertCompany(db, { name: 'Gone BV', deleted_at: new Date() });
    const acme = await insertCompany(db, { name: 'Acme' });
    await insertPerson(db, { last_name: 'A', owner_id: zoe, company_id: gone });
    await insertPerson(db, { last_name: 'B', owner_id: anna, company_id: acme });
    await insertPerson(db, { last_name: 'C', owner_id: anna });

    expect(summary(await countPersonGroups(db, english, { by: ['owner'] }))).toEqual(['anna:2', 'Zoë:1']);
    const byCompany = await countPersonGroups(db, english, { by: ['company'] });
    expect(summary(byCompany)).toEqual(['Acme:1', 'Gone BV:1', '-:1']);
    expect(byCompany.groups[1]?.keys[0]?.deleted).toBe(true);
  });

  it('resolves currentUser in the filter of group counts', async () => {
    const db = database.db;
    const anna = await insertUser(db, 'Anna');
    await insertPerson(db, { last_name: 'A', owner_id: anna });
    await insertPerson(db, { last_name: 'B' });

    const counts = await countPersonGroups(db, actorFor(anna, 'en'), {
      by: ['formerEmployee'],
      filter: [[{ field: 'owner', operator: 'isOneOf', values: ['currentUser'] }]],
    });

    expect(counts.total).toBe(1);
  });

  it('rejects a field that cannot be grouped by', async () => {
    await validationErrorOf(() => countPersonGroups(database.db, english, { by: ['lastName'] }));
    await validationErrorOf(() => countPersonGroups(database.db, english, { by: [] }));
    await validationErrorOf(() => countPersonGroups(database.db, english, { by: ['leadStatus', 'category', 'owner'] }));
  });

  it('counts companies per category with a no-value group', async () => {
    const db = database.db;
    await insertCompany(db, { name: 'A', category_id: await categoryId(db, 'Partner') });
    await insertCompany(db, { name: 'B', category_id: await categoryId(db, 'Lead') });
    await insertCompany(db, { name: 'C' });
    await insertCompany(db, { name: 'D', deleted_at: new Date() });

    const counts = await countCompanyGroups(db, english, { by: ['category'] });
    const list = await listCompanies(db, english);

    expect(summary(counts)).toEqual(['Lead:1', 'Partner:1', '-:1']);
    expect(counts.total).toBe(list.total);
    expect(summary(await countCompanyGroups(db, english, { by: ['categoryGroup', 'leadStatusEnabled'] }))).toEqual([
      'Potential customer/Yes:1',
      'Partner/No:1',
      '-/No:1',
    ]);
  });
});
