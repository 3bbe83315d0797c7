/** Shapes of the API's JSON bodies, as the web app reads them. Field names follow the API. */

export type Language = 'nl' | 'en';
export type UserRole = 'administrator' | 'user';
export type CategoryGroupId = 'potentialCustomer' | 'customer' | 'partner' | 'lost' | 'other';

export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  language: Language;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

export interface User extends SessionUser {
  active: boolean;
}

export interface CategoryGroup {
  id: CategoryGroupId;
  name: string;
}

interface ListItem {
  id: number;
  name: string;
  description: string | null;
  nameNl: string | null;
  nameEn: string | null;
  descriptionNl: string | null;
  descriptionEn: string | null;
  sortOrder: number;
  deleted: boolean;
  version: number;
}

export interface Category extends ListItem {
  categoryGroup: CategoryGroupId;
  leadStatusEnabled: boolean;
}

export interface LeadStatus extends ListItem {
  isDefault: boolean;
}

export interface NamedRef {
  id: number;
  name: string;
}

export interface CategoryRef extends NamedRef {
  deleted: boolean;
  leadStatusEnabled: boolean;
}

export interface LeadStatusRef extends NamedRef {
  description: string | null;
  deleted: boolean;
}

export interface Person {
  id: number;
  companyId: number | null;
  company: NamedRef | null;
  salutation: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string;
  fullName: string;
  jobTitle: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  ownerId: number | null;
  owner: NamedRef | null;
  category: CategoryRef | null;
  categoryGroup: CategoryGroupId | null;
  leadStatusId: number | null;
  leadStatus: LeadStatusRef | null;
  leadStatusEnabled: boolean;
  /** True when the person keeps a lead status while its company's category has lead status off. */
  leadStatusRetained: boolean;
  leadStatusChangedAt: string | null;
  daysInStatus: number | null;
  leadSource: string | null;
  formerEmployee: boolean;
  registeredAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

export interface Company {
  id: number;
  name: string;
  categoryId: number | null;
  category: CategoryRef | null;
  categoryGroup: CategoryGroupId | null;
  ownerId: number | null;
  owner: NamedRef | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  country: string | null;
  phone: string | null;
  website: string | null;
  registeredAt: string;
  updatedAt: string;
  version: number;
  deletedAt: string | null;
}

export interface ItemsResponse<T> {
  items: T[];
}

export interface Page<T> {
  items: T[];
  /** Null on pages requested with includeTotal=false. */
  total: number | null;
  nextCursor: string | null;
}

/** One criteria line; lines of a filter are ANDed. A null value stands for "no value". */
export interface Criterion {
  field: string;
  operator: string;
  values: Array<string | number | boolean | null>;
}

/**
 * A list filter: one set of lines that are ANDed, or several such sets that are ORed (the find
 * screen and dynamic selections use sets).
 */
export type Filter = Criterion[] | Criterion[][];

export interface GroupKey {
  field: string;
  value: string | number | boolean | null;
  label: string | null;
  deleted?: boolean;
}

export interface GroupCounts {
  total: number;
  groups: Array<{ keys: GroupKey[]; count: number }>;
}

export interface CategoryChangePreview {
  startCycle: number;
  keep: number;
  retain: number;
  none: number;
}

export interface LeadStatusChange {
  id: number;
  from: (NamedRef & { deleted: boolean }) | null;
  to: (NamedRef & { deleted: boolean }) | null;
  changedAt: string;
  changedBy: NamedRef | null;
  source: string;
}

export interface CompanyLeadStatusChange extends LeadStatusChange {
  person: { id: number; fullName: string };
}

export interface CompanyHistoryPage {
  items: CompanyLeadStatusChange[];
  nextCursor: string | null;
}

export type SelectionEntity = 'person' | 'company';
export type SelectionKind = 'dynamic' | 'static';
export type SelectionVisibility = 'everyone' | 'owner';

export interface Selection {
  id: number;
  name: string;
  description: string | null;
  entity: SelectionEntity;
  kind: SelectionKind;
  /** Criteria sets of a dynamic selection; null for a static one. */
  criteria: Criterion[][] | null;
  owner: NamedRef;
  visibility: SelectionVisibility;
  /** Whether the signed-in user may change or delete it. */
  editable: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The records a bulk update works on: exactly one of a saved selection, a filter or ticked ids. */
export type BulkUpdateTarget = { selectionId: number } | { filter: Filter } | { ids: number[] };

export interface PersonBulkChanges {
  leadStatusId?: number;
  ownerId?: number | null;
}

export interface CompanyBulkChanges {
  categoryId: number | null;
}

export interface BulkUpdatePreview {
  total: number;
  change: number;
  unchanged: number;
  refused: Array<{ reason: 'leadStatusNotEnabled'; count: number }>;
}

/** Preview of moving companies to another category; no company is rejected. */
export interface CompanyBulkUpdatePreview {
  total: number;
  change: number;
  unchanged: number;
  /** Persons of the companies that would change. */
  persons: number;
}

export type BulkUpdateStatus = 'running' | 'stopping' | 'stopped' | 'done' | 'interrupted';

export interface BulkUpdate {
  id: number;
  status: BulkUpdateStatus;
  changes: { leadStatusId?: number; ownerId?: number | null; categoryId?: number | null };
  total: number;
  done: number;
  changed: number;
  unchanged: number;
  refused: number;
  createdAt: string;
  finishedAt: string | null;
}
