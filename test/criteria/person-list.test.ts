import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { CriteriaSets } from '../../src/criteria/criteria.js';
import { listPersons, parsePersonListParameters } from '../../src/persons/person-list.js';
import { type TestDatabase, createTestDatabase, sql, testEngines } from '../support/databases.js';
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

const actor = actorFor(null);

describe.each(testEngines)('person list filters on %s', (engine) => {
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

  async function lastNames(filter: CriteriaSets, options: { now?: Date; userId?: number } = {}): Promise<string[]> {
    const page = await listPersons(database.db, actorFor(options.userId ?? null), { filter, now: options.now, limit: 500 });
    expect(page.total).toBe(page.rows.length);
    return page.rows.map((row) => row.last_name);
  }

  it('is not one of keeps persons without a lead status', async () => {
    const db = database.db;
    const open = await leadStatusId(db, 'Open');
    const disqualified = await leadStatusId(db, 'Disqualified');
    await insertPerson(db, { last_name: 'Open', lead_status_id: open });
    await insertPerson(db, { last_name: 'Disqualified', lead_status_id: disqualified });
    await insertPerson(db, { last_name: 'Without' });

    const names = await lastNames([[{ field: 'leadStatus', operator: 'isNotOneOf', values: [disqualified] }]]);

    expect(names).toEqual(['Open', 'Without']);
  });

  it('is not one of with null leaves out persons without a lead status', async () => {
    const db = database.db;
    const open = await leadStatusId(db, 'Open');
    const disqualified = await leadStatusId(db, 'Disqualified');
    await insertPerson(db, { last_name: 'Open', lead_status_id: open });
    await insertPerson(db, { last_name: 'Disqualified', lead_status_id: disqualified });
    await insertPerson(db, { last_name: 'Without' });

    expect(await lastNames([[{ field: 'leadStatus', operator: 'isNotOneOf', values: [disqualified, null] }]])).toEqual(['Open']);
    expect(await lastNames([[{ field: 'leadStatus', operator: 'isNotOneOf', values: [null] }]])).toEqual(['Disqualified', 'Open']);
  });

  it('is one of with null includes persons without a lead status', async () => {
    const db = database.db;
    const open = await leadStatusId(db, 'Open');
    await insertPerson(db, { last_name: 'Open', lead_status_id: open });
    await insertPerson(db, { last_name: 'Qualified', lead_status_id: await leadStatusId(db, 'Qualified') });
    await insertPerson(db, { last_name: 'Without' });

    expect(await lastNames([[{ field: 'leadStatus', operator: 'isOneOf', values: [open, null] }]])).toEqual(['Open', 'Without']);
    expect(await lastNames([[{ field: 'leadStatus', operator: 'isEmpty' }]])).toEqual(['Without']);
    expect(await lastNames([[{ field: 'leadStatus', operator: 'isNotEmpty' }]])).toEqual(['Open', 'Qualified']);
  });

  it('resolves currentUser to the signed-in user and null to no owner', async () => {
    const db = database.db;
    const anna = await insertUser(db, 'Anna');
    const bram = await insertUser(db, 'Bram');
    await insertPerson(db, { last_name: 'Annas', owner_id: anna });
    await insertPerson(db, { last_name: 'Brams', owner_id: bram });
    await insertPerson(db, { last_name: 'Nobodys' });

    const mine = [[{ field: 'owner', operator: 'isOneOf', values: ['currentUser'] }]];
    expect(await lastNames(mine, { userId: anna })).toEqual(['Annas']);
    expect(await lastNames(mine, { userId: bram })).toEqual(['Brams']);
    expect(await lastNames(mine)).toEqual([]);
    expect(await lastNames([[{ field: 'owner', operator: 'isOneOf', values: [null] }]])).toEqual(['Nobodys']);
    expect(await lastNames([[{ field: 'owner', operator: 'isNotOneOf', values: ['currentUser'] }]], { userId: anna })).toEqual([
      'Brams',
      'Nobodys',
    ]);
  });

  it('filters on the company category, category group and lead status enabled', async () => {
    const db = database.db;
    const leadCompany = await insertCompany(db, { name: 'Lead BV', category_id: await categoryId(db, 'Lead') });
    const customer = await insertCompany(db, { name: 'Klant BV', category_id: await categoryId(db, 'Customer') });
    const uncategorised = await insertCompany(db, { name: 'Los BV' });
    await insertPerson(db, { last_name: 'Lead', company_id: leadCompany });
    await insertPerson(db, { last_name: 'Customer', company_id: customer });
    await insertPerson(db, { last_name: 'Uncategorised', company_id: uncategorised });
    await insertPerson(db, { last_name: 'Alone' });

    expect(await lastNames([[{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]])).toEqual(['Lead']);
    expect(await lastNames([[{ field: 'categoryGroup', operator: 'isNotOneOf', values: ['potentialCustomer'] }]])).toEqual([
      'Alone',
      'Customer',
      'Uncategorised',
    ]);
    expect(await lastNames([[{ field: 'category', operator: 'isEmpty' }]])).toEqual(['Alone', 'Uncategorised']);
    expect(await lastNames([[{ field: 'leadStatusEnabled', operator: 'is', values: [true] }]])).toEqual(['Lead']);
    expect(await lastNames([[{ field: 'leadStatusEnabled', operator: 'is', values: [false] }]])).toEqual([
      'Alone',
      'Customer',
      'Uncategorised',
    ]);
    expect(await lastNames([[{ field: 'company', operator: 'isOneOf', values: [customer, uncategorised] }]])).toEqual([
      'Customer',
      'Uncategorised',
    ]);
  });

  it('matches text ignoring case and accents', async () => {
    const db = database.db;
    await insertPerson(db, { last_name: 'Zola', first_name: 'Émile', email: 'EMILE@Example.test' });
    await insertPerson(db, { last_name: 'Ölçer', first_name: 'Zeynep' });
    await insertPerson(db, { last_name: 'Vries', first_name: 'Jan', middle_name: 'de' });

    expect(await lastNames([[{ field: 'firstName', operator: 'startsWith', values: ['emi'] }]])).toEqual(['Zola']);
    expect(await lastNames([[{ field: 'lastName', operator: 'equals', values: ['OLCER'] }]])).toEqual(['Ölçer']);
    expect(await lastNames([[{ field: 'email', operator: 'contains', values: ['@EXAMPLE.'] }]])).toEqual(['Zola']);
    expect(await lastNames([[{ field: 'name', operator: 'contains', values: ['jan de vries'] }]])).toEqual(['Vries']);
    expect(await lastNames([[{ field: 'middleName', operator: 'isEmpty' }]])).toEqual(['Ölçer', 'Zola']);
    expect(await lastNames([[{ field: 'middleName', operator: 'isNotEmpty' }]])).toEqual(['Vries']);
  });

  it('matches wildcard characters in text literally', async () => {
    const db = database.db;
    await insertPerson(db, { last_name: '100% Zeker' });
    await insertPerson(db, { last_name: '1000 Zeker' });
    await insertPerson(db, { last_name: 'a_b' });
    await insertPerson(db, { last_name: 'axb' });
    await insertPerson(db, { last_name: 'back\\slash' });

    expect(await lastNames([[{ field: 'lastName', operator: 'contains', values: ['%'] }]])).toEqual(['100% Zeker']);
    expect(await lastNames([[{ field: 'lastName', operator: 'startsWith', values: ['a_'] }]])).toEqual(['a_b']);
    expect(await lastNames([[{ field: 'lastName', operator: 'contains', values: ['_'] }]])).toEqual(['a_b']);
    expect(await lastNames([[{ field: 'lastName', operator: 'contains', values: ['\\'] }]])).toEqual(['back\\slash']);
    expect(await lastNames([[{ field: 'lastName', operator: 'equals', values: ['a_b'] }]])).toEqual(['a_b']);
  });

  it('treats SQL in a value as plain text', async () => {
    const db = database.db;
    const hostile = "x'; drop table persons; --";
    await insertPerson(db, { last_name: hostile });
    await insertPerson(db, { last_name: 'Plain' });

    expect(await lastNames([[{ field: 'lastName', operator: 'equals', values: [hostile] }]])).toEqual([hostile]);
    expect(await lastNames([[{ field: 'lastName', operator: 'startsWith', values: ["'; drop table persons; --"] }]])).toEqual([]);
    const remaining = await sql<{ count: number }>`select cast(count(*) as integer) as count from persons`.execute(db);
    expect(remaining.rows[0]?.count).toBe(2);
  });

  it('ORs sets and ANDs the lines within a set', async () => {
    const db = database.db;
    await insertPerson(db, { last_name: 'Both', first_name: 'Ann', former_employee: true });
    await insertPerson(db, { last_name: 'Former', first_name: 'Bob', former_employee: true });
    await insertPerson(db, { last_name: 'Ann', first_name: 'Ann' });
    await insertPerson(db, { last_name: 'Neither', first_name: 'Cees' });

    const former = { field: 'formerEmployee', operator: 'is', values: [true] };
    const ann = { field: 'firstName', operator: 'equals', values: ['ann'] };
    expect(await lastNames([[former, ann]])).toEqual(['Both']);
    expect(await lastNames([[former], [ann]])).toEqual(['Ann', 'Both', 'Former']);
    expect(await lastNames([[former], []])).toEqual(['Ann', 'Both', 'Former', 'Neither']);
  });

  it('filters dates by calendar days in the time zone', async () => {
    const db = database.db;
    // 1 March 2026 begins at 2026-02-28T23:00Z in Amsterdam.
    await insertPerson(db, { last_name: 'February', registered_at: '2026-02-28T22:59:59.999999Z' });
    await insertPerson(db, { last_name: 'March', registered_at: '2026-02-28T23:00:00Z' });
    await insertPerson(db, { last_name: 'Second', registered_at: '2026-03-02T12:00:00Z' });

    const on = (operator: string, values: string[]) => lastNames([[{ field: 'registeredAt', operator, values }]]);
    expect(await on('before', ['2026-03-01'])).toEqual(['February']);
    expect(await on('onDate', ['2026-03-01'])).toEqual(['March']);
    expect(await on('after', ['2026-03-01'])).toEqual(['Second']);
    expect(await on('between', ['2026-02-28', '2026-03-01'])).toEqual(['February', 'March']);
  });

  it('filters relative periods from the given clock', async () => {
    const db = database.db;
    // Monday 20 April 2026 begins at 2026-04-19T22:00Z in Amsterdam.
    await insertPerson(db, { last_name: 'LastWeek', registered_at: '2026-04-19T21:59:00Z' });
    await insertPerson(db, { last_name: 'ThisWeek', registered_at: '2026-04-19T22:00:00Z' });
    await insertPerson(db, { last_name: 'LastMonth', registered_at: '2026-03-31T21:59:00Z' });

    const now = new Date('2026-04-22T10:00:00Z');
    const period = (operator: string, values?: number[]) => lastNames([[{ field: 'registeredAt', operator, values }]], { now });
    expect(await period('thisWeek')).toEqual(['ThisWeek']);
    expect(await period('thisMonth')).toEqual(['LastWeek', 'ThisWeek']);
    expect(await period('lastNDays', [3])).toEqual(['ThisWeek']);
    expect(await period('lastNDays', [4])).toEqual(['LastWeek', 'ThisWeek']);
    expect(await period('thisQuarter')).toEqual(['LastWeek', 'ThisWeek']);
    expect(await period('yearToDate')).toEqual(['LastMonth', 'LastWeek', 'ThisWeek']);
    expect(await period('today')).toEqual([]);
  });

  it('counts days in status in whole days from the clock', async () => {
    const db = database.db;
    const now = new Date('2026-04-22T12:00:00Z');
    const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 - extraMs);
    await insertPerson(db, { last_name: 'Fresh', lead_status_changed_at: daysAgo(0, 1000) });
    await insertPerson(db, { last_name: 'Two', lead_status_changed_at: daysAgo(2) });
    await insertPerson(db, { last_name: 'AlmostThree', lead_status_changed_at: daysAgo(3, -1) });
    await insertPerson(db, { last_name: 'Ten', lead_status_changed_at: daysAgo(10, 3_600_000) });
    await insertPerson(db, { last_name: 'Never' });

    const days = (operator: string, values: number[]) => lastNames([[{ field: 'daysInStatus', operator, values }]], { now });
    expect(await days('equals', [2])).toEqual(['AlmostThree', 'Two']);
    expect(await days('greaterThan', [2])).toEqual(['Ten']);
    expect(await days('lessThan', [2])).toEqual(['Fresh']);
    expect(await days('between', [0, 2])).toEqual(['AlmostThree', 'Fresh', 'Two']);
    expect(await lastNames([[{ field: 'daysInStatus', operator: 'isEmpty' }]], { now })).toEqual(['Never']);
  });

  it('leaves out deleted persons unless asked to include them', async () => {
    const db = database.db;
    await insertPerson(db, { last_name: 'Active' });
    await insertPerson(db, { last_name: 'Deleted', deleted_at: new Date() });

    const withoutDeleted = await listPersons(db, actor);
    const withDeleted = await listPersons(db, actor, { includeDeleted: true });
    const onlyDeleted = await listPersons(db, actor, {
      includeDeleted: true,
      filter: [[{ field: 'deleted', operator: 'is', values: [true] }]],
    });

    expect(withoutDeleted.rows.map((row) => row.last_name)).toEqual(['Active']);
    expect(withDeleted.total).toBe(2);
    expect(onlyDeleted.rows.map((row) => row.last_name)).toEqual(['Deleted']);
  });

  it('reads pages and counts inside a transaction', async () => {
    const db = database.db;
    await insertPerson(db, { last_name: 'A' });
    await insertPerson(db, { last_name: 'B' });

    const names = await db.transaction().execute(async (trx) => {
      const first = await listPersons(trx, actor, { limit: 1 });
      const second = await listPersons(trx, actor, { limit: 1, cursor: first.nextCursor ?? undefined });
      return [...first.rows, ...second.rows].map((row) => row.last_name);
    });

    expect(names).toEqual(['A', 'B']);
  });

  it('returns rows as the base query selects them', async () => {
    const db = database.db;
    const company = await insertCompany(db, { name: 'Acme', category_id: await categoryId(db, 'Lead') });
    await insertPerson(db, { last_name: 'Vries', company_id: company, lead_status_id: await leadStatusId(db, 'Open') });

    const [row] = (await listPersons(db, actorFor(null, 'en'))).rows;

    expect(row).toMatchObject({ last_name: 'Vries', company_name: 'Acme', lead_status_name_en: 'Open', lead_status_enabled: true });
    expect(Object.keys(row ?? {}).filter((key) => key.startsWith('cursor_'))).toEqual([]);
  });
});

