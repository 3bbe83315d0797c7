import { readFileSync } from 'node:fs';

import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

import { ApiError } from '../../web/src/api/client.js';
import { criteriaProblems } from '../../web/src/find/criteriaErrors.js';

let dutch: TFunction;

beforeAll(async () => {
  const messages = JSON.parse(readFileSync(new URL('../../web/src/i18n/nl.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  const instance = i18next.createInstance();
  await instance.init({ lng: 'nl', resources: { nl: { translation: messages } }, interpolation: { escapeValue: false } });
  dutch = instance.getFixedT('nl');
});

function lineMessage(field: string, message: string, path?: string): string | undefined {
  const error = new ApiError(400, 'VALIDATION_FAILED', 'invalid criteria', [{ field, message, code: 'invalid' }]);
  const criteria = [[{ field: 'daysInStatus', operator: 'equals', values: [0] }, { field: 'leadStatus', operator: 'isOneOf', values: [0] }]];
  return criteriaProblems(dutch, 'nl', error, criteria, path).lines.get('0/1');
}

describe('criteria problems', () => {
  it('calls an invalid list id an unknown choice', () => {
    const message = lineMessage('/criteria/0/1/values/0', 'must be a lead status id (a whole number from 1 to 2147483647) or null, got 0');
    expect(message).toBe(dutch('find.errors.unknownValue'));
  });

  it('gives the range of an invalid number', () => {
    const message = lineMessage('/criteria/0/1/values/0', 'must be a whole number from 0 to 100000, got -1');
    expect(message).toBe(dutch('find.errors.wholeNumber', { min: '0', max: '100.000' }));
  });

  it('reads the lines of a tile inside a dashboard', () => {
    const message = lineMessage('/tiles/2/criteria/0/1/values/0', 'must be a category group (potentialCustomer, customer, other) or null, got "x"', '/tiles/2/criteria');
    expect(message).toBe(dutch('find.errors.unknownValue'));
    expect(lineMessage('/tiles/1/criteria/0/1/values/0', 'must be a category id', '/tiles/2/criteria')).toBeUndefined();
  });
});
