import { describe, expect, it } from 'vitest';

import { COMPANY_FIELDS } from '../../src/criteria/company-fields.js';
import { CRITERIA_LIMITS, CriteriaSetsSchema } from '../../src/criteria/criteria.js';
import { escapeLikePattern } from '../../src/criteria/criteria-sql.js';
import { PERSON_FIELDS } from '../../src/criteria/person-fields.js';
import { parseFilterParameter, validateCriteria } from '../../src/criteria/validate-criteria.js';
import { validationErrorOf } from './fixtures.js';

function parsePersonFilter(raw: unknown) {
  return parseFilterParameter(raw, PERSON_FIELDS);
}

describe('filter parameter', () => {
  it('reads one set of criterion lines as one set', () => {
    const sets = parsePersonFilter('[{"field":"leadStatus","operator":"isNotOneOf","values":[3]}]');

    expect(sets).toEqual([[{ field: 'leadStatus', operator: 'isNotOneOf', values: [3] }]]);
  });

  it('reads an array of sets as ORed sets', () => {
    const sets = parsePersonFilter(
      '[[{"field":"owner","operator":"isOneOf","values":["currentUser"]}],[{"field":"owner","operator":"isEmpty"}]]',
    );

    expect(sets).toHaveLength(2);
    expect(sets[1]).toEqual([{ field: 'owner', operator: 'isEmpty' }]);
  });

  it('treats an empty value and an empty array as no filter', () => {
    expect(parsePersonFilter('')).toEqual([]);
    expect(parsePersonFilter('[]')).toEqual([]);
  });

  it('rejects malformed JSON naming the parameter', async () => {
    const error = await validationErrorOf(() => parsePersonFilter('[{"field":'));

    expect(error.fields?.[0]?.field).toBe('/filter');
    expect(error.message).toMatch(/not valid JSON/);
  });

  it('rejects a parameter given twice', async () => {
    const error = await validationErrorOf(() => parsePersonFilter(['[]', '[]']));

    expect(error.fields?.[0]?.field).toBe('/filter');
  });

  it('rejects JSON that is not an array of criteria', async () => {
    for (const raw of ['{}', '"lastName"', '42', 'null', '[1]', '[[1]]', '[{"field":"lastName"}]']) {
      await validationErrorOf(() => parsePersonFilter(raw));
    }
  });

  it('rejects an unknown field and lists the known ones', async () => {
    const error = await validationErrorOf(() => parsePersonFilter('[{"field":"shoeSize","operator":"equals","values":[42]}]'));

    expect(error.fields).toEqual([{ field: '/filter/0/field', message: expect.stringContaining('leadStatus'), code: 'invalid' }]);
    expect(error.message).toContain('unknown person field "shoeSize"');
  });

  it('rejects a company field in a person filter', async () => {
    await validationErrorOf(() => parsePersonFilter('[{"field":"postcode","operator":"startsWith","values":["10"]}]'));
  });

  it('rejects an operator of another field type', async () => {
    const error = await validationErrorOf(() => parsePersonFilter('[{"field":"leadStatus","operator":"contains","values":["x"]}]'));

    expect(error.fields?.[0]?.field).toBe('/filter/0/operator');
    expect(error.message).toContain('isOneOf, isNotOneOf, isEmpty, isNotEmpty');
  });

  it('rejects properties besides field, operator and values', async () => {
    await validationErrorOf(() => parsePersonFilter('[{"field":"lastName","operator":"isEmpty","extra":1}]'));
  });

  it('points each error at its set and line', async () => {
    const error = await validationErrorOf(() =>
      validateCriteria(
        [
          [{ field: 'lastName', operator: 'isEmpty' }],
          [
            { field: 'email', operator: 'isEmpty' },
            { field: 'leadStatus', operator: 'isOneOf', values: ['Open'] },
          ],
        ],
        PERSON_FIELDS,
      ),
    );

    expect(error.fields).toEqual([{ field: '/filter/1/1/values/0', message: expect.stringContaining('lead status id'), code: 'invalid' }]);
  });

  it('reports every invalid line at once', async () => {
    const error = await validationErrorOf(() =>
      parsePersonFilter(
        JSON.stringify([
          { field: 'nope', operator: 'equals', values: ['a'] },
          { field: 'lastName', operator: 'startsWith' },
          { field: 'formerEmployee', operator: 'is', values: ['yes'] },
        ]),
      ),
    );

    expect(error.fields?.map((field) => field.field)).toEqual(['/filter/0/field', '/filter/1/values', '/filter/2/values/0']);
    expect(error.message).toContain('and 2 more errors');
  });
});

