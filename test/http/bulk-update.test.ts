import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

interface Item {
  id: number;
  nameNl: string | null;
}

describe.each(testEngines)('bulk update API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let statuses: Item[];
  let categories: Item[];
  let leadCompany: number;
  let customerCompany: number;

  const statusNamed = (name: string) => statuses.find((item) => item.nameNl === name)!.id;
  const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;

  /** Adds persons straight into the database, as the import's bulk path would, all at Open. */
  async function addPersons(companyId: number, count: number, prefix: string, leadStatusId: number | null): Promise<void> {
    await sql`
      insert into persons (company_id, last_name, lead_status_id, lead_status_changed_at)
      select ${companyId}, ${prefix} || ' ' || n, ${leadStatusId}, now() from generate_series(1, ${count}) as n`.execute(testApp.database.db);
  }

  async function waitUntilFinished(id: number) {
    for (let attempt = 0; attempt < 600; attempt++) {
      const state = (await admin.get(`/api/bulk-updates/${id}`)).json();
      if (!['running', 'stopping'].includes(state.status)) return state;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`bulk update ${id} did not finish`);
  }

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
    statuses = (await admin.get('/api/lead-statuses')).json().items;
    categories = (await admin.get('/api/categories')).json().items;
    leadCompany = (await admin.post('/api/companies', { name: 'Bulk Lead BV', categoryId: categoryNamed('Lead') })).json().id;
    customerCompany = (await admin.post('/api/companies', { name: 'Bulk Klant BV', categoryId: categoryNamed('Klant') })).json().id;
  });
  afterAll(() => testApp.dispose());

  it('previews, runs and logs a lead status change for every person', async () => {
    await addPersons(leadCompany, 1_200, 'Lead', statusNamed('Open'));
    await addPersons(customerCompany, 30, 'Klant', statusNamed('Open'));
    const contacting = statusNamed('Contact opnemen');
    const body = {
      target: { filter: [[{ field: 'lastName', operator: 'startsWith', values: ['Lead'] }], [{ field: 'lastName', operator: 'startsWith', values: ['Klant'] }]] },
      changes: { leadStatusId: contacting },
    };

    const preview = (await admin.post('/api/persons/bulk-update/preview', body)).json();
    expect(preview).toEqual({ total: 1_230, change: 1_200, unchanged: 0, refused: [{ reason: 'leadStatusNotEnabled', count: 30 }] });

    const started = await admin.post('/api/persons/bulk-update', body);
    expect(started.statusCode).toBe(202);
    const finished = await waitUntilFinished(started.json().id);
    expect(finished).toMatchObject({ status: 'done', total: 1_230, done: 1_230, changed: 1_200, refused: 30, unchanged: 0 });

    const history = await sql<{ changes: number }>`
      select cast(count(*) as integer) as changes from lead_status_changes where source = 'bulkUpdate' and to_status_id = ${contacting}`.execute(testApp.database.db);
    expect(history.rows[0]?.changes).toBe(1_200);

    const log: Array<{ outcome: string; reason: string | null }> = [];
    let after: number | null = null;
    do {
      const page: { items: typeof log; nextAfter: number | null } = (await admin.get(`/api/bulk-updates/${started.json().id}/records?limit=1000${after === null ? '' : `&after=${after}`}`)).json();
      log.push(...page.items);
      after = page.nextAfter;
    } while (after !== null);
    expect(log).toHaveLength(1_230);
    expect(log.filter((entry) => entry.outcome === 'refused').every((entry) => entry.reason === 'LEAD_STATUS_NOT_ENABLED')).toBe(true);

    const again = (await admin.post('/api/persons/bulk-update/preview', body)).json();
    expect(again.unchanged).toBe(1_200);
  });

  it('stops between batches, leaving whole batches', async () => {
    await addPersons(leadCompany, 1_500, 'Stop', statusNamed('Open'));
    const qualified = statusNamed('Gekwalificeerd');
    const started = (await admin.post('/api/persons/bulk-update', { target: { filter: [[{ field: 'lastName', operator: 'startsWith', values: ['Stop'] }]] }, changes: { leadStatusId: qualified } })).json();
    await admin.post(`/api/bulk-updates/${started.id}/stop`);
    const finished = await waitUntilFinished(started.id);

    expect(['stopped', 'done']).toContain(finished.status);
    expect(finished.done % 500 === 0 || finished.done === finished.total).toBe(true);
    const changed = await sql<{ count: number }>`
      select cast(count(*) as integer) as count from persons where last_name like 'Stop %' and lead_status_id = ${qualified}`.execute(testApp.database.db);
    expect(changed.rows[0]?.count).toBe(finished.changed);
  });

  it("keeps other users' runs running", async () => {
    const colleague = await testApp.signIn({ role: 'user' });
    const started = (await admin.post('/api/persons/bulk-update', { target: { filter: [[{ field: 'lastName', operator: 'startsWith', values: ['Lead'] }]] }, changes: { ownerId: null } })).json();
    expect((await colleague.post(`/api/bulk-updates/${started.id}/stop`)).statusCode).toBe(404);
    expect((await waitUntilFinished(started.id)).status).toBe('done');
  });

  it('sets our contact on ticked rows', async () => {
    const user = (await admin.get('/api/auth/me')).json().user;
    const ids = [];
    for (const lastName of ['Eerste', 'Tweede']) ids.push((await admin.post('/api/persons', { companyId: leadCompany, lastName })).json().id);
    const started = (await admin.post('/api/persons/bulk-update', { target: { ids }, changes: { ownerId: user.id } })).json();
    expect(await waitUntilFinished(started.id)).toMatchObject({ status: 'done', changed: 2 });
    expect((await admin.get(`/api/persons/${ids[0]}`)).json().owner.id).toBe(user.id);
  });

  it('takes a filter as one set of lines, as lists do', async () => {
    const preview = await admin.post('/api/persons/bulk-update/preview', {
      target: { filter: [{ field: 'lastName', operator: 'startsWith', values: ['Lead'] }] },
      changes: { ownerId: null },
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().total).toBe(1_200);

    const wrong = await admin.post('/api/persons/bulk-update/preview', { target: { filter: [{ field: 'shoeSize', operator: 'isEmpty' }] }, changes: { ownerId: null } });
    expect(wrong.json().fields[0].field).toBe('/target/filter/0/field');
  });

  it('refuses ids that name no person', async () => {
    const response = await admin.post('/api/persons/bulk-update/preview', { target: { ids: [999_999] }, changes: { ownerId: null } });
    expect(response.statusCode).toBe(422);
    expect(response.json().fields[0]).toMatchObject({ field: '/target/ids', code: 'unknownReference' });
  });

  it('refuses a bulk update without changes or with two targets, storing nothing', async () => {
    const before = await sql<{ count: number }>`select cast(count(*) as integer) as count from bulk_updates`.execute(testApp.database.db);
    const noChanges = await admin.post('/api/persons/bulk-update', { target: { filter: [] }, changes: {} });
    expect(noChanges.statusCode).toBe(400);
    const twoTargets = await admin.post('/api/persons/bulk-update', { target: { selectionId: 1, filter: [] }, changes: { ownerId: null } });
    expect(twoTargets.statusCode).toBe(400);
    const deletedStatus = await admin.post('/api/persons/bulk-update', { target: { filter: [] }, changes: { leadStatusId: 999999 } });
    expect(deletedStatus.statusCode).toBe(422);
    const after = await sql<{ count: number }>`select cast(count(*) as integer) as count from bulk_updates`.execute(testApp.database.db);
    expect(after.rows[0]?.count).toBe(before.rows[0]?.count);
  });
});

