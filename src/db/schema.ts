import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable, Updateable } from 'kysely';

/** Row types of the database tables. Columns are snake_case here and nowhere else. */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export const CATEGORY_GROUPS = ['potentialCustomer', 'customer', 'partner', 'lost', 'other'] as const;
export type CategoryGroup = (typeof CATEGORY_GROUPS)[number];

export const USER_ROLES = ['administrator', 'user'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The path through which a lead status changed; stored on every history record. */
export const LEAD_STATUS_CHANGE_SOURCES = [
  'edit',
  'board',
  'bulkUpdate',
  'import',
  'automation',
  'categoryChange',
  'companyChange',
  'form',
  'api',
] as const;
export type LeadStatusChangeSource = (typeof LEAD_STATUS_CHANGE_SOURCES)[number];

export interface UsersTable {
  id: Generated<number>;
  name: string;
  email: string;
  password_hash: string | null;
  role: UserRole;
  language: Language;
  available_for_distribution: Generated<boolean>;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The name folded for sorting (trechter_fold); the database computes it. */
  name_sort: GeneratedAlways<string>;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface UserPreferencesTable {
  user_id: number;
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  token_hash: string;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

interface ListItemColumns {
  id: Generated<number>;
  name_nl: string | null;
  name_en: string | null;
  description_nl: string | null;
  description_en: string | null;
  sort_order: number;
  deleted: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CategoriesTable extends ListItemColumns {
  category_group: CategoryGroup;
  lead_status_enabled: Generated<boolean>;
}

export interface LeadStatusesTable extends ListItemColumns {
  is_default: Generated<boolean>;
}

export interface CompaniesTable {
  id: Generated<number>;
  name: string;
  category_id: number | null;
  owner_id: number | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  website: string | null;
  registered_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
  /** The name folded for sorting (trechter_fold); the database computes it. */
  name_sort: GeneratedAlways<string>;
}

export interface PersonsTable {
  id: Generated<number>;
  company_id: number | null;
  salutation: string | null;
  first_name: string | null;
  middle_name: string | null;
  last_name: string;
  job_title: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  owner_id: number | null;
  lead_status_id: number | null;
  lead_status_changed_at: NullableTimestamp;
  lead_source: string | null;
  former_employee: Generated<boolean>;
  registered_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
}

export interface LeadStatusChangesTable {
  id: Generated<number>;
  person_id: number;
  from_status_id: number | null;
  to_status_id: number | null;
  changed_at: Timestamp;
  changed_by: number | null;
  source: LeadStatusChangeSource;
}

/**
 * Changes to the number of non-deleted persons per lead status, company category and owner,
 * appended by triggers; the sum per combination is the count. The triggers that keep it are in
 * migrations/003-person-counts.ts and 009-dashboard-counts.ts.
 */
export interface PersonCountsTable {
  id: Generated<string>;
  lead_status_id: number | null;
  category_id: number | null;
  owner_id: number | null;
  persons: number;
  /** Of `persons`, those with a date of their last lead status change. */
  dated_persons: number;
  /** Sum of those dates in seconds since 1970, as numeric text. */
  status_seconds: string;
}

/**
 * Changes to the number of non-deleted persons with a lead source, per folded lead source, lead
 * status, company category and owner; kept like person_counts (migrations/009-dashboard-counts.ts).
 */
export interface LeadSourceCountsTable {
  id: Generated<string>;
  lead_source_key: string;
  /** One spelling of the lead source, to show. */
  lead_source: string;
  lead_status_id: number | null;
  category_id: number | null;
  owner_id: number | null;
  persons: number;
}

export const SELECTION_ENTITIES = ['person', 'company'] as const;
export type SelectionEntity = (typeof SELECTION_ENTITIES)[number];
export const SELECTION_KINDS = ['dynamic', 'static'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export const SELECTION_VISIBILITIES = ['everyone', 'owner'] as const;
export type SelectionVisibility = (typeof SELECTION_VISIBILITIES)[number];

export interface SelectionsTable {
  id: Generated<number>;
  name: string;
  description: string | null;
  entity: SelectionEntity;
  kind: SelectionKind;
  /** Criteria sets of a dynamic selection; null for a static one. */
  criteria: ColumnType<unknown, string | null, string | null>;
  owner_id: number;
  visibility: SelectionVisibility;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SelectionMembersTable {
  selection_id: number;
  record_id: number;
  added_at: CreatedAt;
}

export const BULK_UPDATE_STATUSES = ['running', 'stopping', 'stopped', 'done', 'interrupted'] as const;
export type BulkUpdateStatus = (typeof BULK_UPDATE_STATUSES)[number];
export const BULK_UPDATE_OUTCOMES = ['changed', 'unchanged', 'refused'] as const;
export type BulkUpdateOutcome = (typeof BULK_UPDATE_OUTCOMES)[number];

export interface BulkUpdatesTable {
  id: Generated<number>;
  entity: 'person' | 'company';
  /** The values the run sets, such as {"leadStatusId": 2}. */
  changes: ColumnType<unknown, string, string>;
  status: Generated<BulkUpdateStatus>;
  total: number;
  created_by: number | null;
  created_at: CreatedAt;
  finished_at: NullableTimestamp;
}

export interface BulkUpdateRecordsTable {
  bulk_update_id: number;
  record_id: number;
  outcome: BulkUpdateOutcome | null;
  reason: string | null;
  done_at: NullableTimestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  user_id: number | null;
  entity: string;
  entity_id: number;
  action: string;
  changes: ColumnType<unknown, string, string>;
  at: CreatedAt;
}

export const SALE_STATUSES = ['open', 'sold', 'lost'] as const;
export type SaleStatus = (typeof SALE_STATUSES)[number];

export interface SalesTable {
  id: Generated<number>;
  title: string;
  company_id: number;
  person_id: number | null;
  owner_id: number | null;
  /** numeric(14,2): the drivers return it as text, such as "1250.00". */
  amount: ColumnType<string | null, number | string | null, number | string | null>;
  status: Generated<SaleStatus>;
  /** A calendar date without time zone, written and read as "YYYY-MM-DD" text. */
  sale_date: ColumnType<unknown, string, string>;
  reason: string | null;
  registered_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  deleted_at: NullableTimestamp;
}

/** The events that can move a company to another category. */
export const AUTOMATION_TRIGGERS = ['leadStatusSet', 'saleRegistered', 'saleSold', 'saleLost'] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export interface AutomationRulesTable {
  trigger: AutomationTrigger;
  enabled: Generated<boolean>;
  lead_status_id: number | null;
  target_category_id: number | null;
  ask_confirmation: Generated<boolean>;
}

/** One row (id 1) with the version that the automation rules share. */
export interface AutomationSettingsTable {
  id: number;
  version: Generated<number>;
  updated_at: Timestamp;
}

export interface DashboardsTable {
  id: Generated<number>;
  name: string;
  /** Null for the default dashboard of a database that had no administrator yet. */
  owner_id: number | null;
  shared: Generated<boolean>;
  is_default: Generated<boolean>;
  /** The tiles as the API shows them (Tile[]). */
  tiles: ColumnType<unknown, string, string>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  user_preferences: UserPreferencesTable;
  api_tokens: ApiTokensTable;
  categories: CategoriesTable;
  lead_statuses: LeadStatusesTable;
  companies: CompaniesTable;
  persons: PersonsTable;
  lead_status_changes: LeadStatusChangesTable;
  person_counts: PersonCountsTable;
  lead_source_counts: LeadSourceCountsTable;
  selections: SelectionsTable;
  selection_members: SelectionMembersTable;
  bulk_updates: BulkUpdatesTable;
  bulk_update_records: BulkUpdateRecordsTable;
  audit_log: AuditLogTable;
  sales: SalesTable;
  automation_rules: AutomationRulesTable;
  automation_settings: AutomationSettingsTable;
  dashboards: DashboardsTable;
}

export type UserRow = Selectable<UsersTable>;
export type CategoryRow = Selectable<CategoriesTable>;
export type LeadStatusRow = Selectable<LeadStatusesTable>;
export type CompanyRow = Selectable<CompaniesTable>;
export type PersonRow = Selectable<PersonsTable>;
export type NewPersonRow = Insertable<PersonsTable>;
export type PersonRowUpdate = Updateable<PersonsTable>;
export type LeadStatusChangeRow = Selectable<LeadStatusChangesTable>;
