import { apiRequest } from './client';
import type {
  Category,
  CategoryChangePreview,
  CategoryGroup,
  Company,
  CompanyHistoryPage,
  Criterion,
  GroupCounts,
  ItemsResponse,
  Language,
  LeadStatus,
  LeadStatusChange,
  Page,
  Person,
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
  filter: Criterion[];
  sort: string;
  limit: number;
  cursor?: string | null;
  /** False skips counting the total. By default only the first page is counted. */
  includeTotal?: boolean;
}

export function fetchPage<T>(kind: RecordKind, request: ListRequest, signal?: AbortSignal): Promise<Page<T>> {
  return apiRequest<Page<T>>('GET', `/api/${kind}`, {
    query: {
      filter: request.filter.length > 0 ? JSON.stringify(request.filter) : undefined,
      sort: request.sort,
      limit: request.limit,
      cursor: request.cursor,
      // The list shows the total of the first page, so later pages skip the costly count.
      includeTotal: request.includeTotal ?? (request.cursor ? false : undefined),
    },
    signal,
  });
}

export function fetchGroupCounts(
  kind: RecordKind,
  by: string[],
  filter: Criterion[],
  signal?: AbortSignal,
): Promise<GroupCounts> {
  return apiRequest<GroupCounts>('GET', `/api/${kind}/group-counts`, {
    query: { by: by.join(','), filter: filter.length > 0 ? JSON.stringify(filter) : undefined },
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
  create: (input: PersonInput) => apiRequest<Person>('POST', '/api/persons', { body: input }),
  update: (id: number, version: number, input: PersonInput, via?: 'board') =>
    apiRequest<Person>('PATCH', `/api/persons/${id}`, { body: { ...input, version }, ...(via ? { query: { via } } : {}) }),
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
