import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type TestDatabase, createTestDatabase, testEngines } from '../support/databases.js';

describe.each(testEngines)('name folding on %s', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(() => database.dispose());

  const cases: Array<[string, string]> = [
    ['Émile', 'emile'],
    ['Öztürk', 'ozturk'],
    ['Şahin', 'sahin'],
    ['Łukasz Wróbel', 'lukasz wrobel'],
    ['Dvořák', 'dvorak'],
    ['Győr', 'gyor'],
    ['İlkay Yıldız', 'ilkay yildiz'],
    ['de Vries', 'de vries'],
  ];

  it.each(cases)('folds %s to %s', async (name, expected) => {
    const result = await sql<{ folded: string }>`select trechter_fold(${name}) as folded`.execute(database.db);
    expect(result.rows[0]?.folded).toBe(expected);
  });
});
