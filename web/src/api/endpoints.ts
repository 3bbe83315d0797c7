import { reportAutomation } from '../automation/automationOutcome';
import { apiRequest, buildUrl } from './client';
import type {
  Category,
  CategoryChangePreview,
  CategoryGroup,
  Company,
  CompanyHistoryPage,
  BulkUpdate,
  BulkUpdatePreview,
  BulkUpdateTarget,
  CompanyBulkChanges,
  CompanyBulkUpdatePreview,
  Criterion,
  Filter,
  GroupCounts,
  ItemsResponse,
  Language,
  LeadStatus,
  LeadStatusChange,
  Page,
  Person,
  PersonBulkChanges,
  Selection,
  SelectionEntity,
  SelectionKind,
  SelectionVisibility,
  Session,
  User,
} from './types';

/** The two record lists the app shows; also the API path segment. */
export type RecordKind = 'persons' | 'companies';

export const auth = {
  me: () => apiRequest<Session>('GET', '/api/auth/me', { allowUnauthenticated: true }),
  login: (email: string, password: string) =>
    apiRequest<Session>('POST', '/api/auth/login', { body: { email, password }, allowUnauthenticated: true }),
  logout: () => apiRequest<void>('POST', '/api/auth/logout', { allowUnauthenticated: true }),
  setLanguage: (language: Language) => apiRequest<unknown>('PATCH', '/api/auth/me', { body: { language } }),
};

export const lists = {
  categoryGroups: () => apiRequest<ItemsResponse<CategoryGroup>>('GET', '/api/category-groups'),
  categories: () => apiRequest<ItemsResponse<Category>>('GET', '/api/categories', { query: { includeDeleted: true } }),
  leadStatuses: () =>
    apiRequest<ItemsResponse<LeadStatus>>('GET', '/api/lead-statuses', { query: { includeDeleted: true } }),
  users: () => apiRequest<ItemsResponse<User>>('GET', '/api/users'),
};

export interface ListRequest {
  filter: Filter;
  sort: string;
  limit: number;
  cursor?: string | null;
  /** False skips counting the total. By default only the first page is counted. */
  includeTotal?: boolean;
  /** Lists the records of this saved selection instead of all records of the kind. */
  selectionId?: number;
}

/** Returns the API path of a list: all records of a kind, or the records of a saved selection. */
export function listPath(kind: RecordKind, selectionId?: number): string {
  return selectionId === undefined ? `/api/${kind}` : `/api/selections/${selectionId}/${kind}`;
}

/** Returns the filter as the API's query parameter takes it, or undefined for no filter. */
export function filterParameter(filter: Filter): string | undefined {
  return filter.length > 0 ? JSON.stringify(filter) : undefined;
}

export function fetchPage<T>(kind: RecordKind, request: ListRequest, signal?: AbortSignal): Promise<Page<T>> {
  return apiRequest<Page<T>>('GET', listPath(kind, request.selectionId), {
    query: {
      filter: filterParameter(request.filter),
      sort: request.sort,
      limit: request.limit,
      cursor: request.cursor,
      // The list shows the total of the first page, so later pages skip the costly count.
      includeTotal: request.includeTotal ?? (request.cursor ? false : undefined),
    },
    signal,
  });
}

export type CsvSeparator = 'comma' | 'semicolon';

/** A CSV export of a list: its filter and sort, the ids of the columns to write in their order, and the separator. */
export interface ExportRequest {
  filter: Filter;
  sort: string;
  columns: string[];
  separator: CsvSeparator;
  /** Exports the records of this saved selection instead of all records of the kind. */
  selectionId?: number;
  /** Exports only these of the list's records, such as the ticked rows. */
  ids?: number[];
}

/** Returns the address of a list's CSV export; the browser downloads it with the session cookie. */
export function exportUrl(kind: RecordKind, request: ExportRequest): string {
  const path = request.selectionId === undefined ? `/api/${kind}/export.csv` : `/api/selections/${request.selectionId}/export.csv`;
  return buildUrl(path, {
    filter: filterParameter(request.filter),
    sort: request.sort,
    columns: request.columns.join(','),
    separator: request.separator,
    ...(request.ids === undefined ? {} : { ids: request.ids.join(',') }),
  });
}

export function fetchGroupCounts(
  kind: RecordKind,
  by: string[],
  filter: Filter,
  signal?: AbortSignal,
  selectionId?: number,
): Promise<GroupCounts> {
  return apiRequest<GroupCounts>('GET', `${listPath(kind, selectionId)}/group-counts`, {
    query: { by: by.join(','), filter: filterParameter(filter) },
    signal,
  });
}

export type CompanyInput = Partial<
  Pick<Company, 'name' | 'categoryId' | 'ownerId' | 'street' | 'postcode' | 'city' | 'country' | 'phone' | 'website'>
>;

export type PersonInput = Partial<
  Pick<
    Person,
    | 'companyId'
    | 'salutation'
    | 'firstName'
    | 'middleName'
    | 'lastName'
    | 'jobTitle'
    | 'email'
    | 'phone'
    | 'mobile'
    | 'ownerId'
    | 'leadStatusId'
    | 'leadSource'
    | 'formerEmployee'
  >
>;

