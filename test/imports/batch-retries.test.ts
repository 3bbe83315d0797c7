import { describe, expect, it } from 'vitest';

import { RowRejectedError, type WrittenRow } from '../../src/imports/batch-writer.js';
import type { PersonPlan, PlannedRow } from '../../src/imports/row-plan.js';
import { writeBatchWithRetries } from '../../src/imports/run-import.js';

function plannedRow(rowNumber: number): PlannedRow {
  const person: PersonPlan = {
    firstRowNumber: rowNumber,
    company: null,
    salutation: null,
    firstName: null,
    middleName: null,
    lastName: `Person ${rowNumber}`,
    jobTitle: null,
    email: null,
    phone: null,
    mobile: null,
    leadSource: null,
    ownerId: null,
    leadStatusId: null,
    registeredAt: null,
  };
  return { rowNumber, person, warnings: [] };
}

function written(rows: PlannedRow[]): WrittenRow[] {
  return rows.map((row) => ({ rowNumber: row.rowNumber, outcome: 'created', personId: row.rowNumber, description: '', warnings: [] }));
}

describe('writeBatchWithRetries', () => {
  const batch = [2, 3, 4, 5].map(plannedRow);

  it('writes the batch again without each row that a service rejects', async () => {
    const attempts: number[][] = [];
    const outcome = await writeBatchWithRetries(batch, async (rows) => {
      attempts.push(rows.map((row) => row.rowNumber));
      const rejected = rows.find((row) => row.rowNumber === 3 || row.rowNumber === 5);
      if (rejected !== undefined) throw new RowRejectedError(rejected.rowNumber, `row ${rejected.rowNumber} is invalid`);
      return written(rows);
    });

    expect(attempts).toEqual([
      [2, 3, 4, 5],
      [2, 4, 5],
      [2, 4],
    ]);
    expect(outcome.written.map((row) => row.rowNumber)).toEqual([2, 4]);
    expect([...outcome.rejected]).toEqual([
      [3, 'row 3 is invalid'],
      [5, 'row 5 is invalid'],
    ]);
    expect(outcome.failure).toBeUndefined();
  });

  it('fails the whole batch on any other error', async () => {
    const error = new Error('connection lost');
    const outcome = await writeBatchWithRetries(batch, async () => {
      throw error;
    });

    expect(outcome.written).toEqual([]);
    expect(outcome.failure?.error).toBe(error);
    expect(outcome.failure?.rows.map((row) => row.rowNumber)).toEqual([2, 3, 4, 5]);
  });

  it('fails the batch when a rejected row is not part of it', async () => {
    const outcome = await writeBatchWithRetries(batch, async () => {
      throw new RowRejectedError(99, 'not in this batch');
    });

    expect(outcome.failure?.error).toBeInstanceOf(RowRejectedError);
    expect(outcome.rejected.size).toBe(0);
  });
});
