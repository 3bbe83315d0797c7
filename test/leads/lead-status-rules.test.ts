import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createCompany, updateCompany } from '../../src/companies/company.service.js';
import { createCategory, updateCategory } from '../../src/lists/list-items.service.js';
import { AppError } from '../../src/errors/app-error.js';
import { getPerson, updatePerson } from '../../src/persons/person.service.js';
import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';
import { actorFor, categoryId, historyOf, leadStatusId, makeCompany, makePerson } from '../support/fixtures.js';

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe.each(testEngines)('lead status rules on %s', (engine) => {
  let database: TestDatabase;
  let open: number;
  let qualified: number;
  let disqualified: number;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    open = await leadStatusId(database.db, 'Open');
    qualified = await leadStatusId(database.db, 'Gekwalificeerd');
    disqualified = await leadStatusId(database.db, 'Gediskwalificeerd');
  });
  afterAll(() => database.dispose());

  it('enables lead status only in a lead-enabled category', async () => {
    const lead = await makeCompany(database.db, 'Bakkerij de Vries', 'Lead');
    const customer = await makeCompany(database.db, 'Garage Jansen', 'Klant');
    const uncategorised = await makeCompany(database.db, 'Zonder Categorie BV', null);

    const leadPerson = await makePerson(database.db, 'Vries', lead.id);
    const customerPerson = await makePerson(database.db, 'Jansen', customer.id);
    const uncategorisedPerson = await makePerson(database.db, 'Bakker', uncategorised.id);
    const companyless = await makePerson(database.db, 'Zonderbedrijf', null);

    expect(leadPerson.leadStatusEnabled).toBe(true);
    expect(customerPerson.leadStatusEnabled).toBe(false);
    expect(uncategorisedPerson.leadStatusEnabled).toBe(false);
    expect(companyless.leadStatusEnabled).toBe(false);
  });

  it('rejects a status change when lead status is not enabled', async () => {
    const customer = await makeCompany(database.db, 'Klant Zonder Leads', 'Klant');
    const person = await makePerson(database.db, 'Dekker', customer.id);

    const error = await expectAppError(
      database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version)),
      'LEAD_STATUS_NOT_ENABLED',
    );
    expect(error.message).toContain('"Klant" has no lead status');
    expect(error.status).toBe(422);

    const after = await getPerson(database.db, actorFor(), person.id);
    expect(after.leadStatusId).toBeNull();
    expect(after.version).toBe(person.version);
    expect(await historyOf(database.db, person.id)).toEqual([]);
  });

  it('rejects a lead status on a person without company', async () => {
    await expectAppError(makePerson(database.db, 'Zonder', null, { leadStatusId: qualified }), 'LEAD_STATUS_NOT_ENABLED');
    const stored = await database.db.selectFrom('persons').select('id').where('last_name', '=', 'Zonder').execute();
    expect(stored).toEqual([]);
  });

  it('gives a new lead the default status Open', async () => {
    const company = await makeCompany(database.db, 'Nieuwe Lead BV', 'Lead');
    const person = await makePerson(database.db, 'Smit', company.id);

    expect(person.leadStatusId).toBe(open);
    expect(person.leadStatus?.name).toBe('Open');
    expect(await historyOf(database.db, person.id)).toEqual([{ from_status_id: null, to_status_id: open, source: 'edit' }]);
  });

  it('keeps an explicitly given status on creation', async () => {
    const company = await makeCompany(database.db, 'Import Lead BV', 'Lead');
    const person = await makePerson(database.db, 'Visser', company.id, { leadStatusId: qualified });

    expect(person.leadStatusId).toBe(qualified);
  });

  it('keeps a status per person within one company', async () => {
    const company = await makeCompany(database.db, 'Twee Personen BV', 'Lead');
    const first = await makePerson(database.db, 'Eerste', company.id);
    const second = await makePerson(database.db, 'Tweede', company.id);

    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), first.id, { leadStatusId: disqualified }, first.version));
    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), second.id, { leadStatusId: qualified }, second.version));

    expect((await getPerson(database.db, actorFor(), first.id)).leadStatusId).toBe(disqualified);
    expect((await getPerson(database.db, actorFor(), second.id)).leadStatusId).toBe(qualified);
  });

  it('retains the status when the company leaves a lead category', async () => {
    const company = await makeCompany(database.db, 'Wordt Klant BV', 'Lead');
    const person = await makePerson(database.db, 'Mulder', company.id);
    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version));

    const klant = await categoryId(database.db, 'Klant');
    await database.db.transaction().execute((trx) => updateCompany(trx, actorFor(), company.id, { categoryId: klant }, company.version));

    const after = await getPerson(database.db, actorFor(), person.id);
    expect(after.leadStatusEnabled).toBe(false);
    expect(after.leadStatusRetained).toBe(true);
    expect(after.leadStatusId).toBe(qualified);
    await expectAppError(
      database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: open }, after.version)),
      'LEAD_STATUS_NOT_ENABLED',
    );
    expect((await getPerson(database.db, actorFor(), person.id)).leadStatusId).toBe(qualified);
  });

  it('starts a new cycle when the company enters a lead category', async () => {
    const company = await makeCompany(database.db, 'Terug Naar Lead BV', 'Lead');
    const person = await makePerson(database.db, 'Bos', company.id);
    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version));
    const klant = await categoryId(database.db, 'Klant');
    const mql = await categoryId(database.db, 'Marketinggekwalificeerde lead (MQL)');
    const asCustomer = await database.db
      .transaction()
      .execute((trx) => updateCompany(trx, actorFor(), company.id, { categoryId: klant }, company.version));

    await database.db.transaction().execute((trx) => updateCompany(trx, actorFor(), company.id, { categoryId: mql }, asCustomer.version));

    const after = await getPerson(database.db, actorFor(), person.id);
    expect(after.leadStatusEnabled).toBe(true);
    expect(after.leadStatusId).toBe(open);
    expect(await historyOf(database.db, person.id)).toEqual([
      { from_status_id: null, to_status_id: open, source: 'edit' },
      { from_status_id: open, to_status_id: qualified, source: 'edit' },
      { from_status_id: qualified, to_status_id: open, source: 'categoryChange' },
    ]);
  });

  it('starts a cycle for persons of an uncategorised company', async () => {
    const company = await makeCompany(database.db, 'Nog Geen Categorie BV', null);
    const person = await makePerson(database.db, 'Koster', company.id);
    const lead = await categoryId(database.db, 'Lead');

    await database.db.transaction().execute((trx) => updateCompany(trx, actorFor(), company.id, { categoryId: lead }, company.version));

    expect((await getPerson(database.db, actorFor(), person.id)).leadStatusId).toBe(open);
  });

  it('keeps the status between two lead categories', async () => {
    const company = await makeCompany(database.db, 'Van Lead Naar Opportunity BV', 'Lead');
    const person = await makePerson(database.db, 'Brouwer', company.id);
    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version));
    const opportunity = await categoryId(database.db, 'Opportunity');

    await database.db.transaction().execute((trx) => updateCompany(trx, actorFor(), company.id, { categoryId: opportunity }, company.version));

    expect((await getPerson(database.db, actorFor(), person.id)).leadStatusId).toBe(qualified);
    expect(await historyOf(database.db, person.id)).toHaveLength(2);
  });

  it('treats a move to another company as a category change', async () => {
    const leadCompany = await makeCompany(database.db, 'Oude Werkgever Lead BV', 'Lead');
    const customerCompany = await makeCompany(database.db, 'Nieuwe Werkgever Klant BV', 'Klant');
    const otherLead = await makeCompany(database.db, 'Derde Lead BV', 'Opportunity');
    const person = await makePerson(database.db, 'Verhoeven', leadCompany.id);
    const qualifiedPerson = await database.db
      .transaction()
      .execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version));

    const atCustomer = await database.db
      .transaction()
      .execute((trx) => updatePerson(trx, actorFor(), person.id, { companyId: customerCompany.id }, qualifiedPerson.version));
    expect(atCustomer.leadStatusEnabled).toBe(false);
    expect(atCustomer.leadStatusId).toBe(qualified);

    const atLead = await database.db
      .transaction()
      .execute((trx) => updatePerson(trx, actorFor(), person.id, { companyId: otherLead.id }, atCustomer.version));
    expect(atLead.leadStatusEnabled).toBe(true);
    expect(atLead.leadStatusId).toBe(open);

    const withoutCompany = await database.db
      .transaction()
      .execute((trx) => updatePerson(trx, actorFor(), person.id, { companyId: null }, atLead.version));
    expect(withoutCompany.leadStatusEnabled).toBe(false);
    expect(withoutCompany.leadStatusRetained).toBe(true);
  });

  it('writes one history record per status change', async () => {
    const company = await makeCompany(database.db, 'Historie BV', 'Lead');
    const person = await makePerson(database.db, 'Peters', company.id, {});
    const contacting = await leadStatusId(database.db, 'Contact opnemen');

    const step1 = await database.db.transaction().execute((trx) => updatePerson(trx, actorFor('board'), person.id, { leadStatusId: contacting }, person.version));
    const step2 = await database.db.transaction().execute((trx) => updatePerson(trx, actorFor('api'), person.id, { leadStatusId: qualified }, step1.version));
    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor('edit'), person.id, { firstName: 'Anna' }, step2.version));

    expect(await historyOf(database.db, person.id)).toEqual([
      { from_status_id: null, to_status_id: open, source: 'edit' },
      { from_status_id: open, to_status_id: contacting, source: 'board' },
      { from_status_id: contacting, to_status_id: qualified, source: 'api' },
    ]);
  });

  it('rolls back the history record with a failed change', async () => {
    const company = await makeCompany(database.db, 'Terugdraai BV', 'Lead');
    const person = await makePerson(database.db, 'Terug', company.id);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version);
        throw new Error('failure after the change');
      }),
    ).rejects.toThrow('failure after the change');

    expect((await getPerson(database.db, actorFor(), person.id)).leadStatusId).toBe(open);
    expect(await historyOf(database.db, person.id)).toHaveLength(1);
  });

  it('rejects an update based on a stale version', async () => {
    const company = await makeCompany(database.db, 'Versie BV', 'Lead');
    const person = await makePerson(database.db, 'Versie', company.id);
    await database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: qualified }, person.version));

    await expectAppError(
      database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: disqualified }, person.version)),
      'VERSION_CONFLICT',
    );
    expect((await getPerson(database.db, actorFor(), person.id)).leadStatusId).toBe(qualified);
  });

  it('lands concurrent status changes of two persons', async () => {
    const company = await makeCompany(database.db, 'Gelijktijdig BV', 'Lead');
    const persons = await Promise.all(Array.from({ length: 6 }, (_, index) => makePerson(database.db, `Gelijk${index}`, company.id)));

    await Promise.all(
      persons.map((person, index) =>
        database.db
          .transaction()
          .execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: index % 2 === 0 ? qualified : disqualified }, person.version)),
      ),
    );

    for (const [index, person] of persons.entries()) {
      expect((await getPerson(database.db, actorFor(), person.id)).leadStatusId).toBe(index % 2 === 0 ? qualified : disqualified);
      expect(await historyOf(database.db, person.id)).toHaveLength(2);
    }
  });

  it('lets one of two concurrent edits of a person win', async () => {
    const company = await makeCompany(database.db, 'Wedloop BV', 'Lead');
    const person = await makePerson(database.db, 'Wedloop', company.id);

    const results = await Promise.allSettled(
      [qualified, disqualified].map((status) =>
        database.db.transaction().execute((trx) => updatePerson(trx, actorFor(), person.id, { leadStatusId: status }, person.version)),
      ),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe('VERSION_CONFLICT');
    expect(await historyOf(database.db, person.id)).toHaveLength(2);
  });
});

