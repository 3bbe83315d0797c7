import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

interface Item {
  id: number;
  nameNl: string | null;
}

/** Splits an export into its lines, after checking and removing the byte order mark. */
function csvLines(response: { rawPayload: Buffer }): string[] {
  expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return response.rawPayload.subarray(3).toString('utf8').trimEnd().split('\r\n');
}

const filterParameter = (criteria: unknown) => encodeURIComponent(JSON.stringify(criteria));

describe.each(testEngines)('list CSV export on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let english: TestClient;
  let colleague: TestClient;
  let categories: Item[];
  let statuses: Item[];
  let leadCompany: number;
  let customerCompany: number;

  const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;
  const statusNamed = (name: string) => statuses.find((item) => item.nameNl === name)!.id;
  /** Persons of this suite, whose last names all start with "Uitvoer". */
  const ours = filterParameter([{ field: 'lastName', operator: 'startsWith', values: ['Uitvoer'] }]);

  beforeAll(async () => {
    testApp = await createTestApp(engine, { clock: () => new Date('2026-04-10T10:00:00Z') });
    admin = await testApp.signIn();
    english = await testApp.signIn({ language: 'en' });
    colleague = await testApp.signIn({ role: 'user' });
    categories = (await admin.get('/api/categories')).json().items;
    statuses = (await admin.get('/api/lead-statuses')).json().items;

    leadCompany = (await admin.post('/api/companies', { name: 'Uitvoer Lead BV', categoryId: categoryNamed('Lead'), city: 'Utrecht' })).json().id;
    customerCompany = (await admin.post('/api/companies', { name: 'Uitvoer Klant BV', categoryId: categoryNamed('Klant'), city: 'Zwolle' })).json().id;
    await admin.post('/api/persons', { companyId: leadCompany, firstName: 'Anna', lastName: 'Uitvoer Aarts', email: 'anna@example.nl', phone: '+31 20 123 4567' });
    await admin.post('/api/persons', { companyId: leadCompany, firstName: 'Bram', lastName: 'Uitvoer Bos', formerEmployee: true });
    await admin.post('/api/persons', { companyId: customerCompany, firstName: 'Cor', lastName: 'Uitvoer Claassen', jobTitle: 'Inkoop; facilitair' });
  });
  afterAll(() => testApp.dispose());

  it('writes the chosen columns in the chosen order', async () => {
    const response = await admin.get(`/api/persons/export.csv?filter=${ours}&columns=lastName,company,email,firstName`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment; filename="personen.csv"');

    const lines = csvLines(response);
    expect(lines).toEqual([
      'Achternaam,Bedrijf,E-mail,Voornaam',
      'Uitvoer Aarts,Uitvoer Lead BV,anna@example.nl,Anna',
      'Uitvoer Bos,Uitvoer Lead BV,,Bram',
      'Uitvoer Claassen,Uitvoer Klant BV,,Cor',
    ]);
  });

  it('writes headers, yes/no and list values in Dutch', async () => {
    const lines = csvLines(await admin.get(`/api/persons/export.csv?filter=${ours}&columns=name,categoryGroup,category,leadStatus,formerEmployee&separator=semicolon`));
    expect(lines[0]).toBe('Naam;Categoriegroep;Categorie;Leadstatus;Oud-medewerker');
    expect(lines[1]).toBe('Anna Uitvoer Aarts;Potentiële klant;Lead;Open;Nee');
    expect(lines[2]).toBe('Bram Uitvoer Bos;Potentiële klant;Lead;Open;Ja');
    expect(lines[3]).toBe('Cor Uitvoer Claassen;Klant;Klant;;Nee');
  });

  it('writes headers, yes/no and list values in English', async () => {
    const lines = csvLines(await english.get(`/api/persons/export.csv?filter=${ours}&columns=name,categoryGroup,category,formerEmployee`));
    expect(lines[0]).toBe('Name,Category group,Category,Former employee');
    expect(lines[2]).toBe('Bram Uitvoer Bos,Potential customer,Lead,Yes');
    expect(lines[3]).toBe('Cor Uitvoer Claassen,Customer,Customer,No');
  });

  it('keeps the default columns without a columns parameter', async () => {
    const lines = csvLines(await admin.get(`/api/persons/export.csv?filter=${ours}&separator=semicolon`));
    expect(lines[0]).toBe('Id;Voornaam;Tussenvoegsel;Achternaam;Bedrijf;Functie;E-mail;Telefoon;Mobiel;Categorie;Leadstatus;Dagen in status;Onze contactpersoon;Geregistreerd op');
    expect(lines).toHaveLength(4);
  });

  it('follows the filter and the sort', async () => {
    const filter = filterParameter([
      { field: 'lastName', operator: 'startsWith', values: ['Uitvoer'] },
      { field: 'company', operator: 'isOneOf', values: [leadCompany] },
    ]);
    const descending = csvLines(await admin.get(`/api/persons/export.csv?filter=${filter}&sort=-lastName&columns=lastName`));
    expect(descending).toEqual(['Achternaam', 'Uitvoer Bos', 'Uitvoer Aarts']);

    const byCompany = csvLines(await admin.get(`/api/persons/export.csv?filter=${ours}&sort=-company,firstName&columns=firstName,company`));
    expect(byCompany.slice(1)).toEqual(['Anna,Uitvoer Lead BV', 'Bram,Uitvoer Lead BV', 'Cor,Uitvoer Klant BV']);
  });

  it('quotes a cell with the separator and guards a leading plus', async () => {
    const lines = csvLines(await admin.get(`/api/persons/export.csv?filter=${ours}&columns=lastName,jobTitle,phone&separator=semicolon`));
    expect(lines[1]).toBe("Uitvoer Aarts;;'+31 20 123 4567");
    expect(lines[3]).toBe('Uitvoer Claassen;"Inkoop; facilitair";');
  });

  it('writes dates in the organisation time zone', async () => {
    // Half past eleven in the evening UTC on 29 March is already 30 March in Amsterdam.
    const evening = new Date('2026-03-29T23:30:00Z');
    await testApp.database.db
      .updateTable('persons')
      .set({ registered_at: evening, lead_status_changed_at: evening })
      .where('last_name', '=', 'Uitvoer Aarts')
      .execute();

    const lines = csvLines(await admin.get(`/api/persons/export.csv?filter=${ours}&columns=lastName,registeredAt,leadStatusChangedAt,daysInStatus`));
    expect(lines[0]).toBe('Achternaam,Geregistreerd op,Leadstatus gewijzigd op,Dagen in status');
    // The app's clock is set to 10 April 2026, 12:00 in Amsterdam.
    expect(lines[1]).toBe('Uitvoer Aarts,2026-03-30,2026-03-30,11');
  });

  it('exports companies with their columns', async () => {
    const filter = filterParameter([{ field: 'name', operator: 'startsWith', values: ['Uitvoer'] }]);
    const response = await admin.get(`/api/companies/export.csv?filter=${filter}&sort=city&columns=name,city,leadStatusEnabled,personCount,categoryGroup&separator=semicolon`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('filename="bedrijven.csv"');
    expect(csvLines(response)).toEqual([
      'Naam;Plaats;Leadstatus ingeschakeld;Personen;Categoriegroep',
      'Uitvoer Lead BV;Utrecht;Ja;2;Potentiële klant',
      'Uitvoer Klant BV;Zwolle;Nee;1;Klant',
    ]);

    const inEnglish = csvLines(await english.get(`/api/companies/export.csv?filter=${filter}&sort=-city&columns=name,leadStatusEnabled`));
    expect(inEnglish).toEqual(['Name,Lead status enabled', 'Uitvoer Klant BV,No', 'Uitvoer Lead BV,Yes']);
  });

  it('exports a selection with the columns, filter and sort of its list', async () => {
    const selection = (
      await admin.post('/api/selections', {
        name: 'Uitvoer leads',
        entity: 'person',
        kind: 'dynamic',
        criteria: [[{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]],
      })
    ).json();

    const lines = csvLines(await admin.get(`/api/selections/${selection.id}/export.csv?filter=${ours}&sort=-firstName&columns=firstName,leadStatus`));
    expect(lines).toEqual(['Voornaam,Leadstatus', 'Bram,Open', 'Anna,Open']);

    const status = statusNamed('Open');
    const narrowed = filterParameter([{ field: 'leadStatus', operator: 'isNotOneOf', values: [status] }]);
    expect(csvLines(await admin.get(`/api/selections/${selection.id}/export.csv?filter=${narrowed}&columns=firstName`))).toEqual(['Voornaam']);
  });

  it('lists companies with the number of their persons, as the export writes it', async () => {
    const filter = filterParameter([{ field: 'name', operator: 'startsWith', values: ['Uitvoer'] }]);
    const listed = (await admin.get(`/api/companies?filter=${filter}&sort=name`)).json().items as Array<{ name: string; personCount: number }>;
    expect(listed.map((company) => `${company.name}: ${company.personCount}`)).toEqual(['Uitvoer Klant BV: 1', 'Uitvoer Lead BV: 2']);
    const lines = csvLines(await admin.get(`/api/companies/export.csv?filter=${filter}&sort=name&columns=name,personCount`));
    expect(lines.slice(1)).toEqual(['Uitvoer Klant BV,1', 'Uitvoer Lead BV,2']);
  });

  it('exports only the ticked rows, in the list order', async () => {
    const persons = (await admin.get(`/api/persons?filter=${ours}&sort=firstName`)).json().items as Array<{ id: number; firstName: string }>;
    const [anna, bram, cor] = persons;
    const lines = csvLines(await admin.get(`/api/persons/export.csv?filter=${ours}&sort=-firstName&columns=firstName&ids=${anna!.id},${cor!.id}`));
    expect(lines).toEqual(['Voornaam', 'Cor', 'Anna']);

    // Ids outside the filter stay out, as in a static selection of Anna and Bram.
    const onlyLeads = filterParameter([{ field: 'companyName', operator: 'startsWith', values: ['Uitvoer Lead'] }]);
    expect(csvLines(await admin.get(`/api/persons/export.csv?filter=${onlyLeads}&columns=firstName&ids=${cor!.id},${bram!.id}`))).toEqual(['Voornaam', 'Bram']);
    const staticSelection = (await admin.post('/api/selections', { name: 'Uitvoer vast', entity: 'person', kind: 'static', memberIds: [anna!.id, bram!.id] })).json();
    const members = await admin.get(`/api/selections/${staticSelection.id}/export.csv?columns=firstName&ids=${bram!.id},${cor!.id}`);
    expect(members.statusCode, members.body).toBe(200);
    expect(csvLines(members)).toEqual(['Voornaam', 'Bram']);

    const companies = await admin.get(`/api/companies/export.csv?columns=name&ids=${customerCompany}`);
    expect(csvLines(companies)).toEqual(['Naam', 'Uitvoer Klant BV']);
  });

  it('rejects ids that are not record ids, or too many', async () => {
    for (const ids of ['abc', '0', '1,,2', '1.5', Array.from({ length: 1001 }, (_, index) => index + 1).join(',')]) {
      const response = await admin.get(`/api/persons/export.csv?ids=${ids}`);
      expect(response.statusCode, ids.slice(0, 20)).toBe(400);
      expect(response.json().fields.map((field: { field: string }) => field.field)).toEqual(['/ids']);
    }
  });

  it('writes every page in the sort order', async () => {
    const names = Array.from({ length: 520 }, (_, index) => `Pagina ${String(index).padStart(3, '0')}`);
    await testApp.database.db
      .insertInto('persons')
      .values(names.map((name) => ({ last_name: name })))
      .execute();

    const filter = filterParameter([{ field: 'lastName', operator: 'startsWith', values: ['Pagina '] }]);
    const lines = csvLines(await admin.get(`/api/persons/export.csv?filter=${filter}&sort=-lastName&columns=lastName`));
    expect(lines.slice(1)).toEqual([...names].reverse());
  });

  it('lets a user without administrator rights export', async () => {
    const response = await colleague.get(`/api/persons/export.csv?filter=${ours}&columns=lastName`);
    expect(response.statusCode).toBe(200);
    expect(csvLines(response)).toHaveLength(4);
  });

  it('rejects an unknown column with the valid ones', async () => {
    for (const path of ['/api/persons/export.csv', '/api/companies/export.csv']) {
      const response = await admin.get(`${path}?columns=name,shoeSize`);
      expect(response.statusCode, path).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      const problem = response.json();
      expect(problem.code).toBe('VALIDATION_FAILED');
      expect(problem.fields[0].field).toBe('/columns');
      expect(problem.fields[0].message).toContain('"shoeSize"');
      expect(problem.fields[0].message).toContain('name, ');
    }
    const personColumns = (await admin.get('/api/persons/export.csv?columns=salary')).json().fields[0].message;
    expect(personColumns).toContain('leadStatusChangedAt');
    const companyColumns = (await admin.get('/api/companies/export.csv?columns=salary')).json().fields[0].message;
    expect(companyColumns).toContain('personCount');
  });

  it('rejects a column named twice or no column', async () => {
    const twice = await admin.get('/api/persons/export.csv?columns=name,email,name');
    expect(twice.statusCode).toBe(400);
    expect(twice.json().fields[0]).toMatchObject({ field: '/columns' });
    expect(twice.json().fields[0].message).toContain('"name" is named twice');
    expect(twice.json().fields[0].message).toContain('firstName, ');

    const empty = await admin.get('/api/persons/export.csv?columns=');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields[0].field).toBe('/columns');

    const selection = (await admin.post('/api/selections', { name: 'Uitvoer fout', entity: 'company', kind: 'static' })).json();
    const inSelection = await admin.get(`/api/selections/${selection.id}/export.csv?columns=city,jobTitle`);
    expect(inSelection.statusCode).toBe(400);
    expect(inSelection.json().fields[0].field).toBe('/columns');
  });

  it('rejects a bad separator, filter or sort with 400', async () => {
    const separator = await admin.get('/api/persons/export.csv?separator=tab');
    expect(separator.statusCode).toBe(400);
    expect(separator.headers['content-type']).toContain('application/problem+json');
    expect(separator.json().fields[0].field).toBe('/separator');

    const filter = await admin.get(`/api/persons/export.csv?filter=${filterParameter([{ field: 'shoeSize', operator: 'equals', values: [42] }])}`);
    expect(filter.statusCode).toBe(400);
    expect(filter.json().code).toBe('VALIDATION_FAILED');

    const notJson = await admin.get('/api/companies/export.csv?filter=%7Bnot-json');
    expect(notJson.statusCode).toBe(400);

    const sort = await admin.get('/api/companies/export.csv?sort=jobTitle');
    expect(sort.statusCode).toBe(400);
    expect(sort.json().fields[0].field).toBe('/sort');

    const unknownParameter = await admin.get('/api/persons/export.csv?limit=5');
    expect(unknownParameter.statusCode).toBe(400);
  });

  it('describes the export routes in the API description', async () => {
    const paths = (await admin.get('/api/openapi.json')).json().paths;
    for (const path of ['/api/persons/export.csv', '/api/companies/export.csv', '/api/selections/{id}/export.csv']) {
      const parameters = paths[path].get.parameters.map((parameter: { name: string }) => parameter.name);
      expect(parameters, path).toEqual(expect.arrayContaining(['filter', 'sort', 'separator', 'columns']));
      expect(Object.keys(paths[path].get.responses['200'].content), path).toEqual(['text/csv']);
    }
  });
});
