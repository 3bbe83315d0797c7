import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp, PASSWORD } from '../support/app.js';
import { testEngines } from '../support/databases.js';

interface Item {
  id: number;
  name: string;
  nameNl: string | null;
  nameEn: string | null;
  version: number;
  deleted: boolean;
  isDefault?: boolean;
  leadStatusEnabled?: boolean;
}

describe.each(testEngines)('REST API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let categories: Item[];
  let statuses: Item[];

  const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;
  const statusNamed = (name: string) => statuses.find((item) => item.nameNl === name)!.id;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
    categories = (await admin.get('/api/categories')).json().items;
    statuses = (await admin.get('/api/lead-statuses')).json().items;
  });
  afterAll(() => testApp.dispose());

  async function createCompany(name: string, category: string | null) {
    const response = await admin.post('/api/companies', { name, categoryId: category === null ? null : categoryNamed(category) });
    expect(response.statusCode).toBe(201);
    return response.json() as { id: number; version: number };
  }

  describe('sign-in', () => {
    it('rejects requests without a session', async () => {
      const response = await testApp.app.inject({ method: 'GET', url: '/api/persons/1' });
      expect(response.statusCode).toBe(401);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe('UNAUTHENTICATED');
    });

    it('asks for sign-in before checking a request body', async () => {
      const response = await testApp.app.inject({ method: 'POST', url: '/api/dashboards/tile-data', payload: {} });
      expect(response.statusCode).toBe(401);
      expect(response.json().code).toBe('UNAUTHENTICATED');
    });

    it('rejects a wrong password with the same answer as an unknown email', async () => {
      const wrong = await testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'beheer@example.nl', password: 'wrong password' } });
      const unknown = await testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'niemand@example.nl', password: PASSWORD } });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(wrong.json().detail).toBe(unknown.json().detail);
    });

    it('rejects a cookie write without the CSRF token', async () => {
      const login = await testApp.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'beheer@example.nl', password: PASSWORD } });
      const cookie = login.cookies.map((entry) => `${entry.name}=${entry.value}`).join('; ');
      const response = await testApp.app.inject({ method: 'POST', url: '/api/companies', headers: { cookie }, payload: { name: 'Vervalst BV' } });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('CSRF_TOKEN_INVALID');
    });

    it('accepts a bearer API token without CSRF token', async () => {
      const created = await admin.post('/api/auth/tokens', { name: 'script' });
      expect(created.statusCode).toBe(201);
      const token = created.json().token as string;

      const response = await testApp.app.inject({ method: 'POST', url: '/api/companies', headers: { authorization: `Bearer ${token}` }, payload: { name: 'Via Token BV' } });
      expect(response.statusCode).toBe(201);

      await admin.delete(`/api/auth/tokens/${created.json().id}`);
      const revoked = await testApp.app.inject({ method: 'GET', url: '/api/categories', headers: { authorization: `Bearer ${token}` } });
      expect(revoked.statusCode).toBe(401);
    });

    it('ends the session on sign-out', async () => {
      const client = await testApp.signIn({ role: 'user' });
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
      await client.post('/api/auth/logout');
      expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    });
  });

  describe('languages', () => {
    it('shows the default lists in Dutch by default', async () => {
      expect(statuses.map((status) => status.name)).toEqual(['Open', 'Contact opnemen', 'Gediskwalificeerd', 'Opnieuw benaderen', 'Gekwalificeerd']);
      expect(categories.map((category) => category.name)).toEqual([
        'Lead',
        'Marketinggekwalificeerde lead (MQL)',
        'Opportunity',
        'Verloren opportunity',
        'Klant',
        'Partner',
        'Oud-klant',
        'Overig',
      ]);
    });

    it('shows the default lists in English to an English user', async () => {
      const english = await testApp.signIn({ role: 'user', language: 'en' });
      const names = (await english.get('/api/lead-statuses')).json().items.map((item: Item) => item.name);
      expect(names).toEqual(['Open', 'Contacting', 'Disqualified', 'Re-nurture', 'Qualified']);
      const groups = (await english.get('/api/category-groups')).json().items.map((item: { name: string }) => item.name);
      expect(groups).toEqual(['Potential customer', 'Customer', 'Partner', 'Lost', 'Other']);
    });

    it('switches a user to English', async () => {
      const client = await testApp.signIn({ role: 'user' });
      expect((await client.patch('/api/auth/me', { language: 'en' })).statusCode).toBe(200);
      expect((await client.get('/api/categories')).json().items[4].name).toBe('Customer');
    });
  });

  describe('lists', () => {
    it('rejects a name that differs only in case', async () => {
      const response = await admin.post('/api/lead-statuses', { name: 'gekwalificeerd' });
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('NAME_TAKEN');
    });

    it('rejects the name of a deleted item', async () => {
      const created = (await admin.post('/api/lead-statuses', { name: 'Afspraak gepland' })).json() as Item;
      expect((await admin.delete(`/api/lead-statuses/${created.id}`)).statusCode).toBe(204);
      const again = await admin.post('/api/lead-statuses', { name: 'AFSPRAAK GEPLAND' });
      expect(again.statusCode).toBe(409);
      expect(again.json().detail).toContain('restore it instead');
    });

    it('hides deleted items unless asked and restores them', async () => {
      const created = (await admin.post('/api/lead-statuses', { name: 'Tijdelijk' })).json() as Item;
      await admin.delete(`/api/lead-statuses/${created.id}`);
      const visible = (await admin.get('/api/lead-statuses')).json().items as Item[];
      expect(visible.some((item) => item.id === created.id)).toBe(false);
      const all = (await admin.get('/api/lead-statuses?includeDeleted=true')).json().items as Item[];
      expect(all.find((item) => item.id === created.id)?.deleted).toBe(true);

      const restored = await admin.post(`/api/lead-statuses/${created.id}/restore`);
      expect(restored.statusCode).toBe(200);
      expect(restored.json().deleted).toBe(false);
    });

    it('protects the default lead status from deletion', async () => {
      const response = await admin.delete(`/api/lead-statuses/${statusNamed('Open')}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().code).toBe('DEFAULT_LEAD_STATUS_PROTECTED');
    });

    it('moves the default to another status', async () => {
      const contacting = statuses.find((item) => item.nameNl === 'Contact opnemen')!;
      const response = await admin.patch(`/api/lead-statuses/${contacting.id}`, { isDefault: true, version: contacting.version });
      expect(response.statusCode).toBe(200);
      const after = (await admin.get('/api/lead-statuses')).json().items as Item[];
      expect(after.filter((item) => item.isDefault).map((item) => item.nameNl)).toEqual(['Contact opnemen']);

      const back = after.find((item) => item.nameNl === 'Open')!;
      expect((await admin.patch(`/api/lead-statuses/${back.id}`, { isDefault: true, version: back.version })).statusCode).toBe(200);
    });

    it('rejects lead status outside the potential customer group', async () => {
      const response = await admin.post('/api/categories', { name: 'Leverancier', categoryGroup: 'partner', leadStatusEnabled: true });
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('LEAD_STATUS_NOT_ALLOWED_FOR_GROUP');
    });

    it('renames an item everywhere it is used', async () => {
      const company = await createCompany('Hernoem BV', 'Partner');
      const partner = categories.find((item) => item.nameNl === 'Partner')!;
      const renamed = await admin.patch(`/api/categories/${partner.id}`, { name: 'Samenwerkingspartner', version: partner.version });
      expect(renamed.statusCode).toBe(200);
      expect((await admin.get(`/api/companies/${company.id}`)).json().category.name).toBe('Samenwerkingspartner');
    });

    it('keeps a deleted category on its companies, marked deleted', async () => {
      const created = (await admin.post('/api/categories', { name: 'Beurscontact', categoryGroup: 'potentialCustomer', leadStatusEnabled: true })).json() as Item;
      const company = (await admin.post('/api/companies', { name: 'Beurs BV', categoryId: created.id })).json();
      await admin.delete(`/api/categories/${created.id}`);

      const shown = (await admin.get(`/api/companies/${company.id}`)).json();
      expect(shown.category).toMatchObject({ name: 'Beurscontact', deleted: true });
      const usage = (await admin.get(`/api/categories/${created.id}/usage`)).json();
      expect(usage).toEqual({ companies: 1, persons: 0 });
      const pick = await admin.post('/api/companies', { name: 'Nieuw Op Verwijderd BV', categoryId: created.id });
      expect(pick.statusCode).toBe(422);
      expect(pick.json().code).toBe('ITEM_DELETED');
    });

    it('reorders a list', async () => {
      const ids = statuses.map((item) => item.id).reverse();
      expect((await admin.post('/api/lead-statuses/reorder', { ids })).statusCode).toBe(204);
      const after = (await admin.get('/api/lead-statuses')).json().items as Item[];
      expect(after.slice(0, ids.length).map((item) => item.id)).toEqual(ids);
      await admin.post('/api/lead-statuses/reorder', { ids: [...ids].reverse() });
    });

    it('lets only administrators change lists', async () => {
      const user = await testApp.signIn({ role: 'user' });
      const response = await user.post('/api/lead-statuses', { name: 'Niet Toegestaan' });
      expect(response.statusCode).toBe(403);
      expect(response.json().code).toBe('FORBIDDEN');
      expect((await user.post('/api/users', { name: 'X', email: 'x@example.nl' })).statusCode).toBe(403);
    });
  });

  describe('persons', () => {
    it('answers 422 and keeps the retained value on a disabled status', async () => {
      const company = await createCompany('Bakkerij de Vries', 'Lead');
      const created = (await admin.post('/api/persons', { companyId: company.id, firstName: 'Jan', middleName: 'de', lastName: 'Vries' })).json();
      expect(created.leadStatus.name).toBe('Open');
      const qualified = (await admin.patch(`/api/persons/${created.id}`, { leadStatusId: statusNamed('Gekwalificeerd'), version: created.version })).json();
      const companyNow = (await admin.get(`/api/companies/${company.id}`)).json();
      await admin.patch(`/api/companies/${company.id}`, { categoryId: categoryNamed('Klant'), version: companyNow.version });

      const retained = (await admin.get(`/api/persons/${created.id}`)).json();
      expect(retained).toMatchObject({ leadStatusEnabled: false, leadStatusRetained: true, leadStatus: { name: 'Gekwalificeerd' } });
      const attempt = await admin.patch(`/api/persons/${created.id}`, { leadStatusId: statusNamed('Open'), version: retained.version });
      expect(attempt.statusCode).toBe(422);
      expect(attempt.json().code).toBe('LEAD_STATUS_NOT_ENABLED');
      expect(attempt.json().detail).toContain('"Klant"');
      expect((await admin.get(`/api/persons/${created.id}`)).json().leadStatusId).toBe(qualified.leadStatusId);
    });

    it('lists the lead status history newest first', async () => {
      const company = await createCompany('Historie API BV', 'Lead');
      const person = (await admin.post('/api/persons', { companyId: company.id, lastName: 'Hendriks' })).json();
      await admin.patch(`/api/persons/${person.id}`, { leadStatusId: statusNamed('Contact opnemen') }, { 'if-match': `"${person.version}"` });

      const history = (await admin.get(`/api/persons/${person.id}/lead-status-history`)).json().items;
      expect(history.map((entry: { to: { name: string } }) => entry.to.name)).toEqual(['Contact opnemen', 'Open']);
      expect(history[0].from.name).toBe('Open');
      expect(history[0].changedBy.name).toBe('Gebruiker 1');
    });

    it("pages through the lead status history of all the company's persons, newest first", async () => {
      const company = await createCompany('Historie Bedrijf BV', 'Lead');
      const other = await createCompany('Ander Bedrijf BV', 'Lead');
      const names = ['Aa', 'Bakker', 'Claes'];
      for (const lastName of names) {
        const person = (await admin.post('/api/persons', { companyId: company.id, lastName })).json();
        await admin.patch(`/api/persons/${person.id}`, { leadStatusId: statusNamed('Contact opnemen'), version: person.version });
      }
      await admin.post('/api/persons', { companyId: other.id, lastName: 'Elders' });

      const seen: Array<{ id: number; person: { fullName: string }; to: { name: string } }> = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor === null ? 'limit=4' : `limit=4&cursor=${encodeURIComponent(cursor)}`;
        const response = await admin.get(`/api/companies/${company.id}/lead-status-history?${query}`);
        expect(response.statusCode).toBe(200);
        const page = response.json();
        seen.push(...page.items);
        cursor = page.nextCursor;
        pages++;
      } while (cursor !== null);

      expect(pages).toBe(2);
      expect(seen).toHaveLength(6);
      expect(new Set(seen.map((entry) => entry.id)).size).toBe(6);
      expect(seen.map((entry) => [entry.person.fullName, entry.to.name])).toEqual([
        ['Claes', 'Contact opnemen'],
        ['Claes', 'Open'],
        ['Bakker', 'Contact opnemen'],
        ['Bakker', 'Open'],
        ['Aa', 'Contact opnemen'],
        ['Aa', 'Open'],
      ]);
      expect(seen.some((entry) => entry.person.fullName === 'Elders')).toBe(false);
    });

    it('refuses a company history cursor that was edited', async () => {
      const company = await createCompany('Cursor Historie BV', 'Lead');
      await admin.post('/api/persons', { companyId: company.id, lastName: 'Een' });
      await admin.post('/api/persons', { companyId: company.id, lastName: 'Twee' });
      const first = (await admin.get(`/api/companies/${company.id}/lead-status-history?limit=1`)).json();
      const edited = `${first.nextCursor.slice(0, -2)}xx`;
      const response = await admin.get(`/api/companies/${company.id}/lead-status-history?cursor=${encodeURIComponent(edited)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect((await admin.get('/api/companies/999999/lead-status-history')).statusCode).toBe(404);
      expect((await admin.get(`/api/companies/${company.id}/lead-status-history?limit=0`)).statusCode).toBe(400);
    });

    it('records a lead status change made on the board as such', async () => {
      const company = await createCompany('Bord BV', 'Lead');
      const person = (await admin.post('/api/persons', { companyId: company.id, lastName: 'Kaart' })).json();
      const moved = await admin.patch(`/api/persons/${person.id}?via=board`, { leadStatusId: statusNamed('Contact opnemen'), version: person.version });
      expect(moved.statusCode).toBe(200);
      const history = (await admin.get(`/api/persons/${person.id}/lead-status-history`)).json().items;
      expect(history[0].source).toBe('board');
      expect((await admin.patch(`/api/persons/${person.id}?via=import`, { lastName: 'X', version: moved.json().version })).statusCode).toBe(400);
    });

    it('previews what a category change does to persons', async () => {
      const company = await createCompany('Voorbeeld BV', 'Klant');
      await admin.post('/api/persons', { companyId: company.id, lastName: 'Een' });
      await admin.post('/api/persons', { companyId: company.id, lastName: 'Twee' });
      const preview = await admin.get(`/api/companies/${company.id}/category-change-preview?categoryId=${categoryNamed('Lead')}`);
      expect(preview.json()).toEqual({ startCycle: 2, keep: 0, retain: 0, none: 0 });
    });

    it('restores a deleted company with its persons', async () => {
      const company = await createCompany('Verwijder BV', 'Lead');
      const person = (await admin.post('/api/persons', { companyId: company.id, lastName: 'Weg' })).json();
      expect((await admin.delete(`/api/companies/${company.id}?version=${company.version}`)).statusCode).toBe(204);
      expect((await admin.get(`/api/persons/${person.id}`)).json().deletedAt).not.toBeNull();

      await admin.post(`/api/companies/${company.id}/restore`);
      expect((await admin.get(`/api/persons/${person.id}`)).json().deletedAt).toBeNull();
    });
  });

  describe('versions', () => {
    it('rejects a stale version field with 409', async () => {
      const company = await createCompany('Versie API BV', 'Lead');
      await admin.patch(`/api/companies/${company.id}`, { city: 'Utrecht', version: company.version });
      const stale = await admin.patch(`/api/companies/${company.id}`, { city: 'Zwolle', version: company.version });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('VERSION_CONFLICT');
      expect((await admin.get(`/api/companies/${company.id}`)).json().city).toBe('Utrecht');
    });

    it('rejects a stale If-Match with 412', async () => {
      const company = await createCompany('Etag BV', null);
      await admin.patch(`/api/companies/${company.id}`, { city: 'Delft' }, { 'if-match': `"${company.version}"` });
      const stale = await admin.patch(`/api/companies/${company.id}`, { city: 'Gouda' }, { 'if-match': `"${company.version}"` });
      expect(stale.statusCode).toBe(412);
    });

    it('keeps the version when a patch changes nothing', async () => {
      const company = await createCompany('Niets Nieuws BV', 'Lead');
      const unchangedCompany = await admin.patch(`/api/companies/${company.id}`, { version: company.version });
      expect(unchangedCompany.statusCode).toBe(200);
      expect(unchangedCompany.json().version).toBe(company.version);

      const person = (await admin.post('/api/persons', { lastName: 'Stil', companyId: company.id })).json();
      const unchangedPerson = await admin.patch(`/api/persons/${person.id}`, {}, { 'if-match': `"${person.version}"` });
      expect(unchangedPerson.statusCode).toBe(200);
      expect(unchangedPerson.json().version).toBe(person.version);

      // The version is still checked: a stale one is a conflict even when nothing would change.
      await admin.patch(`/api/persons/${person.id}`, { jobTitle: 'Inkoper', version: person.version });
      expect((await admin.patch(`/api/persons/${person.id}`, { version: person.version })).statusCode).toBe(409);
    });

    it('requires a version on updates', async () => {
      const company = await createCompany('Zonder Versie BV', null);
      const response = await admin.patch(`/api/companies/${company.id}`, { city: 'Ede' });
      expect(response.statusCode).toBe(428);
      expect(response.json().code).toBe('VERSION_REQUIRED');
    });
  });

  describe('bad input', () => {
    it('rejects malformed JSON with 400', async () => {
      const response = await admin.raw({ method: 'POST', url: '/api/companies', headers: { 'content-type': 'application/json' }, payload: '{"name": "Kapot' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
    });

    it('rejects unknown and wrongly typed fields', async () => {
      const unknown = await admin.post('/api/companies', { name: 'Onbekend Veld BV', favouriteColour: 'blauw' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().code).toBe('VALIDATION_FAILED');
      const wrongType = await admin.post('/api/persons', { lastName: 'Type', companyId: '12' });
      expect(wrongType.statusCode).toBe(400);
      expect(wrongType.json().fields[0].field).toBe('/companyId');
    });

    it('rejects over-long text', async () => {
      const response = await admin.post('/api/companies', { name: 'x'.repeat(201) });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields[0].field).toBe('/name');
    });

    it('rejects unknown ids', async () => {
      const missing = await admin.get('/api/persons/999999');
      expect(missing.statusCode).toBe(404);
      const reference = await admin.post('/api/persons', { lastName: 'Wees', companyId: 999999 });
      expect(reference.statusCode).toBe(422);
      expect(reference.json().code).toBe('REFERENCE_NOT_FOUND');
      const outOfRange = await admin.get('/api/persons/99999999999999999999');
      expect(outOfRange.statusCode).toBe(400);
      const notANumber = await admin.get('/api/persons/abc');
      expect(notANumber.statusCode).toBe(400);
    });

    it('names what is wrong with each field as a code', async () => {
      const response = await admin.post('/api/companies', { name: 'x'.repeat(201), phone: 'bel maar', website: 'geen site', colour: 'blauw' });
      expect(response.statusCode).toBe(400);
      const codes = Object.fromEntries(response.json().fields.map((field: { field: string; code: string }) => [field.field, field.code]));
      expect(codes).toMatchObject({ '/name': 'tooLong', '/phone': 'phone', '/website': 'website', '/colour': 'unknownField' });

      const missing = await admin.post('/api/persons', { firstName: 'Zonder' });
      expect(missing.json().fields).toContainEqual(expect.objectContaining({ field: '/lastName', code: 'required' }));
      const reference = await admin.post('/api/persons', { lastName: 'Wees', companyId: 999999 });
      expect(reference.json().fields).toEqual([expect.objectContaining({ field: '/companyId', code: 'unknownReference' })]);
    });

    it('accepts phone numbers and web addresses as people write them, and refuses others', async () => {
      for (const phone of ['020-123 45 67', '+31 (0)6 1234 5678', '0031 20 1234567', '06/12345678', '+32 2 555 12 12']) {
        expect((await admin.post('/api/companies', { name: `Telefoon ${phone}`, phone })).statusCode, phone).toBe(201);
      }
      for (const website of ['bakkerij.nl', 'www.bakkerij-de-vries.nl', 'https://www.bakkerij.nl/over-ons?taal=nl', 'http://café.example:8080']) {
        expect((await admin.post('/api/companies', { name: `Site ${website}`, website })).statusCode, website).toBe(201);
      }
      for (const phone of ['12345', 'bel maar', '020 123 45 67 of 06', '++31 20 1234567', '0'.repeat(18)]) {
        expect((await admin.post('/api/companies', { name: 'Fout Telefoon BV', phone })).statusCode, phone).toBe(400);
        expect((await admin.post('/api/persons', { lastName: 'Fout', mobile: phone })).statusCode, phone).toBe(400);
      }
      for (const website of ['bakkerij', 'www bakkerij nl', 'ftp://bakkerij.nl', 'https://', 'bakkerij.nl met spatie']) {
        expect((await admin.post('/api/companies', { name: 'Fout Site BV', website })).statusCode, website).toBe(400);
      }
      const cleared = (await admin.post('/api/companies', { name: 'Leeg BV', phone: null, website: null })).json();
      expect(cleared).toMatchObject({ phone: null, website: null });
    });

    it('stores emptied phone, email and website fields as no value', async () => {
      const company = (await admin.post('/api/companies', { name: 'Leeg Veld BV', phone: '020-123 45 67', website: 'leegveld.nl' })).json();
      const emptied = await admin.patch(`/api/companies/${company.id}`, { phone: '', website: '  ', version: company.version });
      expect(emptied.statusCode).toBe(200);
      expect(emptied.json()).toMatchObject({ phone: null, website: null });

      const person = await admin.post('/api/persons', { lastName: 'Leeg', email: '', phone: ' ', mobile: '' });
      expect(person.statusCode).toBe(201);
      expect(person.json()).toMatchObject({ email: null, phone: null, mobile: null });

      // Text that is not blank must still match the format.
      expect((await admin.post('/api/persons', { lastName: 'Leeg', email: 'geen adres' })).statusCode).toBe(400);
    });

    it('rejects ids and numbers written loosely', async () => {
      const company = await createCompany('Strikt BV', null);
      for (const id of ['1.5', `${company.id}.9`, `0${company.id}`, '1e0', '0x1', '%201']) {
        expect((await admin.get(`/api/companies/${id}`)).statusCode, id).toBe(400);
      }
      expect((await admin.patch(`/api/companies/${company.id}.9`, { name: 'Overschreven', version: company.version })).statusCode).toBe(400);
      expect((await admin.get(`/api/companies/${company.id}`)).json().name).toBe('Strikt BV');
      expect((await admin.get('/api/persons?limit=1.5')).statusCode).toBe(400);
      expect((await admin.get(`/api/companies/${company.id}/category-change-preview?categoryId=none`)).statusCode).toBe(200);
    });

    it('rejects a NUL character inside a filter of the query string', async () => {
      const filter = encodeURIComponent('[{"field":"lastName","operator":"contains","values":["a\\u0000b"]}]');
      for (const path of ['/api/persons', '/api/companies', '/api/persons/group-counts?by=leadStatus']) {
        const response = await admin.get(`${path}${path.includes('?') ? '&' : '?'}filter=${filter}`);
        expect(response.statusCode, path).toBe(400);
        expect(response.json().fields[0]).toMatchObject({ field: '/filter/0/values/0', code: 'invalid' });
      }
    });

    it('stores nothing of a rejected person', async () => {
      const before = await testApp.database.db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
      const customer = await createCompany('Klant Zonder Status BV', 'Klant');
      const response = await admin.post('/api/persons', { companyId: customer.id, lastName: 'Afgewezen', leadStatusId: statusNamed('Open') });
      expect(response.statusCode).toBe(422);
      const after = await testApp.database.db.selectFrom('persons').select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
      expect(Number(after.count)).toBe(Number(before.count));
    });
  });

  it('publishes an OpenAPI 3.1 document', async () => {
    const response = await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/persons/{id}');
  });
});

describe.each(testEngines)('list endpoints on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
  });
  afterAll(() => testApp.dispose());

  it('filters, counts and pages persons over HTTP', async () => {
    const categories = (await admin.get('/api/categories')).json().items as Item[];
    const lead = categories.find((item) => item.nameNl === 'Lead')!.id;
    const company = (await admin.post('/api/companies', { name: 'Lijst BV', categoryId: lead })).json();
    for (const lastName of ['Vries', 'Bakker', 'Jansen']) {
      await admin.post('/api/persons', { companyId: company.id, lastName, middleName: lastName === 'Vries' ? 'de' : null });
    }
    await admin.post('/api/persons', { lastName: 'Zonder Bedrijf' });

    const filter = encodeURIComponent(JSON.stringify([{ field: 'company', operator: 'isOneOf', values: [company.id] }]));
    const first = (await admin.get(`/api/persons?filter=${filter}&limit=2`)).json();
    expect(first.total).toBe(3);
    expect(first.items.map((person: { lastName: string }) => person.lastName)).toEqual(['Bakker', 'Jansen']);
    const second = (await admin.get(`/api/persons?filter=${filter}&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(second.items.map((person: { lastName: string }) => person.lastName)).toEqual(['Vries']);
    expect(second.nextCursor).toBeNull();

    const groups = (await admin.get('/api/persons/group-counts?by=leadStatus')).json();
    expect(groups.total).toBe(4);
    expect(groups.groups.map((group: { count: number }) => group.count).reduce((a: number, b: number) => a + b, 0)).toBe(4);
  });

  it('rejects hostile list parameters with 400', async () => {
    const cases = [
      '/api/persons?filter=not-json',
      `/api/persons?filter=${encodeURIComponent('[{"field":"lastName; drop table persons","operator":"equals","values":["x"]}]')}`,
      `/api/persons?filter=${encodeURIComponent('[{"field":"leadStatus","operator":"contains","values":[1]}]')}`,
      '/api/persons?sort=password_hash',
      '/api/persons?sort=lastName;drop',
      '/api/persons?limit=100000',
      '/api/persons?limit=abc',
      '/api/persons?cursor=garbage',
      '/api/persons?unknown=1',
      '/api/persons/group-counts?by=email',
      '/api/companies?sort=-nonsense',
    ];
    for (const url of cases) {
      const response = await admin.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
  });
});

describe.each(testEngines)('unstorable input on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
  });
  afterAll(() => testApp.dispose());

  it('rejects NUL characters and lone surrogates with 400', async () => {
    const bodies = ['{"name":"Nul\\u0000BV"}', '{"name":"Half\\ud800"}', '{"name":"Half\\udc00 BV"}', '{"name":"ok","city":"\\u0000"}'];
    for (const payload of bodies) {
      const response = await admin.raw({ method: 'POST', url: '/api/companies', headers: { 'content-type': 'application/json' }, payload });
      expect(response.statusCode, payload).toBe(400);
      expect(response.json().code, payload).toBe('VALIDATION_FAILED');
    }
    const login = await testApp.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":"a\\u0000b@example.nl","password":"x"}',
    });
    expect(login.statusCode).toBe(400);
    const filter = encodeURIComponent('[{"field":"lastName","operator":"equals","values":["a\u0000b"]}]');
    expect((await admin.get(`/api/persons?filter=${filter}`)).statusCode).toBe(400);
  });

  it('keeps emoji and accents intact', async () => {
    const response = await admin.post('/api/companies', { name: 'Café Ĳssel 🍰 BV' });
    expect(response.statusCode).toBe(201);
    expect(response.json().name).toBe('Café Ĳssel 🍰 BV');
  });

  it('explains a wrongly typed nullable field', async () => {
    const response = await admin.post('/api/persons', { lastName: 'Type', companyId: 'abc' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].message).toBe('must be a whole number from 1 to 2147483647 or null');
    const language = await admin.patch('/api/auth/me', { language: 'de' });
    expect(language.json().fields[0].message).toBe('must be one of "nl", "en"');
  });

  it('rejects an If-Match that contradicts the version field', async () => {
    const company = (await admin.post('/api/companies', { name: 'Tegenstrijdig BV' })).json();
    const response = await admin.patch(`/api/companies/${company.id}`, { city: 'Assen', version: company.version + 2 }, { 'if-match': `"${company.version}"` });
    expect(response.statusCode).toBe(400);
  });

  it('names OpenAPI schemas after their ids', async () => {
    const document = (await testApp.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Person', 'Company', 'Problem']));
  });
});

describe.each(testEngines)('list totals on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
  });
  afterAll(() => testApp.dispose());

  it('skips the total when asked', async () => {
    for (const lastName of ['Aap', 'Noot', 'Mies']) await admin.post('/api/persons', { lastName });

    const first = (await admin.get('/api/persons?limit=2')).json();
    expect(first.total).toBe(3);
    const next = (await admin.get(`/api/persons?limit=2&includeTotal=false&cursor=${encodeURIComponent(first.nextCursor)}`)).json();
    expect(next.total).toBeNull();
    expect(next.items).toHaveLength(1);
  });
});
