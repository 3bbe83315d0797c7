import { sql } from 'kysely';

import type { Executor } from '../db/database.js';

/** Sales with the names of their company, person and owner; deleted sales included. */
export function selectSaleRows(db: Executor) {
  return db
    .selectFrom('sales as s')
    .innerJoin('companies as c', 'c.id', 's.company_id')
    .leftJoin('persons as p', 'p.id', 's.person_id')
    .leftJoin('users as u', 'u.id', 's.owner_id')
    .select([
      's.id',
      's.title',
      's.company_id',
      'c.name as company_name',
      's.person_id',
      'p.first_name as person_first_name',
      'p.middle_name as person_middle_name',
      'p.last_name as person_last_name',
      's.owner_id',
      'u.name as owner_name',
      's.amount',
      's.status',
      // As text, because the drivers would turn a date into a Date at midnight in the server's time zone.
      sql<string>`to_char(s.sale_date, 'YYYY-MM-DD')`.as('sale_date'),
      's.reason',
      's.registered_at',
      's.updated_at',
      's.version',
      's.deleted_at',
    ]);
}

export type SaleRow = Awaited<ReturnType<ReturnType<typeof selectSaleRows>['executeTakeFirstOrThrow']>>;