export const companies = {
  get: (id: number) => apiRequest<Company>('GET', `/api/companies/${id}`),
  create: (input: CompanyInput) => apiRequest<Company>('POST', '/api/companies', { body: input }),
  update: (id: number, version: number, input: CompanyInput) =>
    apiRequest<Company>('PATCH', `/api/companies/${id}`, { body: { ...input, version } }),
  remove: (id: number, version: number) =>
    apiRequest<void>('DELETE', `/api/companies/${id}`, { query: { version } }),
  restore: (id: number) => apiRequest<Company>('POST', `/api/companies/${id}/restore`),
  leadStatusHistory: (id: number, cursor: string | null) =>
    apiRequest<CompanyHistoryPage>('GET', `/api/companies/${id}/lead-status-history`, {
      query: { limit: 100, ...(cursor === null ? {} : { cursor }) },
    }),
  categoryChangePreview: (id: number, categoryId: number | null) =>
    apiRequest<CategoryChangePreview>('GET', `/api/companies/${id}/category-change-preview`, {
      query: { categoryId: categoryId ?? 'none' },
    }),
};

export const persons = {
  get: (id: number) => apiRequest<Person>('GET', `/api/persons/${id}`),
  // Setting a lead status may fire category automation; reportAutomation shows what it did.
  create: (input: PersonInput) => apiRequest<Person>('POST', '/api/persons', { body: input }).then(reportAutomation),
  update: (id: number, version: number, input: PersonInput, via?: 'board') =>
    apiRequest<Person>('PATCH', `/api/persons/${id}`, { body: { ...input, version }, ...(via ? { query: { via } } : {}) }).then(
      reportAutomation,
    ),
  remove: (id: number, version: number) => apiRequest<void>('DELETE', `/api/persons/${id}`, { query: { version } }),
  restore: (id: number) => apiRequest<Person>('POST', `/api/persons/${id}/restore`),
  leadStatusHistory: (id: number) =>
    apiRequest<ItemsResponse<LeadStatusChange>>('GET', `/api/persons/${id}/lead-status-history`),
};

export const preferences = {
  get: (key: string) => apiRequest<{ value: unknown }>('GET', `/api/preferences/${encodeURIComponent(key)}`),
  put: (key: string, value: unknown) =>
    apiRequest<unknown>('PUT', `/api/preferences/${encodeURIComponent(key)}`, { body: { value } }),
};

export interface SelectionInput {
  name: string;
  description?: string | null;
  entity: SelectionEntity;
  kind: SelectionKind;
  /** Criteria sets of a dynamic selection. */
  criteria?: Criterion[][];
  visibility?: SelectionVisibility;
  /** First members of a static selection. */
  memberIds?: number[];
}

export type SelectionPatch = Partial<Pick<SelectionInput, 'name' | 'description' | 'criteria' | 'visibility'>>;

export const selections = {
  list: (entity?: SelectionEntity) =>
    apiRequest<ItemsResponse<Selection>>('GET', '/api/selections', entity === undefined ? {} : { query: { entity } }),
  get: (id: number) => apiRequest<Selection>('GET', `/api/selections/${id}`),
  create: (input: SelectionInput) => apiRequest<Selection>('POST', '/api/selections', { body: input }),
  update: (id: number, version: number, patch: SelectionPatch) =>
    apiRequest<Selection>('PATCH', `/api/selections/${id}`, { body: { ...patch, version } }),
  remove: (id: number, version: number) => apiRequest<void>('DELETE', `/api/selections/${id}`, { query: { version } }),
  copy: (id: number, name?: string) =>
    apiRequest<Selection>('POST', `/api/selections/${id}/copy`, { body: name === undefined ? {} : { name } }),
  makeStatic: (id: number, version: number) =>
    apiRequest<Selection>('POST', `/api/selections/${id}/make-static`, { body: { version } }),
  addMembers: (id: number, ids: number[]) =>
    apiRequest<{ added: number }>('POST', `/api/selections/${id}/members`, { body: { ids } }),
  removeMembers: (id: number, ids: number[]) =>
    apiRequest<{ removed: number }>('POST', `/api/selections/${id}/members/remove`, { body: { ids } }),
};

export interface BulkUpdateRecord {
  recordId: number;
  name: string | null;
  outcome: 'changed' | 'unchanged' | 'refused';
  reason: string | null;
  doneAt: string;
}

export const bulkUpdates = {
  previewPersons: (target: BulkUpdateTarget, changes: PersonBulkChanges) =>
    apiRequest<BulkUpdatePreview>('POST', '/api/persons/bulk-update/preview', { body: { target, changes } }),
  startPersons: (target: BulkUpdateTarget, changes: PersonBulkChanges) =>
    apiRequest<BulkUpdate>('POST', '/api/persons/bulk-update', { body: { target, changes } }),
  previewCompanies: (target: BulkUpdateTarget, changes: CompanyBulkChanges) =>
    apiRequest<CompanyBulkUpdatePreview>('POST', '/api/companies/bulk-update/preview', { body: { target, changes } }),
  startCompanies: (target: BulkUpdateTarget, changes: CompanyBulkChanges) =>
    apiRequest<BulkUpdate>('POST', '/api/companies/bulk-update', { body: { target, changes } }),
  get: (id: number) => apiRequest<BulkUpdate>('GET', `/api/bulk-updates/${id}`),
  stop: (id: number) => apiRequest<BulkUpdate>('POST', `/api/bulk-updates/${id}/stop`),
  records: (id: number, after: number | null) =>
    apiRequest<{ items: BulkUpdateRecord[]; nextAfter: number | null }>('GET', `/api/bulk-updates/${id}/records`, {
      query: { limit: 500, ...(after === null ? {} : { after }) },
    }),
};
