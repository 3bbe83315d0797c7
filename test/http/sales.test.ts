import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

describe.each(testEngines)('sales API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let companyId: number;
  let personId: number;
  let otherPersonId: number;

  async function registerSale(body: Record<string, unknown>) {
    const response = await admin.post('/api/sales', { companyId, ...body });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; version: number; saleDate: string };
  }

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
    companyId = (await admin.post('/api/companies', { name: 'Verkoop BV' })).json().id;
    personId = (await admin.post('/api/persons', { companyId, lastName: 'Inkoper' })).json().id;
    const otherCompany = (await admin.post('/api/companies', { name: 'Ander BV' })).json().id;
    otherPersonId = (await admin.post('/api/persons', { companyId: otherCompany, lastName: 'Elders' })).json().id;
  });
  afterAll(() => testApp.dispose());

  it('registers an open sale owned by the user', async () => {
    const me = (await admin.get('/api/auth/me')).json().user;

    const response = await admin.post('/api/sales', { title: '  Jaarcontract ', companyId, personId, amount: 1999.99, saleDate: '2026-03-01' });

    expect(response.statusCode).toBe(201);
    expect(response.headers.location).toBe(`/api/sales/${response.json().id}`);
    expect(response.json()).toMatchObject({
      title: 'Jaarcontract',
      companyId,
      company: { id: companyId, name: 'Verkoop BV' },
      personId,
      person: { id: personId, name: 'Inkoper' },
      ownerId: me.id,
      owner: { id: me.id, name: me.name },
      amount: 1999.99,
      status: 'open',
      saleDate: '2026-03-01',
      reason: null,
      version: 1,
      deletedAt: null,
      automation: null,
    });
    expect((await admin.get(`/api/sales/${response.json().id}`)).json().amount).toBe(1999.99);
  });

  it('dates a sale today when no date is given', async () => {
    const sale = await registerSale({ title: 'Zonder datum' });

    expect(sale.saleDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Math.abs(Date.parse(sale.saleDate) - Date.now())).toBeLessThan(2 * 24 * 3600 * 1000);
  });

  it('rejects a person of another company', async () => {
    const response = await admin.post('/api/sales', { title: 'Verkeerd', companyId, personId: otherPersonId });

    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'PERSON_NOT_IN_COMPANY', fields: [{ field: '/personId', code: 'invalid' }] });
  });

  it('rejects invalid input with field codes', async () => {
    const cases: Array<[Record<string, unknown>, number, string, string]> = [
      [{ companyId }, 400, '/title', 'required'],
      [{ title: 'X', companyId: 99_999 }, 422, '/companyId', 'unknownReference'],
      [{ title: 'X', companyId, amount: -1 }, 400, '/amount', 'invalid'],
      [{ title: 'X', companyId, amount: 10.005 }, 400, '/amount', 'invalid'],
      [{ title: 'X', companyId, saleDate: '2026-13-40' }, 400, '/saleDate', 'invalid'],
      [{ title: 'X', companyId, status: 'sold' }, 400, '/status', 'unknownField'],
    ];
    for (const [body, status, field, code] of cases) {
      const response = await admin.post('/api/sales', body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().fields, JSON.stringify(body)).toContainEqual(expect.objectContaining({ field, code }));
    }
  });

  it('marks a sale lost with a reason', async () => {
    const sale = await registerSale({ title: 'Offerte', amount: 500 });

    const response = await admin.patch(`/api/sales/${sale.id}`, { status: 'lost', reason: 'Concurrent was goedkoper', version: sale.version });

    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"2"');
    expect(response.json()).toMatchObject({ status: 'lost', reason: 'Concurrent was goedkoper', version: 2, amount: 500 });
  });

  it('refuses a change based on a stale version', async () => {
    const sale = await registerSale({ title: 'Verouderd' });
    await admin.patch(`/api/sales/${sale.id}`, { amount: 10, version: sale.version });

    const stale = await admin.patch(`/api/sales/${sale.id}`, { amount: 20, version: sale.version });
    const staleHeader = await admin.patch(`/api/sales/${sale.id}`, { amount: 20 }, { 'if-match': `"${sale.version}"` });

    expect(stale.statusCode).toBe(409);
    expect(staleHeader.statusCode).toBe(412);
    expect((await admin.get(`/api/sales/${sale.id}`)).json().amount).toBe(10);
  });

  it('loses no update when two edits race', async () => {
    const sale = await registerSale({ title: 'Race' });

    const [first, second] = await Promise.all([
      admin.patch(`/api/sales/${sale.id}`, { amount: 100, version: sale.version }),
      admin.patch(`/api/sales/${sale.id}`, { title: 'Race B', version: sale.version }),
    ]);

    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const stored = (await admin.get(`/api/sales/${sale.id}`)).json();
    const winner = first.statusCode === 200 ? first.json() : second.json();
    expect(stored).toMatchObject({ version: 2, amount: winner.amount, title: winner.title });

    const loser = first.statusCode === 200 ? { title: 'Race B' } : { amount: 100 };
    const retried = await admin.patch(`/api/sales/${sale.id}`, { ...loser, version: stored.version });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ amount: 100, title: 'Race B', version: 3 });
  });

  it('deletes a sale softly with its version', async () => {
    const sale = await registerSale({ title: 'Weg' });

    expect((await admin.delete(`/api/sales/${sale.id}`)).statusCode).toBe(428);
    expect((await admin.delete(`/api/sales/${sale.id}?version=${sale.version}`)).statusCode).toBe(204);

    const deleted = (await admin.get(`/api/sales/${sale.id}`)).json();
    expect(deleted.deletedAt).not.toBeNull();
    const listed = (await admin.get(`/api/sales?companyId=${companyId}&limit=500`)).json().items;
    expect(listed.map((item: { id: number }) => item.id)).not.toContain(sale.id);
    expect((await admin.patch(`/api/sales/${sale.id}`, { amount: 1, version: deleted.version })).statusCode).toBe(400);
  });

  it('lists a company\'s sales newest date first in pages', async () => {
    const listed = (await admin.post('/api/companies', { name: 'Lijst BV' })).json().id;
    const buyer = (await admin.post('/api/persons', { companyId: listed, lastName: 'Koper' })).json().id;
    for (const [title, saleDate] of [['Januari', '2026-01-15'], ['Maart', '2026-03-15'], ['Februari', '2026-02-15'], ['Maart bis', '2026-03-15']]) {
      await admin.post('/api/sales', { title, companyId: listed, saleDate, ...(title === 'Januari' ? { personId: buyer } : {}) });
    }

    const first = (await admin.get(`/api/sales?companyId=${listed}&limit=2`)).json();
    const second = (await admin.get(`/api/sales?companyId=${listed}&limit=2&cursor=${first.nextCursor}`)).json();

    expect(first.items.map((sale: { title: string }) => sale.title)).toEqual(['Maart bis', 'Maart']);
    expect(second.items.map((sale: { title: string }) => sale.title)).toEqual(['Februari', 'Januari']);
    expect(second.nextCursor).toBeNull();
    expect((await admin.get(`/api/sales?personId=${buyer}`)).json().items.map((sale: { title: string }) => sale.title)).toEqual(['Januari']);
    expect((await admin.get(`/api/sales?companyId=${listed}&status=sold`)).json().items).toEqual([]);
    expect((await admin.get('/api/sales?cursor=nonsense')).statusCode).toBe(400);
  });

  it('writes sales to the audit log', async () => {
    const sale = await registerSale({ title: 'Gelogd' });
    await admin.patch(`/api/sales/${sale.id}`, { status: 'sold', version: sale.version });

    const entries = (await admin.get(`/api/audit-log?entity=sale&entityId=${sale.id}`)).json().items;

    expect(entries.map((entry: { action: string }) => entry.action)).toEqual(['update', 'create']);
    expect(entries[0].changes).toEqual({ status: 'sold' });
  });

  it('documents the automation field in the OpenAPI document', async () => {
    const document = (await admin.get('/api/openapi.json')).json();

    const created = document.paths['/api/sales'].post.responses['201'].content['application/json'].schema;
    const person = document.paths['/api/persons/{id}'].patch.responses['200'].content['application/json'].schema;
    expect(created.properties.automation.properties.applied.type).toBe('boolean');
    expect(person.properties.automation.properties.suggestedCategoryId.type).toBe('integer');
  });
});