describe.each(testEngines)('company bulk update API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
  });
  afterAll(() => testApp.dispose());

  it('moves companies to another category and starts their persons at Open', async () => {
    const categories: Item[] = (await admin.get('/api/categories')).json().items;
    const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;
    const ids: number[] = [];
    for (const name of ['Klant Een BV', 'Klant Twee BV']) {
      const company = (await admin.post('/api/companies', { name, categoryId: categoryNamed('Klant') })).json();
      await admin.post('/api/persons', { companyId: company.id, lastName: `Van ${name}` });
      ids.push(company.id);
    }
    ids.push((await admin.post('/api/companies', { name: 'Al Lead BV', categoryId: categoryNamed('Lead') })).json().id);
    const body = { target: { ids }, changes: { categoryId: categoryNamed('Lead') } };

    expect((await admin.post('/api/companies/bulk-update/preview', body)).json()).toEqual({ total: 3, change: 2, unchanged: 1, persons: 2 });
    const started = (await admin.post('/api/companies/bulk-update', body)).json();
    let state = started;
    for (let attempt = 0; attempt < 200 && ['running', 'stopping'].includes(state.status); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = (await admin.get(`/api/bulk-updates/${started.id}`)).json();
    }
    expect(state).toMatchObject({ status: 'done', changed: 2, unchanged: 1 });

    const persons = (await admin.get(`/api/persons?filter=${encodeURIComponent(JSON.stringify([{ field: 'company', operator: 'isOneOf', values: ids }]))}`)).json();
    expect(persons.items.map((person: { leadStatus: { name: string } | null }) => person.leadStatus?.name)).toEqual(['Open', 'Open']);
    const log = (await admin.get(`/api/bulk-updates/${started.id}/records`)).json().items;
    expect(log.map((entry: { name: string; outcome: string }) => `${entry.name}:${entry.outcome}`)).toEqual(['Klant Een BV:changed', 'Klant Twee BV:changed', 'Al Lead BV:unchanged']);
  });
});