describe('criterion values', () => {
  const invalidLines: Array<[string, unknown]> = [
    ['text without a value', { field: 'lastName', operator: 'startsWith' }],
    ['text with two values', { field: 'lastName', operator: 'startsWith', values: ['a', 'b'] }],
    ['empty text', { field: 'lastName', operator: 'equals', values: [''] }],
    ['a number as text', { field: 'lastName', operator: 'contains', values: [7] }],
    ['an array as text', { field: 'lastName', operator: 'contains', values: [['a']] }],
    ['an object as text', { field: 'lastName', operator: 'contains', values: [{ a: 1 }] }],
    ['an array as field name', { field: ['lastName'], operator: 'isEmpty' }],
    ['a value for isEmpty', { field: 'email', operator: 'isEmpty', values: ['x'] }],
    ['an empty isOneOf', { field: 'leadStatus', operator: 'isOneOf', values: [] }],
    ['a lead status name instead of id', { field: 'leadStatus', operator: 'isOneOf', values: ['Open'] }],
    ['a fractional id', { field: 'leadStatus', operator: 'isOneOf', values: [1.5] }],
    ['a negative id', { field: 'category', operator: 'isOneOf', values: [-1] }],
    ['an id beyond integer range', { field: 'company', operator: 'isOneOf', values: [2_147_483_648] }],
    ['a huge number', { field: 'leadStatus', operator: 'isNotOneOf', values: [1e308] }],
    ['currentUser outside owner', { field: 'leadStatus', operator: 'isOneOf', values: ['currentUser'] }],
    ['an unknown category group', { field: 'categoryGroup', operator: 'isOneOf', values: ['prospect'] }],
    ['a date in another format', { field: 'registeredAt', operator: 'before', values: ['01-03-2026'] }],
    ['an impossible date', { field: 'registeredAt', operator: 'onDate', values: ['2026-02-30'] }],
    ['a date time', { field: 'registeredAt', operator: 'after', values: ['2026-03-01T10:00:00Z'] }],
    ['between with one date', { field: 'registeredAt', operator: 'between', values: ['2026-03-01'] }],
    ['between with dates reversed', { field: 'registeredAt', operator: 'between', values: ['2026-03-02', '2026-03-01'] }],
    ['a relative period with a value', { field: 'registeredAt', operator: 'today', values: ['2026-03-01'] }],
    ['last 0 days', { field: 'registeredAt', operator: 'lastNDays', values: [0] }],
    ['last N days as text', { field: 'registeredAt', operator: 'lastNDays', values: ['7'] }],
    ['last N days beyond the maximum', { field: 'registeredAt', operator: 'lastNDays', values: [CRITERIA_LIMITS.maxLastNDays + 1] }],
    ['days in status as text', { field: 'daysInStatus', operator: 'greaterThan', values: ['3'] }],
    ['negative days in status', { field: 'daysInStatus', operator: 'lessThan', values: [-1] }],
    ['a huge days in status', { field: 'daysInStatus', operator: 'equals', values: [Number.MAX_VALUE] }],
    ['between with numbers reversed', { field: 'daysInStatus', operator: 'between', values: [9, 3] }],
    ['a boolean as text', { field: 'formerEmployee', operator: 'is', values: ['true'] }],
    ['a boolean without a value', { field: 'formerEmployee', operator: 'is' }],
  ];

  it.each(invalidLines)('rejects %s', async (_case, line) => {
    await validationErrorOf(() => validateCriteria([[line]], PERSON_FIELDS));
  });

  const validLines: unknown[] = [
    { field: 'lastName', operator: 'startsWith', values: ["'; drop table persons; --"] },
    { field: 'email', operator: 'isNotEmpty', values: [] },
    { field: 'leadStatus', operator: 'isOneOf', values: [1, null] },
    { field: 'owner', operator: 'isNotOneOf', values: ['currentUser', 7, null] },
    { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer', 'lost'] },
    { field: 'registeredAt', operator: 'between', values: ['2026-03-01', '2026-03-01'] },
    { field: 'registeredAt', operator: 'lastNDays', values: [7] },
    { field: 'leadStatusChangedAt', operator: 'thisQuarter' },
    { field: 'daysInStatus', operator: 'between', values: [0, 30] },
    { field: 'leadStatusEnabled', operator: 'is', values: [false] },
  ];

  it.each(validLines)('accepts %j', (line) => {
    const { conditions } = validateCriteria([[line]], PERSON_FIELDS);

    expect(conditions[0]).toHaveLength(1);
  });

  it('accepts company fields in a company filter', () => {
    const { conditions } = validateCriteria(
      [[{ field: 'postcode', operator: 'startsWith', values: ['1012'] }, { field: 'personCount', operator: 'greaterThan', values: [0] }]],
      COMPANY_FIELDS,
    );

    expect(conditions[0]).toHaveLength(2);
  });
});

describe('criteria limits', () => {
  const line = { field: 'email', operator: 'isNotEmpty' };

  it('accepts 50 lines over several sets and rejects 51', async () => {
    expect(() => validateCriteria([Array(25).fill(line), Array(25).fill(line)], PERSON_FIELDS)).not.toThrow();

    const error = await validationErrorOf(() => validateCriteria([Array(25).fill(line), Array(26).fill(line)], PERSON_FIELDS));
    expect(error.message).toContain('51 criterion lines; the maximum is 50');
  });

  it('rejects a text longer than 200 characters', async () => {
    expect(() => validateCriteria([[{ field: 'email', operator: 'contains', values: ['x'.repeat(200)] }]], PERSON_FIELDS)).not.toThrow();

    const error = await validationErrorOf(() =>
      validateCriteria([[{ field: 'email', operator: 'contains', values: ['x'.repeat(201)] }]], PERSON_FIELDS),
    );
    expect(error.fields?.[0]).toEqual({ field: '/filter/0/0/values/0', message: 'text is 201 characters long; the maximum is 200', code: 'invalid' });
  });

  it('rejects more than 1000 values in one line', async () => {
    const ids = Array.from({ length: 1000 }, (_value, index) => index + 1);
    expect(() => validateCriteria([[{ field: 'company', operator: 'isOneOf', values: ids }]], PERSON_FIELDS)).not.toThrow();

    await validationErrorOf(() => validateCriteria([[{ field: 'company', operator: 'isOneOf', values: [...ids, 1001] }]], PERSON_FIELDS));
  });

  it('rejects a filter text far beyond any URL length', async () => {
    await validationErrorOf(() => parsePersonFilter(`[${' '.repeat(200_000)}]`));
  });

  it('keeps the limits in the published schema', () => {
    expect(CriteriaSetsSchema.maxItems).toBe(CRITERIA_LIMITS.maxSets);
    expect(CriteriaSetsSchema.items.maxItems).toBe(CRITERIA_LIMITS.maxLines);
  });
});

describe('LIKE pattern escaping', () => {
  it('escapes the wildcards and the escape character', () => {
    expect(escapeLikePattern('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});
