import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

interface Item {
  id: number;
  nameNl: string | null;
}

describe.each(testEngines)('selections API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let colleague: TestClient;
  let statuses: Item[];
  let categories: Item[];
  let disqualified: number;
  let companyId: number;
  const personIds: number[] = [];

  const statusNamed = (name: string) => statuses.find((item) => item.nameNl === name)!.id;
  const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
    colleague = await testApp.signIn({ role: 'user' });
    statuses = (await admin.get('/api/lead-statuses')).json().items;
    categories = (await admin.get('/api/categories')).json().items;
    disqualified = statusNamed('Gediskwalificeerd');

    companyId = (await admin.post('/api/companies', { name: 'Selectie Lead BV', categoryId: categoryNamed('Lead') })).json().id;
    const customer = (await admin.post('/api/companies', { name: 'Selectie Klant BV', categoryId: categoryNamed('Klant') })).json().id;
    for (const lastName of ['Aarts', 'Bos', 'Claassen']) {
      personIds.push((await admin.post('/api/persons', { companyId, lastName })).json().id);
    }
    const bos = (await admin.get(`/api/persons/${personIds[1]}`)).json();
    await admin.patch(`/api/persons/${bos.id}`, { leadStatusId: disqualified, version: bos.version });
    personIds.push((await admin.post('/api/persons', { companyId: customer, lastName: 'Dekker' })).json().id);
  });
  afterAll(() => testApp.dispose());

  const potentialNotDisqualified = () => [
    [
      { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] },
      { field: 'leadStatus', operator: 'isNotOneOf', values: [disqualified] },
    ],
  ];

  it('saves a dynamic selection whose list and counts follow its criteria', async () => {
    const created = await admin.post('/api/selections', { name: 'Warme leads', entity: 'person', kind: 'dynamic', criteria: potentialNotDisqualified() });
    expect(created.statusCode).toBe(201);
    const selection = created.json();

    const page = (await admin.get(`/api/selections/${selection.id}/persons?sort=lastName`)).json();
    expect(page.items.map((person: { lastName: string }) => person.lastName)).toEqual(['Aarts', 'Claassen']);
    expect(page.total).toBe(2);

    const counts = (await admin.get(`/api/selections/${selection.id}/persons/group-counts?by=leadStatus`)).json();
    expect(counts.total).toBe(page.total);

    // A change to a person shows at once: the selection keeps criteria, not members.
    const aarts = (await admin.get(`/api/persons/${personIds[0]}`)).json();
    await admin.patch(`/api/persons/${aarts.id}`, { leadStatusId: disqualified, version: aarts.version });
    expect((await admin.get(`/api/selections/${selection.id}/persons`)).json().total).toBe(1);
  });

  it('narrows the selection further with a list filter', async () => {
    const selection = (await admin.post('/api/selections', { name: 'Leads met C', entity: 'person', kind: 'dynamic', criteria: potentialNotDisqualified() })).json();
    const filter = encodeURIComponent(JSON.stringify([{ field: 'lastName', operator: 'startsWith', values: ['c'] }]));
    const page = (await admin.get(`/api/selections/${selection.id}/persons?filter=${filter}`)).json();
    expect(page.items.map((person: { lastName: string }) => person.lastName)).toEqual(['Claassen']);
  });

  it('adds and removes members of a static selection', async () => {
    const selection = (await admin.post('/api/selections', { name: 'Beurs 2027', entity: 'person', kind: 'static', memberIds: [personIds[0]!] })).json();
    expect((await admin.post(`/api/selections/${selection.id}/members`, { ids: [personIds[0], personIds[3]] })).json()).toEqual({ added: 1 });
    let page = (await admin.get(`/api/selections/${selection.id}/persons?sort=lastName`)).json();
    expect(page.items.map((person: { lastName: string }) => person.lastName)).toEqual(['Aarts', 'Dekker']);

    expect((await admin.post(`/api/selections/${selection.id}/members/remove`, { ids: [personIds[0]] })).json()).toEqual({ removed: 1 });
    page = (await admin.get(`/api/selections/${selection.id}/persons`)).json();
    expect(page.total).toBe(1);

    const unknown = await admin.post(`/api/selections/${selection.id}/members`, { ids: [999999] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('REFERENCE_NOT_FOUND');
  });

  it('freezes the current matches when a dynamic selection turns static', async () => {
    const selection = (await admin.post('/api/selections', { name: 'Vastgezet', entity: 'person', kind: 'dynamic', criteria: [[{ field: 'lastName', operator: 'equals', values: ['Claassen'] }]] })).json();
    const frozen = await admin.post(`/api/selections/${selection.id}/make-static`, { version: selection.version });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json()).toMatchObject({ kind: 'static', criteria: null });

    await admin.post('/api/persons', { companyId, lastName: 'Claassen' });
    const page = (await admin.get(`/api/selections/${selection.id}/persons`)).json();
    expect(page.items.map((person: { id: number }) => person.id)).toEqual([personIds[2]]);
  });

  it('copies a static selection with its members', async () => {
    const source = (await admin.post('/api/selections', { name: 'Origineel', entity: 'person', kind: 'static', memberIds: [personIds[2]!, personIds[3]!] })).json();
    const copy = await admin.post(`/api/selections/${source.id}/copy`, { name: 'Kopie' });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ name: 'Kopie', kind: 'static' });
    expect((await admin.post(`/api/selections/${source.id}/copy`, {})).json().name).toBe('Origineel (kopie)');
    expect((await admin.post(`/api/selections/${source.id}/copy`, {})).json().name).toBe('Origineel (kopie 2)');
    expect((await admin.post(`/api/selections/${source.id}/copy`, {})).json().name).toBe('Origineel (kopie 3)');
    expect((await admin.get(`/api/selections/${copy.json().id}/persons`)).json().total).toBe(2);
  });

  it('hides a private selection from other users, through every path', async () => {
    const own = (await admin.post('/api/selections', { name: 'Alleen ik', entity: 'person', kind: 'static', visibility: 'owner', memberIds: [personIds[0]!] })).json();

    expect((await colleague.get('/api/selections')).json().items.map((item: { id: number }) => item.id)).not.toContain(own.id);
    for (const path of ['', '/persons', '/persons/group-counts?by=leadStatus', '/export.csv']) {
      expect((await colleague.get(`/api/selections/${own.id}${path}`)).statusCode, path).toBe(404);
    }
    expect((await colleague.post(`/api/selections/${own.id}/members`, { ids: [personIds[1]] })).statusCode).toBe(404);
    expect((await colleague.post(`/api/selections/${own.id}/copy`, {})).statusCode).toBe(404);
    expect((await colleague.delete(`/api/selections/${own.id}?version=${own.version}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/selections/${own.id}`)).statusCode).toBe(200);
  });

  it("lets other users read but not change a shared selection", async () => {
    const shared = (await admin.post('/api/selections', { name: 'Gedeeld', entity: 'person', kind: 'static', memberIds: [personIds[0]!] })).json();
    const seen = await colleague.get(`/api/selections/${shared.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().editable).toBe(false);
    const change = await colleague.patch(`/api/selections/${shared.id}`, { name: 'Overgenomen', version: shared.version });
    expect(change.statusCode).toBe(403);
    expect((await admin.get(`/api/selections/${shared.id}`)).json().name).toBe('Gedeeld');
  });

  it('deletes a selection with its version and keeps the records', async () => {
    const selection = (await admin.post('/api/selections', { name: 'Weg', entity: 'person', kind: 'static', memberIds: [personIds[0]!] })).json();
    expect((await admin.delete(`/api/selections/${selection.id}?version=${selection.version + 5}`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/selections/${selection.id}?version=${selection.version}`)).statusCode).toBe(204);
    expect((await admin.get(`/api/selections/${selection.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/persons/${personIds[0]}`)).statusCode).toBe(200);
  });

  it('exports CSV with BOM and separator', async () => {
    await admin.patch(`/api/persons/${personIds[3]}`, { firstName: 'José', jobTitle: '=1+1; "chef"', version: (await admin.get(`/api/persons/${personIds[3]}`)).json().version });
    const selection = (await admin.post('/api/selections', { name: 'Export: klanten', entity: 'person', kind: 'static', memberIds: [personIds[3]!, personIds[2]!] })).json();

    const response = await admin.get(`/api/selections/${selection.id}/export.csv?separator=semicolon`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Id;Voornaam;Tussenvoegsel;Achternaam;Bedrijf;Functie;E-mail;Telefoon;Mobiel;Categorie;Leadstatus;Dagen in status;Onze contactpersoon;Geregistreerd op');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(';Claassen;');
    expect(lines[2]).toContain(`${personIds[3]};José;;Dekker;Selectie Klant BV;"'=1+1; ""chef""";`);

    const commas = (await admin.get(`/api/selections/${selection.id}/export.csv`)).rawPayload.subarray(3).toString('utf8');
    expect(commas.split('\r\n')[0]).toMatch(/^Id,Voornaam,/);
  });

  it('exports registered dates in the organisation time zone', async () => {
    // Half past eleven in the evening UTC on 29 March is already 30 March in Amsterdam.
    await testApp.database.db.updateTable('persons').set({ registered_at: new Date('2026-03-29T23:30:00Z') }).where('id', '=', personIds[1]!).execute();
    const selection = (await admin.post('/api/selections', { name: 'Export: datum', entity: 'person', kind: 'static', memberIds: [personIds[1]!] })).json();

    const lines = (await admin.get(`/api/selections/${selection.id}/export.csv?separator=semicolon`)).rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[1]?.endsWith(';2026-03-30')).toBe(true);
  });

  it('names the criteria line that is wrong, and stores nothing', async () => {
    const before = (await admin.get('/api/selections')).json().items.length;
    const wrongField = await admin.post('/api/selections', { name: 'Fout', entity: 'person', kind: 'dynamic', criteria: [[{ field: 'shoeSize', operator: 'isOneOf', values: [1] }]] });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().fields[0].field).toBe('/criteria/0/0/field');

    const wrongOperator = await admin.post('/api/selections', { name: 'Fout', entity: 'person', kind: 'dynamic', criteria: [[{ field: 'lastName', operator: 'isOneOf', values: [1] }]] });
    expect(wrongOperator.statusCode).toBe(400);
    expect(wrongOperator.json().fields[0].field).toMatch(/^\/criteria\/0\/0/);

    const noCriteria = await admin.post('/api/selections', { name: 'Leeg', entity: 'person', kind: 'dynamic' });
    expect(noCriteria.statusCode).toBe(400);
    const blankName = await admin.post('/api/selections', { name: '   ', entity: 'person', kind: 'static' });
    expect(blankName.statusCode).toBe(400);
    expect((await admin.get('/api/selections')).json().items).toHaveLength(before);
  });

  it('refuses the list path of the other entity', async () => {
    const companies = (await admin.post('/api/selections', { name: 'Bedrijven', entity: 'company', kind: 'dynamic', criteria: [[{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]] })).json();
    expect((await admin.get(`/api/selections/${companies.id}/persons`)).statusCode).toBe(400);
    const page = (await admin.get(`/api/selections/${companies.id}/companies`)).json();
    expect(page.items.map((company: { name: string }) => company.name)).toEqual(['Selectie Lead BV']);
  });
});
