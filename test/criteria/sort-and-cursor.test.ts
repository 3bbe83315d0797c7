import { describe, expect, it } from 'vitest';

import { COMPANY_FIELDS } from '../../src/criteria/company-fields.js';
import { decodeCursor, encodeCursor } from '../../src/criteria/cursor.js';
import { parseGroupParameters, parseListParameters } from '../../src/criteria/list-parameters.js';
import { PERSON_FIELDS } from '../../src/criteria/person-fields.js';
import { parseSort } from '../../src/criteria/sort.js';
import { validationErrorOf } from './fixtures.js';

describe('sort parameter', () => {
  it('defaults to last name for persons and name for companies', () => {
    expect(parseSort(undefined, PERSON_FIELDS).canonical).toBe('lastName');
    expect(parseSort('', COMPANY_FIELDS).canonical).toBe('name');
  });

  it('sorts a surname by last name, then first name, then id', () => {
    const plan = parseSort('lastName', PERSON_FIELDS);

    expect(plan.keys.map((key) => [key.valueType, key.nullable, key.descending])).toEqual([
      ['text', false, false],
      ['text', true, false],
      ['integer', false, false],
    ]);
  });

  it('breaks ties by id in the direction of the first field', () => {
    const plan = parseSort('-registeredAt', PERSON_FIELDS);

    expect(plan.keys.at(-1)?.descending).toBe(true);
  });

  it('reverses the change date for days in status', () => {
    const plan = parseSort('daysInStatus', PERSON_FIELDS);

    expect(plan.keys[0]?.descending).toBe(true);
    expect(plan.keys.at(-1)?.descending).toBe(false);
  });

  it('accepts up to three fields with spaces around them', () => {
    expect(parseSort(' companyName , -leadStatus,city', PERSON_FIELDS).canonical).toBe('companyName,-leadStatus,city');
  });

  it('rejects an unknown field and lists the sortable ones', async () => {
    const error = await validationErrorOf(() => parseSort('shoeSize', PERSON_FIELDS));

    expect(error.fields?.[0]?.field).toBe('/sort');
    expect(error.message).toContain('lastName');
  });

  it.each([
    ['four fields', 'lastName,firstName,city,country'],
    ['a field twice', 'lastName,-lastName'],
    ['an empty field', 'lastName,'],
    ['a field that cannot be sorted on', 'deleted'],
    ['SQL', 'lastName; drop table persons'],
    ['a company field for persons', 'postcode'],
  ])('rejects %s', async (_case, raw) => {
    await validationErrorOf(() => parseSort(raw, PERSON_FIELDS));
  });

  it('rejects a sort parameter given twice', async () => {
    await validationErrorOf(() => parseSort(['lastName', 'city'], PERSON_FIELDS));
  });
});