describe.each(testEngines)('person list hostile input on %s', (engine) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await insertPerson(database.db, { last_name: 'Someone' });
  });
  afterAll(async () => {
    await database?.dispose();
  });

  const hostileParameters: Array<[string, Record<string, unknown>]> = [
    ['SQL as sort', { sort: 'lastName; drop table persons' }],
    ['SQL as field', { filter: '[{"field":"last_name) or (1=1","operator":"isEmpty"}]' }],
    ['SQL as operator', { filter: '[{"field":"lastName","operator":"= \'\' or 1=1 --","values":["a"]}]' }],
    ['a huge id', { filter: '[{"field":"leadStatus","operator":"isOneOf","values":[99999999999999999999]}]' }],
    ['a huge page size', { limit: '99999999999999999999' }],
    ['an array as text', { filter: '[{"field":"lastName","operator":"contains","values":[["a"]]}]' }],
    ['an array as parameter', { sort: ['lastName', 'city'] }],
    ['an object as operator', { filter: '[{"field":"lastName","operator":{"$ne":1},"values":["a"]}]' }],
    ['a prototype key as field', { filter: '[{"field":"__proto__","operator":"isEmpty"}]' }],
    ['a toString field', { filter: '[{"field":"toString","operator":"isEmpty"}]' }],
    ['SQL as cursor', { cursor: "'; drop table persons; --" }],
    ['a date far in the past', { filter: '[{"field":"registeredAt","operator":"before","values":["0001-01-01"]}]' }],
    ['NaN text as number', { filter: '[{"field":"daysInStatus","operator":"equals","values":["NaN"]}]' }],
  ];

  it.each(hostileParameters)('rejects %s as invalid', async (_case, raw) => {
    await validationErrorOf(() => parsePersonListParameters(raw));
    await validationErrorOf(async () => listPersons(database.db, actor, raw as never));
  });

  it('rejects an unknown time zone', async () => {
    await validationErrorOf(() => listPersons(database.db, actor, { timeZone: "Europe/Amsterdam'; --" }));
  });

  it('answers the largest valid values without a database error', async () => {
    const page = await listPersons(database.db, actor, {
      filter: [
        [
          { field: 'leadStatus', operator: 'isNotOneOf', values: [2_147_483_647] },
          { field: 'daysInStatus', operator: 'lessThan', values: [100_000] },
          { field: 'registeredAt', operator: 'after', values: ['9999-12-30'] },
          { field: 'lastName', operator: 'contains', values: ['%_\\'.repeat(66)] },
        ],
        [{ field: 'registeredAt', operator: 'lastNDays', values: [36_600] }],
        [{ field: 'company', operator: 'isOneOf', values: Array.from({ length: 1000 }, (_value, index) => index + 1) }],
      ],
      limit: 500,
    });

    expect(page.rows.map((row) => row.last_name)).toEqual(['Someone']);
  });
});
