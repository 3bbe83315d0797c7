import type { Executor } from '../db/database.js';

/**
 * The person list's base query: persons joined with everything the person object shows (company,
 * category, lead status, owner). List filters, sort, paging and group counts build on it, and
 * single-person reads use it too, so a person looks the same everywhere.
 */
export function selectPersonRows(db: Executor) {
  return db
    .selectFrom('persons as p')
    .leftJoin('companies as c', 'c.id', 'p.company_id')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .leftJoin('lead_statuses as ls', 'ls.id', 'p.lead_status_id')
    .leftJoin('users as o', 'o.id', 'p.owner_id')
    .select([
      'p.id',
      'p.company_id',
      'p.salutation',
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.job_title',
      'p.email',
      'p.phone',
      'p.mobile',
      'p.owner_id',
      'p.lead_status_id',
      'p.lead_status_changed_at',
      'p.lead_source',
      'p.former_employee',
      'p.registered_at',
      'p.updated_at',
      'p.version',
      'p.deleted_at',
      'c.name as company_name',
      'c.category_id',
      'cat.name_nl as category_name_nl',
      'cat.name_en as category_name_en',
      'cat.deleted as category_deleted',
      'cat.category_group',
      'cat.lead_status_enabled',
      'ls.name_nl as lead_status_name_nl',
      'ls.name_en as lead_status_name_en',
      'ls.description_nl as lead_status_description_nl',
      'ls.description_en as lead_status_description_en',
      'ls.deleted as lead_status_deleted',
      'o.name as owner_name',
    ]);
}

export type PersonListRow = Awaited<ReturnType<ReturnType<typeof selectPersonRows>['executeTakeFirstOrThrow']>>;
