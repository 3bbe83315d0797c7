import type { Executor } from '../db/database.js';

/**
 * The company list's base query: companies joined with their category and owner. List filters,
 * sort, paging and group counts build on it, and single-company reads use it too.
 */
export function selectCompanyRows(db: Executor) {
  return db
    .selectFrom('companies as c')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('users as o', 'o.id', 'c.owner_id')
    .select([
      'c.id',
      'c.name',
      'c.category_id',
      'c.owner_id',
      'c.street',
      'c.postcode',
      'c.city',
      'c.country',
      'c.phone',
      'c.website',
      'c.registered_at',
      'c.updated_at',
      'c.version',
      'c.deleted_at',
      'cat.name_nl as category_name_nl',
      'cat.name_en as category_name_en',
      'cat.deleted as category_deleted',
      'cat.category_group',
      'cat.lead_status_enabled',
      'o.name as owner_name',
    ]);
}

export type CompanyListRow = Awaited<ReturnType<ReturnType<typeof selectCompanyRows>['executeTakeFirstOrThrow']>>;
