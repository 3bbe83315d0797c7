import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestApp, type TestClient, createTestApp } from '../support/app.js';
import { testEngines } from '../support/databases.js';

type Criteria = unknown[][];

interface Item {
  id: number;
  nameNl: string | null;
}

/** Monday 30 March 2026, 00:05 in Amsterdam (CEST, the day after clocks went forward). */
const NOW = new Date('2026-03-29T22:05:00Z');
const DAY_MS = 86_400_000;
/** The first quarter of 2026 in Amsterdam, as UTC instants. */
const QUARTER = { start: new Date('2025-12-31T23:00:00Z'), end: new Date('2026-03-31T22:00:00Z') };

const leads = [{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }];

function tile(fields: Record<string, unknown>) {
  return { id: 't', type: 'bigNumber', title: 'Tegel', entity: 'person', criteria: [leads], measure: 'count', by: null, period: null, layout: { x: 0, y: 0, w: 4, h: 2 }, ...fields };
}

describe.each(testEngines)('dashboards API on %s', (engine) => {
  let testApp: TestApp;
  let admin: TestClient;
  let colleague: TestClient;
  let statuses: Item[];
  let categories: Item[];
  const person: Record<string, number> = {};

  const statusNamed = (name: string) => statuses.find((item) => item.nameNl === name)!.id;
  const categoryNamed = (name: string) => categories.find((item) => item.nameNl === name)!.id;

  async function tileData(body: Record<string, unknown>) {
    const response = await admin.post('/api/dashboards/tile-data', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  /** Reads the status history of the leads: persons of potential-customer companies. */
  async function leadHistory() {
    return sql<{ id: number; person_id: number; to_status_id: number | null; changed_at: Date }>`
      select h.id, h.person_id, h.to_status_id, h.changed_at from lead_status_changes h
      join persons p on p.id = h.person_id join companies c on c.id = p.company_id join categories cat on cat.id = c.category_id
      where cat.category_group = 'potentialCustomer' and p.deleted_at is null`.execute(testApp.database.db);
  }

  async function personsMatching(criteria: Criteria) {
    const response = await admin.get(`/api/persons?limit=500&filter=${encodeURIComponent(JSON.stringify(criteria))}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { total: number; items: Array<{ id: number; daysInStatus: number | null }> };
  }

  /** Replaces a person's history with changes at the given times and sets the registration time. */
  async function setHistory(personId: number, registeredAt: string, changes: Array<[string | null, string]>) {
    const db = testApp.database.db;
    await sql`delete from lead_status_changes where person_id = ${personId}`.execute(db);
    let from: number | null = null;
    for (const [statusName, at] of changes) {
      const to = statusName === null ? null : statusNamed(statusName);
      await sql`insert into lead_status_changes (person_id, from_status_id, to_status_id, changed_at, source)
        values (${personId}, ${from}, ${to}, cast(${at} as timestamptz), 'edit')`.execute(db);
      from = to;
    }
    const last = changes.at(-1)![1];
    await sql`update persons set registered_at = cast(${registeredAt} as timestamptz), lead_status_changed_at = cast(${last} as timestamptz)
      where id = ${personId}`.execute(db);
  }

  async function makePerson(lastName: string, companyId: number, fields: Record<string, unknown>, statusNames: string[]) {
    let created = (await admin.post('/api/persons', { companyId, lastName, ...fields })).json();
    for (const name of statusNames) {
      created = (await admin.patch(`/api/persons/${created.id}`, { leadStatusId: statusNamed(name), version: created.version })).json();
    }
    person[lastName] = created.id;
    return created.id as number;
  }

  beforeAll(async () => {
    testApp = await createTestApp(engine, { clock: () => NOW });
    admin = await testApp.signIn();
    colleague = await testApp.signIn({ role: 'user' });
    statuses = (await admin.get('/api/lead-statuses')).json().items;
    categories = (await admin.get('/api/categories')).json().items;
    const adminId = (await admin.get('/api/auth/me')).json().user.id;

    const leadCompany = (await admin.post('/api/companies', { name: 'Lead BV', categoryId: categoryNamed('Lead') })).json().id;
    const mqlCompany = (await admin.post('/api/companies', { name: 'MQL BV', categoryId: categoryNamed('Marketinggekwalificeerde lead (MQL)') })).json().id;
    const customer = (await admin.post('/api/companies', { name: 'Klant BV', categoryId: categoryNamed('Klant') })).json().id;

    const aalders = await makePerson('Aalders', leadCompany, { leadSource: 'Google', ownerId: adminId }, ['Contact opnemen', 'Gekwalificeerd']);
    await setHistory(aalders, '2026-03-10T09:00:00Z', [['Open', '2026-03-10T09:00:00Z'], ['Contact opnemen', '2026-03-15T09:00:00Z'], ['Gekwalificeerd', '2026-03-20T10:00:00Z']]);
    const bakker = await makePerson('Bakker', leadCompany, { leadSource: 'google', ownerId: adminId }, ['Contact opnemen']);
    // 00:01 on Monday in Amsterdam: this week.
    await setHistory(bakker, '2026-02-10T09:00:00Z', [['Open', '2026-02-10T09:00:00Z'], ['Contact opnemen', '2026-03-29T22:01:00Z']]);
    const claes = await makePerson('Claes', mqlCompany, {}, []);
    // 23:30 on Sunday in Amsterdam: last week, though the same UTC week and date as Bakker's change.
    await setHistory(claes, '2026-03-29T21:30:00Z', [['Open', '2026-03-29T21:30:00Z']]);
    const dijk = await makePerson('Dijk', leadCompany, { leadSource: 'Beurs' }, ['Gediskwalificeerd']);
    await setHistory(dijk, '2025-11-01T09:00:00Z', [['Open', '2025-11-01T09:00:00Z'], ['Gediskwalificeerd', '2026-01-05T10:00:00Z']]);
    const eems = await makePerson('Eems', customer, { leadSource: 'Google' }, []);
    await sql`update persons set registered_at = cast('2026-01-20T09:00:00Z' as timestamptz) where id = ${eems}`.execute(testApp.database.db);

    await sql`insert into sales (title, company_id, status, sale_date) values ('Licenties', ${leadCompany}, 'sold', cast('2026-03-25' as date)),
      ('Oude deal', ${mqlCompany}, 'sold', cast('2025-06-01' as date))`.execute(testApp.database.db);
  });
  afterAll(() => testApp.dispose());

  describe('default Leads dashboard', () => {
    it('exists shared on a new database with its tiles', async () => {
      const list = (await admin.get('/api/dashboards')).json().items;
      const leadsDashboard = list.find((item: { isDefault: boolean }) => item.isDefault);
      expect(leadsDashboard).toMatchObject({ name: 'Leads', shared: true, editable: true, owner: null });
      expect((await colleague.get('/api/dashboards')).json().items.map((item: { id: number }) => item.id)).toContain(leadsDashboard.id);

      const dashboard = (await admin.get(`/api/dashboards/${leadsDashboard.id}`)).json();
      expect(dashboard.tiles.map((item: { type: string }) => item.type)).toEqual(['column', 'funnel', 'bigNumber', 'pie', 'bar', 'bar', 'list']);
      expect(dashboard.tiles.map((item: { by: string | null }) => item.by)).toEqual(['leadStatus', null, null, 'category', 'leadStatus', 'leadSource', null]);
    });

    it('returns data for every tile', async () => {
      const id = (await admin.get('/api/dashboards')).json().items[0].id;
      const dashboard = (await admin.get(`/api/dashboards/${id}`)).json();
      for (const item of dashboard.tiles) {
        const response = await admin.post('/api/dashboards/tile-data', { tile: item });
        expect(response.statusCode, `${item.id}: ${response.body}`).toBe(200);
        expect(response.json().type).toBe(item.type);
      }
      const newLeads = (await tileData({ tile: dashboard.tiles[2] })) as { value: number; previous: number };
      // March: Aalders, Claes; February: Bakker.
      expect(newLeads).toMatchObject({ value: 2, previous: 1 });
      const longestWaiting = (await tileData({ tile: dashboard.tiles[6] })).rows.map((row: { name: string }) => row.name);
      expect(longestWaiting).toEqual(['Claes']);
    });
  });

  it('documents the dashboard routes in OpenAPI', async () => {
    const document = (await admin.get('/api/openapi.json')).json();
    expect(document.paths['/api/dashboards/tile-data'].post.tags).toEqual(['dashboards']);
    expect(document.paths['/api/persons/{id}/status-timeline'].get.tags).toEqual(['persons']);
    expect(Object.keys(document.components.schemas)).toContain('Tile');
  });

  describe('dashboard permissions', () => {
    it('creates, reads, changes and deletes an own dashboard', async () => {
      const created = await colleague.post('/api/dashboards', { name: 'Mijn leads', tiles: [tile({ id: 'a' })] });
      expect(created.statusCode, created.body).toBe(201);
      const dashboard = created.json();
      expect(dashboard).toMatchObject({ name: 'Mijn leads', shared: false, editable: true, isDefault: false, version: 1 });
      expect(dashboard.tiles).toHaveLength(1);

      const renamed = await colleague.patch(`/api/dashboards/${dashboard.id}`, { name: 'Leads van mij', version: 1 });
      expect(renamed.statusCode, renamed.body).toBe(200);
      expect(renamed.json()).toMatchObject({ name: 'Leads van mij', version: 2 });
      expect((await colleague.patch(`/api/dashboards/${dashboard.id}`, { name: 'Oud', version: 1 })).statusCode).toBe(409);

      expect((await colleague.delete(`/api/dashboards/${dashboard.id}?version=2`)).statusCode).toBe(204);
      expect((await colleague.get(`/api/dashboards/${dashboard.id}`)).statusCode).toBe(404);
    });

    it('hides a private dashboard from other users', async () => {
      const own = (await colleague.post('/api/dashboards', { name: 'Privé' })).json();
      expect((await admin.get(`/api/dashboards/${own.id}`)).statusCode).toBe(404);
      expect((await admin.patch(`/api/dashboards/${own.id}`, { name: 'Van mij', version: own.version })).statusCode).toBe(404);
      expect((await admin.delete(`/api/dashboards/${own.id}?version=${own.version}`)).statusCode).toBe(404);
      expect((await admin.get('/api/dashboards')).json().items.map((item: { id: number }) => item.id)).not.toContain(own.id);
    });

    it('lets only administrators share and change shared dashboards', async () => {
      const own = (await colleague.post('/api/dashboards', { name: 'Delen?' })).json();
      const refused = await colleague.patch(`/api/dashboards/${own.id}`, { shared: true, version: own.version });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');

      const shared = (await admin.post('/api/dashboards', { name: 'Voor iedereen' })).json();
      const sharing = await admin.patch(`/api/dashboards/${shared.id}`, { shared: true, version: shared.version });
      expect(sharing.statusCode, sharing.body).toBe(200);
      const seen = (await colleague.get(`/api/dashboards/${shared.id}`)).json();
      expect(seen).toMatchObject({ shared: true, editable: false });
      const change = await colleague.patch(`/api/dashboards/${shared.id}`, { name: 'Overgenomen', version: seen.version });
      expect(change.statusCode).toBe(403);
      expect((await colleague.delete(`/api/dashboards/${shared.id}?version=${seen.version}`)).statusCode).toBe(403);
    });
  });

  describe('tile validation', () => {
    it('names the path of an invalid criterion value', async () => {
      const badCriteria = [[leads[0], { field: 'leadStatus', operator: 'isOneOf', values: ['Open'] }]];
      const tiles = [tile({ id: 'a' }), tile({ id: 'b' }), tile({ id: 'c', criteria: badCriteria })];
      const response = await admin.post('/api/dashboards', { name: 'Fout', tiles });
      expect(response.statusCode).toBe(400);
      expect(response.json().code).toBe('VALIDATION_FAILED');
      expect(response.json().fields.map((field: { field: string }) => field.field)).toContain('/tiles/2/criteria/0/1/values/0');
    });

    it('rejects an unknown field, a wrong operator count and a text by field of companies', async () => {
      const tiles = [
        tile({ id: 'a', criteria: [[{ field: 'shoeSize', operator: 'equals', values: [1] }]] }),
        tile({ id: 'b', criteria: [[{ field: 'registeredAt', operator: 'between', values: ['2026-01-01'] }]] }),
        tile({ id: 'c', type: 'pie', by: 'lastName' }),
        tile({ id: 'd', type: 'pie', entity: 'company', criteria: [], by: 'leadSource' }),
        tile({ id: 'e', type: 'bar', by: null }),
      ];
      const fields = (await admin.post('/api/dashboards', { name: 'Fout', tiles })).json().fields.map((field: { field: string }) => field.field);
      expect(fields).toEqual(['/tiles/0/criteria/0/0/field', '/tiles/1/criteria/0/0/values', '/tiles/2/by', '/tiles/3/by', '/tiles/4/by']);
    });

    it('rejects invalid measures, periods and tile shapes', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ entity: 'company', criteria: [], measure: 'avgDaysInStatus' }, '/tiles/0/measure'],
        [{ type: 'line' }, '/tiles/0/period'],
        [{ period: { field: 'registeredAt', range: 'lastNDays' } }, '/tiles/0/period/days'],
        [{ period: { field: 'registeredAt', range: 'thisWeek', days: 3 } }, '/tiles/0/period/days'],
        [{ period: { field: 'birthday', range: 'thisWeek' } }, '/tiles/0/period/field'],
        [{ entity: 'company', criteria: [], period: { field: 'leadStatusChangedAt', range: 'thisWeek' } }, '/tiles/0/period/field'],
        [{ type: 'donut' }, '/tiles/0/type'],
        [{ type: 'funnel', entity: 'company', criteria: [] }, '/tiles/0/entity'],
      ];
      for (const [fields, path] of cases) {
        const response = await admin.post('/api/dashboards', { name: 'Fout', tiles: [tile(fields)] });
        expect(response.statusCode, JSON.stringify(fields)).toBe(400);
        expect(response.json().fields.map((field: { field: string }) => field.field), JSON.stringify(fields)).toContain(path);
      }
    });

    it('accepts at most 50 tiles with unique ids', async () => {
      const many = Array.from({ length: 51 }, (_, index) => tile({ id: `t${index}` }));
      expect((await admin.post('/api/dashboards', { name: 'Vol', tiles: many })).statusCode).toBe(400);
      expect((await admin.post('/api/dashboards', { name: 'Vol', tiles: many.slice(0, 50) })).statusCode).toBe(201);
      const twice = await admin.post('/api/dashboards', { name: 'Dubbel', tiles: [tile({ id: 'x' }), tile({ id: 'x' })] });
      expect(twice.json().fields[0].field).toBe('/tiles/1/id');
    });

    it('names the invalid part of a tile period', async () => {
      for (const days of ['x', 0, 1e12]) {
        const response = await admin.post('/api/dashboards/tile-data', { tile: tile({ period: { field: 'registeredAt', range: 'lastNDays', days } }) });
        expect(response.statusCode, String(days)).toBe(400);
        expect(response.json().fields.map((field: { field: string }) => field.field), String(days)).toEqual(['/tile/period/days']);
      }
    });

    it('names the path of an invalid tile in tile-data', async () => {
      const response = await admin.post('/api/dashboards/tile-data', { tile: tile({ criteria: [[{ field: 'leadStatus', operator: 'isOneOf' }]] }) });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields[0].field).toBe('/tile/criteria/0/0/values');
    });
  });

  describe('drill-down agreement', () => {
    it('counts a big number and its previous period as its criteria list', async () => {
      const data = await tileData({ tile: tile({ period: { field: 'registeredAt', range: 'thisMonth' } }) });
      expect(data.value).toBe(2);
      expect((await personsMatching(data.criteria)).total).toBe(data.value);
      expect(data.previous).toBe(1);
    });

    it('counts every group of leads by status, the no-status group included', async () => {
      await admin.post('/api/persons', { lastName: 'Zonder', companyId: null });
      const data = await tileData({ tile: tile({ type: 'pie', by: 'leadStatus', criteria: [] }) });
      const names = data.groups.map((group: { key: { label: string | null } }) => group.key.label);
      expect(names).toEqual(['Open', 'Contact opnemen', 'Gediskwalificeerd', 'Gekwalificeerd', null]);
      for (const group of data.groups) {
        expect((await personsMatching(group.criteria)).total, String(group.key.label)).toBe(group.value);
      }
      expect(data.groups.at(-1).value).toBeGreaterThanOrEqual(2);
    });

    it('groups lead sources by folded text with an empty group last', async () => {
      const data = await tileData({ tile: tile({ type: 'bar', by: 'leadSource' }) });
      expect(data.groups.map((group: { value: number }) => group.value)).toEqual([2, 1, 1]);
      expect(data.groups.at(-1).key.value).toBeNull();
      for (const group of data.groups) {
        expect((await personsMatching(group.criteria)).total, String(group.key.label)).toBe(group.value);
      }
    });

    it('agrees between counts and persons', async () => {
      // A line on a field the counts do not keep makes the tile read the persons themselves.
      const everyPerson = [[...leads, { field: 'lastName', operator: 'isNotEmpty', values: [] }]];
      for (const fields of [
        { type: 'bar', by: 'leadSource' },
        { type: 'bar', by: 'leadStatus', measure: 'avgDaysInStatus' },
        { type: 'bigNumber', measure: 'avgDaysInStatus' },
      ]) {
        const counted = await tileData({ tile: tile(fields) });
        const read = await tileData({ tile: tile({ ...fields, criteria: everyPerson }) });
        const values = (data: { value?: number; groups?: Array<{ key: { label: string | null }; value: number }> }) =>
          data.groups?.map((group) => `${group.key.label}:${group.value}`) ?? [String(data.value)];
        expect(values(counted), JSON.stringify(fields)).toEqual(values(read));
        expect(values(counted).length).toBeGreaterThan(0);
      }
    });

    it('counts groups by owner with the dashboard owner filter', async () => {
      const data = await tileData({ tile: tile({ type: 'column', by: 'owner' }), ownerId: 'currentUser' });
      expect(data.groups).toHaveLength(1);
      expect(data.groups[0].value).toBe(2);
      expect((await personsMatching(data.groups[0].criteria)).total).toBe(2);
    });

    it('counts companies per category as their list does', async () => {
      await admin.post('/api/companies', { name: 'Zonder categorie BV', categoryId: null });
      const data = await tileData({ tile: tile({ type: 'pie', entity: 'company', criteria: [], by: 'category' }) });
      expect(data.groups.at(-1).key.value).toBeNull();
      for (const group of data.groups) {
        const filter = encodeURIComponent(JSON.stringify(group.criteria));
        const listed = (await admin.get(`/api/companies?limit=500&filter=${filter}`)).json();
        expect(listed.total, String(group.key.label)).toBe(group.value);
      }
    });

    it('lists rows and a total that the criteria agree with', async () => {
      const data = await tileData({ tile: tile({ type: 'list', sort: '-daysInStatus', limit: 2 }) });
      expect(data.total).toBe(4);
      expect(data.rows.map((row: { name: string }) => row.name)).toEqual(['Dijk', 'Aalders']);
      expect(data.rows[0]).toMatchObject({ company: 'Lead BV', leadStatus: 'Gediskwalificeerd', owner: null, daysInStatus: 83 });
      expect((await personsMatching(data.criteria)).total).toBe(data.total);
    });

    it('splits a quarter into weekly line buckets that agree with their lists', async () => {
      const data = await tileData({ tile: tile({ type: 'line', criteria: [], period: { field: 'leadStatusChangedAt', range: 'thisQuarter' } }) });
      const starts = data.buckets.map((bucket: { start: string }) => bucket.start);
      expect(starts).toHaveLength(14);
      expect(starts.slice(0, 3)).toEqual(['2026-01-01', '2026-01-05', '2026-01-12']);
      expect(starts.slice(-3)).toEqual(['2026-03-16', '2026-03-23', '2026-03-30']);
      // Dijk on 5 January; Aalders on 20 March; Claes on Sunday 29 March; Bakker on Monday 30 March.
      expect(data.buckets.map((bucket: { value: number }) => bucket.value)).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
      for (const bucket of data.buckets) {
        expect((await personsMatching(bucket.criteria)).total, bucket.start).toBe(bucket.value);
      }
    });

    it('splits a month into days and a year into months, empty after today', async () => {
      const month = await tileData({ tile: tile({ type: 'line', period: { field: 'registeredAt', range: 'thisMonth' } }) });
      expect(month.buckets).toHaveLength(31);
      const year = await tileData({ tile: tile({ type: 'line', period: { field: 'registeredAt', range: 'thisYear' } }) });
      expect(year.buckets.map((bucket: { start: string }) => bucket.start).slice(0, 3)).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
      // The clock is at 30 March, so April and later have no value yet.
      expect(year.buckets.map((bucket: { value: number | null }) => bucket.value)).toEqual([0, 1, 2, ...Array(9).fill(null)]);
      for (const bucket of year.buckets.slice(0, 3)) {
        expect((await personsMatching(bucket.criteria)).total, bucket.start).toBe(bucket.value);
      }
      expect(month.buckets.at(-2).value).not.toBeNull();
      expect(month.buckets.at(-1).value).toBeNull();
    });

    it('splits a week into daily buckets', async () => {
      const data = await tileData({ tile: tile({ type: 'line', period: { field: 'registeredAt', range: 'lastNDays', days: 7 } }) });
      expect(data.buckets).toHaveLength(7);
      expect(data.buckets.at(-1).start).toBe('2026-03-30');
    });
  });

  describe('time in status', () => {
    it('averages the exact time in status per status as computed from the persons', async () => {
      const data = await tileData({ tile: tile({ type: 'bar', by: 'leadStatus', measure: 'avgDaysInStatus' }) });
      // The time in status starts at each lead's newest history record.
      const rows = await sql<{ lead_status_id: number; lead_status_changed_at: Date }>`
        select p.lead_status_id, last_change.changed_at as lead_status_changed_at
        from persons p join companies c on c.id = p.company_id
        join categories cat on cat.id = c.category_id
        join lateral (
          select h.changed_at from lead_status_changes h where h.person_id = p.id order by h.changed_at desc, h.id desc limit 1
        ) as last_change on true
        where cat.category_group = 'potentialCustomer' and p.deleted_at is null`.execute(testApp.database.db);
      const expected = new Map<number, number[]>();
      for (const row of rows.rows) {
        const days = (NOW.getTime() - new Date(row.lead_status_changed_at).getTime()) / DAY_MS;
        expected.set(row.lead_status_id, [...(expected.get(row.lead_status_id) ?? []), days]);
      }
      for (const group of data.groups) {
        const days = expected.get(group.key.value)!;
        expect(group.value, group.key.label).toBeCloseTo(days.reduce((sum, value) => sum + value, 0) / days.length, 1);
        const listed = await personsMatching(group.criteria);
        expect(listed.total).toBe(days.length);
        // The list shows whole days.
        expect(listed.items.map((item) => item.daysInStatus).sort()).toEqual(days.map(Math.floor).sort());
      }
      expect(data.groups.map((group: { value: number }) => group.value)).toEqual([0, 0, 83.5, 9.5]);
    });

    it('gives the maximum and minimum days of all leads', async () => {
      const max = await tileData({ tile: tile({ measure: 'maxDaysInStatus' }) });
      const min = await tileData({ tile: tile({ measure: 'minDaysInStatus' }) });
      expect([max.value, min.value]).toEqual([83, 0]);
    });

    it('counts the funnel as computed from the history rows', async () => {
      const data = await tileData({ tile: tile({ type: 'funnel', period: { field: 'leadStatusChangedAt', range: 'thisQuarter' } }) });
      const history = await leadHistory();
      const reached = (statusName: string) =>
        new Set(
          history.rows
            .filter((row) => row.to_status_id === statusNamed(statusName))
            .filter((row) => new Date(row.changed_at) >= QUARTER.start && new Date(row.changed_at) < QUARTER.end)
            .map((row) => row.person_id),
        ).size;

      expect(data.steps.map((step: { key: { name: string } }) => step.key.name)).toEqual(['Open', 'Contact opnemen', 'Gekwalificeerd', 'Verkocht']);
      expect(data.steps.slice(0, 3).map((step: { reached: number }) => step.reached)).toEqual([
        reached('Open'),
        reached('Contact opnemen'),
        reached('Gekwalificeerd'),
      ]);
      expect(data.steps.map((step: { reached: number }) => step.reached)).toEqual([3, 2, 1, 3]);
      expect(data.conversions).toEqual([0.6667, 0.5, 3]);
      for (const step of data.steps) {
        expect((await personsMatching(step.criteria)).total, step.key.name).toBe(step.reached);
      }
    });

    it('converts from one status to another as computed from the history rows', async () => {
      const open = statusNamed('Open');
      const steps = [open, statusNamed('Contact opnemen')];
      const data = await tileData({ tile: tile({ type: 'conversion', steps, period: { field: 'leadStatusChangedAt', range: 'thisQuarter' } }) });
      const history = await leadHistory();
      const reachedInQuarter = (statusName: string) =>
        new Set(
          history.rows
            .filter((row) => row.to_status_id === statusNamed(statusName))
            .filter((row) => new Date(row.changed_at) >= QUARTER.start && new Date(row.changed_at) < QUARTER.end)
            .map((row) => row.person_id),
        );
      const opened = reachedInQuarter('Open');
      const contacted = [...reachedInQuarter('Contact opnemen')].filter((id) => opened.has(id));

      expect([data.from.key.name, data.to.key.name]).toEqual(['Open', 'Contact opnemen']);
      expect([data.from.reached, data.to.reached]).toEqual([opened.size, contacted.length]);
      // Aalders, Bakker and Claes became Open this quarter; Claes has not been contacted.
      expect([data.from.reached, data.to.reached, data.rate]).toEqual([3, 2, 0.6667]);
      expect((await personsMatching(data.from.criteria)).total).toBe(data.from.reached);
      const converted = await personsMatching(data.to.criteria);
      expect(converted.items.map((item) => item.id).sort()).toEqual([person.Aalders, person.Bakker].sort());

      // Dijk was disqualified this quarter but became Open before it, so he is not converted.
      const disqualified = await tileData({
        tile: tile({ type: 'conversion', steps: [open, statusNamed('Gediskwalificeerd')], period: { field: 'leadStatusChangedAt', range: 'thisQuarter' } }),
      });
      expect([disqualified.from.reached, disqualified.to.reached, disqualified.rate]).toEqual([3, 0, 0]);
    });

    it('averages the time spent per status as computed from the history rows', async () => {
      const history = await leadHistory();
      const rows = history.rows
        .map((row) => ({ ...row, at: new Date(row.changed_at).getTime() }))
        .sort((a, b) => a.person_id - b.person_id || a.at - b.at || a.id - b.id);

      for (const period of [{ field: 'leadStatusChangedAt', range: 'thisQuarter' }, null]) {
        const data = await tileData({ tile: tile({ type: 'timeInStatus', period }) });
        const inPeriod = (at: number) => period === null || (at >= QUARTER.start.getTime() && at < QUARTER.end.getTime());
        const stays = new Map<number, { days: number[]; persons: Set<number> }>();
        rows.forEach((row, index) => {
          if (row.to_status_id === null || !inPeriod(row.at)) return;
          const next = rows[index + 1];
          const end = next !== undefined && next.person_id === row.person_id ? next.at : NOW.getTime();
          const entry = stays.get(row.to_status_id) ?? { days: [], persons: new Set<number>() };
          entry.days.push(Math.max(0, end - row.at) / DAY_MS);
          entry.persons.add(row.person_id);
          stays.set(row.to_status_id, entry);
        });

        const label = period === null ? 'all time' : 'this quarter';
        expect(data.groups.map((group: { key: { value: number } }) => group.key.value).sort(), label).toEqual([...stays.keys()].sort());
        for (const group of data.groups) {
          const expected = stays.get(group.key.value)!;
          expect(group.value, `${label}: ${group.key.label}`).toBeCloseTo(expected.days.reduce((sum, days) => sum + days, 0) / expected.days.length, 1);
          expect(group.stays, `${label}: ${group.key.label}`).toBe(expected.days.length);
          expect((await personsMatching(group.criteria)).total, `${label}: ${group.key.label}`).toBe(expected.persons.size);
        }
      }
    });

    it('asks a conversion tile for two different lead statuses of persons', async () => {
      const open = statusNamed('Open');
      for (const [fields, path] of [
        [{ steps: undefined }, '/tile/steps'],
        [{ steps: [open, open] }, '/tile/steps'],
        [{ steps: [open] }, '/tile/steps'],
        [{ steps: [open, statusNamed('Gekwalificeerd')], entity: 'company', criteria: [] }, '/tile/entity'],
      ] as const) {
        const response = await admin.post('/api/dashboards/tile-data', { tile: tile({ type: 'conversion', ...fields }) });
        expect(response.statusCode, JSON.stringify(fields)).toBe(400);
        expect(response.json().fields.map((field: { field: string }) => field.field)).toContain(path);
      }
    });

    it('follows the funnel steps a tile names', async () => {
      const steps = [statusNamed('Open'), statusNamed('Gediskwalificeerd')];
      const data = await tileData({ tile: tile({ type: 'funnel', steps, period: null }) });
      expect(data.steps.map((step: { reached: number }) => step.reached)).toEqual([4, 1, 4]);
      // Without a period every sale counts, also the one of MQL BV in 2025.
      expect(data.conversions).toEqual([0.25, 4]);

      const unknown = await admin.post('/api/dashboards/tile-data', { tile: tile({ type: 'funnel', steps: [999999] }) });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().code).toBe('REFERENCE_NOT_FOUND');
    });

    it('shows a person status timeline newest first', async () => {
      const response = await admin.get(`/api/persons/${person.Aalders}/status-timeline`);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().items).toEqual([
        { leadStatus: { id: statusNamed('Gekwalificeerd'), name: 'Gekwalificeerd', deleted: false }, from: '2026-03-20T10:00:00.000Z', to: null, days: 9 },
        { leadStatus: { id: statusNamed('Contact opnemen'), name: 'Contact opnemen', deleted: false }, from: '2026-03-15T09:00:00.000Z', to: '2026-03-20T10:00:00.000Z', days: 5 },
        { leadStatus: { id: statusNamed('Open'), name: 'Open', deleted: false }, from: '2026-03-10T09:00:00.000Z', to: '2026-03-15T09:00:00.000Z', days: 5 },
      ]);
      expect((await admin.get('/api/persons/999999/status-timeline')).statusCode).toBe(404);
    });
  });

  describe('periods in the organisation time zone', () => {
    it('counts this week from Monday midnight in Amsterdam', async () => {
      const data = await tileData({ tile: tile({ period: { field: 'leadStatusChangedAt', range: 'thisWeek' } }) });
      expect(data.value).toBe(1);
      const listed = await personsMatching(data.criteria);
      expect(listed.items.map((item) => item.id)).toEqual([person.Bakker]);
    });

    it('compares this week with the week before', async () => {
      const data = await tileData({ tile: tile({ period: { field: 'leadStatusChangedAt', range: 'thisWeek' } }) });
      // Aalders's change of 20 March falls in the week of 16 March, Claes's of Sunday 29 March in the week before this one.
      expect(data.previous).toBe(1);
    });

    it('replaces the tile period with the dashboard period', async () => {
      const data = await tileData({ tile: tile({ period: { field: 'registeredAt', range: 'thisMonth' } }), period: { field: 'registeredAt', range: 'today' } });
      expect(data.value).toBe(0);
    });
  });
});