describe('cursor', () => {
  const sort = parseSort('leadStatus,-registeredAt', PERSON_FIELDS);
  const position = [10, 1, '2026-03-01T10:00:00.123456Z', 42];

  it('round-trips the sort values and id', () => {
    const cursor = encodeCursor('person', sort, position);

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 'person', sort)).toEqual(position);
  });

  it('rejects a cursor made for another sort', async () => {
    const cursor = encodeCursor('person', sort, position);

    const error = await validationErrorOf(() => decodeCursor(cursor, 'person', parseSort('leadStatus', PERSON_FIELDS)));
    expect(error.message).toContain('was made for sort "leadStatus,-registeredAt"');
  });

  it('rejects a cursor made for another entity', async () => {
    const companySort = parseSort('name', COMPANY_FIELDS);
    const cursor = encodeCursor('company', companySort, ['acme', 1]);

    await validationErrorOf(() => decodeCursor(cursor, 'person', parseSort('lastName', PERSON_FIELDS)));
  });

  it('rejects a cursor with one character changed', async () => {
    const cursor = encodeCursor('person', sort, position);
    const index = 10;
    const changed = cursor.slice(0, index) + (cursor[index] === 'A' ? 'B' : 'A') + cursor.slice(index + 1);

    await validationErrorOf(() => decodeCursor(changed, 'person', sort));
  });

  it('rejects a cursor whose values do not fit the sort', async () => {
    const cases = [
      [10, 1, '2026-03-01T10:00:00Z', 42],
      [10, 'one', '2026-03-01T10:00:00.123456Z', 42],
      [10, 1, '2026-03-01T10:00:00.123456Z', null],
      [10, 1, null, 42],
      [10, 1, '2026-03-01T10:00:00.123456Z'],
      [1e300, 1, '2026-03-01T10:00:00.123456Z', 42],
      [10, 1, '2026-03-01T10:00:00.123456Z', 42, 43],
    ];
    for (const values of cases) {
      await validationErrorOf(() => decodeCursor(encodeCursor('person', sort, values as never), 'person', sort));
    }
  });

  it.each([
    ['garbage', 'not a cursor'],
    ['an empty text', ''],
    ['base64 without checksum', Buffer.from('{"v":1}').toString('base64url')],
    ['SQL', "'; drop table persons; --"],
    ['a number', 42],
    ['an array', ['a', 'b']],
    ['a huge text', 'A'.repeat(20_000)],
  ])('rejects %s', async (_case, raw) => {
    await validationErrorOf(() => decodeCursor(raw, 'person', sort));
  });
});

describe('list parameters', () => {
  it('parses every parameter from query-string text', () => {
    const cursor = encodeCursor('person', parseSort('-name', PERSON_FIELDS), ['vries', 'jan', 7]);

    const query = parseListParameters(PERSON_FIELDS, {
      filter: '[{"field":"leadStatus","operator":"isNotOneOf","values":[3]}]',
      sort: '-name',
      limit: '25',
      cursor,
      includeDeleted: 'true',
    });

    expect(query).toEqual({
      filter: [[{ field: 'leadStatus', operator: 'isNotOneOf', values: [3] }]],
      sort: '-name',
      limit: 25,
      cursor,
      includeDeleted: true,
    });
  });

  it('leaves out parameters that were not given', () => {
    expect(parseListParameters(PERSON_FIELDS, {})).toEqual({});
  });

  it.each(['0', '501', '-1', '1.5', '1e2', 'abc', '', ' 5'])('rejects page size %j', async (limit) => {
    const error = await validationErrorOf(() => parseListParameters(PERSON_FIELDS, { limit }));

    expect(error.fields?.[0]?.field).toBe('/limit');
  });

  it('rejects a cursor made for another sort before the query runs', async () => {
    const cursor = encodeCursor('person', parseSort('lastName', PERSON_FIELDS), ['vries', 'jan', 7]);

    const error = await validationErrorOf(() => parseListParameters(PERSON_FIELDS, { sort: 'city', cursor }));
    expect(error.fields?.[0]?.field).toBe('/cursor');
  });

  it('rejects includeDeleted other than true or false', async () => {
    await validationErrorOf(() => parseListParameters(PERSON_FIELDS, { includeDeleted: 'yes' }));
  });

  it('parses group fields separated by a comma', () => {
    expect(parseGroupParameters(PERSON_FIELDS, { by: 'category,leadStatus' })).toEqual({ by: ['category', 'leadStatus'] });
    expect(parseGroupParameters(COMPANY_FIELDS, { by: 'leadStatusEnabled' })).toEqual({ by: ['leadStatusEnabled'] });
  });

  it.each([
    ['no fields', undefined],
    ['an empty value', ''],
    ['three fields', 'category,leadStatus,owner'],
    ['a text field', 'lastName'],
    ['a date field', 'registeredAt'],
    ['a field twice', 'leadStatus,leadStatus'],
    ['a person field for companies', 'leadStatus'],
  ])('rejects grouping by %s', async (_case, by) => {
    const catalogue = _case === 'a person field for companies' ? COMPANY_FIELDS : PERSON_FIELDS;

    const error = await validationErrorOf(() => parseGroupParameters(catalogue, { by }));
    expect(error.fields?.[0]?.field).toMatch(/^\/by/);
  });
});
