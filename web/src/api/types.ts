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
