import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

interface Entry {
  id: number;
  at: string;
  user: { id: number; name: string } | null;
  entity: string;
  entityId: number;
  action: string;
  changes: Record<string, unknown>;
}

describe.each(testEngines)('audit log API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let colleague: TestClient;
  let colleagueId: number;

  async function entries(query: string): Promise<Entry[]> {
    const response = await admin.get(`/api/audit-log?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json().items;
  }

  beforeAll(async () => {
    testApp = await createTestApp(engine);
    admin = await testApp.signIn();
    colleague = await testApp.signIn({ role: 'user' });
    colleagueId = (await colleague.get('/api/auth/me')).json().user.id;
  });
  afterAll(() => testApp.dispose());

  it('is for administrators only', async () => {
    const response = await colleague.get('/api/audit-log');

    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('FORBIDDEN');
  });

  it('lists changes newest first with who made them', async () => {
    const company = (await colleague.post('/api/companies', { name: 'Logboek BV' })).json();
    await colleague.patch(`/api/companies/${company.id}`, { city: 'Utrecht', version: company.version });

    const items = await entries(`entity=company&entityId=${company.id}`);

    expect(items.map((item) => item.action)).toEqual(['update', 'create']);
    expect(items[0]).toMatchObject({ entity: 'company', entityId: company.id, user: { id: colleagueId, name: 'Gebruiker 2' }, changes: { city: 'Utrecht' } });
    expect(items[0]!.id).toBeGreaterThan(items[1]!.id);
    expect(Date.parse(items[0]!.at)).not.toBeNaN();
  });

  it('filters by user, action and time', async () => {
    const before = new Date(Date.now() - 1000).toISOString();
    await colleague.post('/api/companies', { name: 'Filter BV' });

    const byColleague = await entries(`userId=${colleagueId}&action=create&from=${encodeURIComponent(before)}`);
    const future = await entries(`from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`);
    const past = await entries(`to=${encodeURIComponent('2000-01-01T00:00:00Z')}`);

    expect(byColleague.length).toBeGreaterThan(0);
    expect(byColleague.every((item) => item.user?.id === colleagueId && item.action === 'create')).toBe(true);
    expect(byColleague.some((item) => item.changes.name === 'Filter BV')).toBe(true);
    expect(future).toEqual([]);
    expect(past).toEqual([]);
  });

  it('pages with a cursor without gaps or repeats', async () => {
    for (let index = 0; index < 5; index++) await admin.post('/api/companies', { name: `Pagina ${index} BV` });
    const all = await entries('limit=500');

    const paged: Entry[] = [];
    let cursor: string | null = null;
    do {
      const response = await admin.get(`/api/audit-log?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`);
      const page: { items: Entry[]; nextCursor: string | null } = response.json();
      paged.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);

    expect(paged.map((item) => item.id)).toEqual(all.map((item) => item.id));
    expect((await admin.get('/api/audit-log?cursor=abc')).statusCode).toBe(400);
  });

  it('records list item, user and API token changes', async () => {
    const category = (await admin.post('/api/categories', { nameNl: 'Gelogde categorie', categoryGroup: 'other' })).json();
    await admin.delete(`/api/categories/${category.id}`);
    const user = (await admin.post('/api/users', { name: 'Nieuwe Collega', email: 'nieuw@example.nl', password: 'lang genoeg wachtwoord', role: 'user', language: 'nl' })).json();
    await admin.patch(`/api/users/${user.id}`, { password: 'nog een lang wachtwoord', version: user.version });
    const token = (await admin.post('/api/auth/tokens', { name: 'Script' })).json();
    await admin.delete(`/api/auth/tokens/${token.id}`);

    expect((await entries(`entity=category&entityId=${category.id}`)).map((item) => item.action)).toEqual(['delete', 'create']);
    const userEntries = await entries(`entity=user&entityId=${user.id}`);
    expect(userEntries.map((item) => item.action)).toEqual(['update', 'create']);
    expect(userEntries[0]!.changes).toEqual({ password: '(changed)' });
    expect(JSON.stringify(userEntries)).not.toContain('lang genoeg wachtwoord');
    expect((await entries(`entity=apiToken&entityId=${token.id}`)).map((item) => item.action)).toEqual(['revoke', 'create']);
  });

  it('rejects unknown filters', async () => {
    const response = await admin.get('/api/audit-log?who=1');

    expect(response.statusCode).toBe(400);
  });
});