describe.each(testEngines)('category flag changes on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.dispose());

  it('starts a cycle when a category gets lead status', async () => {
    const category = await database.db.transaction().execute((trx) =>
      createCategory(trx, actorFor(), { name: 'Beursbezoeker', categoryGroup: 'potentialCustomer', leadStatusEnabled: false }),
    );
    const company = await database.db.transaction().execute((trx) => createCompany(trx, actorFor(), { name: 'Beurs BV', categoryId: category.id }));
    const person = await makePerson(database.db, 'Standhouder', company.id);
    expect(person.leadStatusEnabled).toBe(false);

    await database.db.transaction().execute((trx) => updateCategory(trx, actorFor(), category.id, { leadStatusEnabled: true }, category.version));

    const after = await getPerson(database.db, actorFor(), person.id);
    expect(after.leadStatusEnabled).toBe(true);
    expect(after.leadStatus?.name).toBe('Open');
    expect(await historyOf(database.db, person.id)).toEqual([{ from_status_id: null, to_status_id: after.leadStatusId, source: 'categoryChange' }]);
  });

  it('retains statuses when a category loses lead status', async () => {
    const category = await database.db.transaction().execute((trx) =>
      createCategory(trx, actorFor(), { name: 'Proefklant', categoryGroup: 'potentialCustomer', leadStatusEnabled: true }),
    );
    const company = await database.db.transaction().execute((trx) => createCompany(trx, actorFor(), { name: 'Proef BV', categoryId: category.id }));
    const person = await makePerson(database.db, 'Proef', company.id);

    await database.db.transaction().execute((trx) => updateCategory(trx, actorFor(), category.id, { leadStatusEnabled: false }, category.version));

    const after = await getPerson(database.db, actorFor(), person.id);
    expect(after.leadStatusRetained).toBe(true);
    expect(after.leadStatus?.name).toBe('Open');
  });

  it('rejects a group change that would keep lead status outside potential customers', async () => {
    const category = await database.db.transaction().execute((trx) =>
      createCategory(trx, actorFor(), { name: 'Wisselgroep', categoryGroup: 'potentialCustomer', leadStatusEnabled: true }),
    );

    await expectAppError(
      database.db.transaction().execute((trx) => updateCategory(trx, actorFor(), category.id, { categoryGroup: 'customer' }, category.version)),
      'LEAD_STATUS_NOT_ALLOWED_FOR_GROUP',
    );
  });
});
