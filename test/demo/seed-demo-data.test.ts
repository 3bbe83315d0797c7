import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedDemoData, type SeedDemoSummary } from '../../src/demo/seed-demo-data.js';
import { TUSSENVOEGSELS } from '../../src/demo/word-lists.js';
import { createTestDatabase, sql, type TestDatabase, testEngines } from '../support/databases.js';

const PERSONS = 500;
const SEED = 20_260_601;
const NOW = new Date('2026-06-01T00:00:00.000Z');
const TWO_YEARS_MS = 730 * 24 * 60 * 60 * 1_000;

describe.each(testEngines)('seedDemoData on %s', (engine) => {
  let database: TestDatabase;
  let summary: SeedDemoSummary;
  const progress: number[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    summary = await seedDemoData(database.db, {
      persons: PERSONS,
      seed: SEED,
      now: NOW,
      onProgress: ({ personsDone }) => progress.push(personsDone),
    });
  });

  afterAll(async () => {
    await database?.dispose();
  });

  async function countRows(table: 'persons' | 'companies' | 'lead_status_changes'): Promise<number> {
    const row = await database.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  it('adds the requested number of persons', async () => {
    expect(summary.persons).toBe(PERSONS);
    expect(await countRows('persons')).toBe(PERSONS);
    expect(await countRows('companies')).toBe(summary.companies);
    expect(await countRows('lead_status_changes')).toBe(summary.leadStatusChanges);
    expect(progress[progress.length - 1]).toBe(PERSONS);
  });

  it('creates demo users without a password', async () => {
    const users = await database.db.selectFrom('users').select(['role', 'language', 'password_hash']).execute();

    expect(summary.usersCreated).toBe(8);
    expect(users).toHaveLength(8);
    for (const user of users) {
      expect(user.role).toBe('user');
      expect(user.language).toBe('nl');
      expect(user.password_hash).toBeNull();
    }
  });

  it('counts persons per status like the summary', async () => {
    const rows = await database.db
      .selectFrom('persons')
      .select(['lead_status_id', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('lead_status_id')
      .execute();
    const counted = new Map(rows.map((row) => [row.lead_status_id, Number(row.count)]));

    expect(counted).toEqual(summary.personsByLeadStatusId);
    expect([...counted.values()].reduce((sum, count) => sum + count, 0)).toBe(PERSONS);
  });

  it('gives every lead a lead status', async () => {
    const leads = await database.db
      .selectFrom('persons as p')
      .innerJoin('companies as c', 'c.id', 'p.company_id')
      .innerJoin('categories as cat', 'cat.id', 'c.category_id')
      .where('cat.lead_status_enabled', '=', true)
      .select(['p.id', 'p.lead_status_id'])
      .execute();

    expect(leads).toHaveLength(summary.leads);
    expect(leads.filter((lead) => lead.lead_status_id === null)).toEqual([]);
    // Most persons are in a lead-enabled category.
    expect(leads.length).toBeGreaterThan(PERSONS / 2);
  });

  it('gives persons without a company no status', async () => {
    const withStatus = await database.db
      .selectFrom('persons')
      .select('id')
      .where('company_id', 'is', null)
      .where('lead_status_id', 'is not', null)
      .execute();

    expect(withStatus).toEqual([]);
  });

  it('keeps retained statuses outside lead categories', async () => {
    const retained = await database.db
      .selectFrom('persons as p')
      .innerJoin('companies as c', 'c.id', 'p.company_id')
      .leftJoin('categories as cat', 'cat.id', 'c.category_id')
      .where((eb) => eb.or([eb('cat.lead_status_enabled', '=', false), eb('c.category_id', 'is', null)]))
      .select([
        (eb) => eb.fn.count<string>('p.lead_status_id').as('retained'),
        (eb) => eb.fn.countAll<string>().as('total'),
      ])
      .executeTakeFirstOrThrow();

    expect(Number(retained.retained)).toBeGreaterThan(0);
    expect(Number(retained.retained)).toBeLessThan(Number(retained.total));
  });

  it('ends each history at the current status', async () => {
    const persons = await database.db.selectFrom('persons').select(['id', 'lead_status_id', 'lead_status_changed_at']).execute();
    const latest = await sql<{ person_id: number; to_status_id: number | null; changed_at: Date }>`
      select distinct on (person_id) person_id, to_status_id, changed_at
      from lead_status_changes
      order by person_id, changed_at desc, id desc
    `.execute(database.db);
    const latestByPerson = new Map(latest.rows.map((row) => [row.person_id, row]));

    for (const person of persons) {
      const last = latestByPerson.get(person.id);
      if (person.lead_status_id === null) {
        expect(last, `history of person ${person.id} without a status`).toBeUndefined();
        expect(person.lead_status_changed_at).toBeNull();
        continue;
      }
      expect(last?.to_status_id, `latest change of person ${person.id}`).toBe(person.lead_status_id);
      expect(last?.changed_at.getTime(), `status change time of person ${person.id}`).toBe(person.lead_status_changed_at?.getTime());
    }
  });

  it('chains each history from the default status', async () => {
    const defaultStatus = await database.db
      .selectFrom('lead_statuses')
      .select('id')
      .where('is_default', '=', true)
      .executeTakeFirstOrThrow();
    const persons = new Map(
      (await database.db.selectFrom('persons').select(['id', 'registered_at']).execute()).map((person) => [person.id, person]),
    );
    const changes = await database.db
      .selectFrom('lead_status_changes')
      .selectAll()
      .orderBy('person_id')
      .orderBy('changed_at')
      .orderBy('id')
      .execute();

    let previous: (typeof changes)[number] | undefined;
    for (const change of changes) {
      if (previous?.person_id !== change.person_id) {
        expect(change.from_status_id, `first change of person ${change.person_id}`).toBeNull();
        expect(change.to_status_id, `first status of person ${change.person_id}`).toBe(defaultStatus.id);
        expect(change.changed_at.getTime()).toBe(persons.get(change.person_id)?.registered_at.getTime());
      } else {
        expect(change.from_status_id, `change ${change.id}`).toBe(previous.to_status_id);
        expect(change.to_status_id, `change ${change.id}`).not.toBe(change.from_status_id);
      }
      previous = change;
    }
  });

  it('records mostly edits as sources', async () => {
    const rows = await database.db
      .selectFrom('lead_status_changes')
      .select(['source', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('source')
      .execute();
    const bySource = new Map(rows.map((row) => [row.source, Number(row.count)]));

    expect(bySource.get('edit')).toBeGreaterThan(summary.leadStatusChanges / 2);
    expect(bySource.get('import')).toBeGreaterThan(0);
    expect(bySource.get('board')).toBeGreaterThan(0);
  });

  it('dates records within two years', async () => {
    const range = await database.db
      .selectFrom('persons')
      .select([(eb) => eb.fn.min('registered_at').as('first'), (eb) => eb.fn.max('updated_at').as('last')])
      .executeTakeFirstOrThrow();
    const changes = await database.db
      .selectFrom('lead_status_changes')
      .select([(eb) => eb.fn.min('changed_at').as('first'), (eb) => eb.fn.max('changed_at').as('last')])
      .executeTakeFirstOrThrow();

    expect(new Date(range.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - TWO_YEARS_MS);
    expect(new Date(range.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(new Date(changes.first).getTime()).toBeGreaterThanOrEqual(NOW.getTime() - TWO_YEARS_MS);
    expect(new Date(changes.last).getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it('gives customers won sales and lost opportunities lost ones', async () => {
    const rows = await sql<{ category: string; status: string; sales: number; before: number }>`
      select cat.name_en as category, s.status, cast(count(*) as integer) as sales,
             cast(count(*) filter (where s.registered_at < c.registered_at or s.registered_at > ${NOW.toISOString()}::timestamptz) as integer) as before
      from sales s join companies c on c.id = s.company_id join categories cat on cat.id = c.category_id
      group by 1, 2`.execute(database.db);
    const count = (category: string, status: string) =>
      rows.rows.find((row) => row.category === category && row.status === status)?.sales ?? 0;

    expect(count('Customer', 'sold')).toBeGreaterThan(0);
    expect(count('Lost opportunity', 'lost')).toBeGreaterThan(0);
    expect(count('Opportunity', 'open')).toBeGreaterThan(0);
    expect(count('Lead', 'sold')).toBe(0);
    // Every sale lies between its company's registration and now.
    expect(rows.rows.reduce((sum, row) => sum + row.before, 0)).toBe(0);
  });

  it('registers persons after their company', async () => {
    const early = await database.db
      .selectFrom('persons as p')
      .innerJoin('companies as c', 'c.id', 'p.company_id')
      .whereRef('p.registered_at', '<', 'c.registered_at')
      .select('p.id')
      .execute();

    expect(early).toEqual([]);
  });

  it('stores tussenvoegsels as middle names', async () => {
    const rows = await database.db.selectFrom('persons').select(['middle_name', 'last_name']).where('middle_name', 'is not', null).execute();

    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(TUSSENVOEGSELS).toContain(row.middle_name);
      expect(row.last_name).toMatch(/^\p{Lu}/u);
    }
  });

  it('derives emails from the company domain', async () => {
    const rows = await database.db
      .selectFrom('persons as p')
      .innerJoin('companies as c', 'c.id', 'p.company_id')
      .where('p.email', 'is not', null)
      .where('c.website', 'is not', null)
      .select(['p.email', 'c.website'])
      .execute();

    expect(rows.length).toBeGreaterThan(PERSONS / 2);
    for (const row of rows) {
      expect(row.email).toMatch(/^[a-z0-9.-]+@/);
      expect(row.email!.endsWith(`@${row.website!.replace(/^www\./, '')}`)).toBe(true);
    }
  });

  it('gives the same data for the same seed', async () => {
    const other = await createTestDatabase(engine);
    try {
      await seedDemoData(other.db, { persons: PERSONS, seed: SEED, now: NOW });

      for (const table of ['companies', 'persons', 'lead_status_changes'] as const) {
        const expected = await database.db.selectFrom(table).selectAll().orderBy('id').execute();
        const actual = await other.db.selectFrom(table).selectAll().orderBy('id').execute();
        expect(actual, table).toEqual(expected);
      }
    } finally {
      await other.dispose();
    }
  });
});
