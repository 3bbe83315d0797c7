import { apiRequest } from '../api/client';
import type { Category, CategoryGroupId, ItemsResponse, Language, LeadStatus, UserRole } from '../api/types';

/** The two lists an administrator edits; also the API path segment. */
export type ListKind = 'categories' | 'lead-statuses';

export type ListItemOf<K extends ListKind> = K extends 'categories' ? Category : LeadStatus;
export type AnyListItem = Category | LeadStatus;

/** How many records hold a list item. Lead statuses are held by persons only. */
export interface ListItemUsage {
  companies: number;
  persons: number;
}

/** Names and descriptions in both languages; null clears a translation. */
export interface ListItemTextInput {
  nameNl?: string | null;
  nameEn?: string | null;
  descriptionNl?: string | null;
  descriptionEn?: string | null;
}

export interface CategoryInput extends ListItemTextInput {
  categoryGroup?: CategoryGroupId;
  leadStatusEnabled?: boolean;
}

export interface LeadStatusInput extends ListItemTextInput {
  isDefault?: boolean;
}

export type ListItemInput = CategoryInput | LeadStatusInput;

export const listItems = {
  list: (kind: ListKind) => apiRequest<ItemsResponse<AnyListItem>>('GET', `/api/${kind}`, { query: { includeDeleted: true } }),
  create: (kind: ListKind, input: ListItemInput) => apiRequest<AnyListItem>('POST', `/api/${kind}`, { body: input }),
  update: (kind: ListKind, id: number, version: number, input: ListItemInput) =>
    apiRequest<AnyListItem>('PATCH', `/api/${kind}/${id}`, { body: { ...input, version } }),
  remove: (kind: ListKind, id: number) => apiRequest<void>('DELETE', `/api/${kind}/${id}`),
  restore: (kind: ListKind, id: number) => apiRequest<AnyListItem>('POST', `/api/${kind}/${id}/restore`),
  reorder: (kind: ListKind, ids: number[]) => apiRequest<void>('POST', `/api/${kind}/reorder`, { body: { ids } }),
  usage: (kind: ListKind, id: number) => apiRequest<ListItemUsage>('GET', `/api/${kind}/${id}/usage`),
};

/** A user with the fields that administration needs and the owner pickers leave out. */
export interface AdminUser {
  id: number;
  name: string;
  email: string;
  role: UserRole;
  language: Language;
  availableForDistribution: boolean;
  active: boolean;
  version: number;
}

export interface UserInput {
  name?: string;
  email?: string;
  password?: string;
  role?: UserRole;
  language?: Language;
  availableForDistribution?: boolean;
  active?: boolean;
}

/** Minimum password length the API accepts for a new or reset password. */
export const MIN_PASSWORD_LENGTH = 10;

export const users = {
  list: () => apiRequest<ItemsResponse<AdminUser>>('GET', '/api/users'),
  create: (input: UserInput) => apiRequest<AdminUser>('POST', '/api/users', { body: input }),
  update: (id: number, version: number, input: UserInput) =>
    apiRequest<AdminUser>('PATCH', `/api/users/${id}`, { body: { ...input, version } }),
};

export interface ApiToken {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token just created; `token` is the secret, which the API returns only this once. */
export interface CreatedApiToken {
  id: number;
  name: string;
  token: string;
}

export const apiTokens = {
  list: () => apiRequest<ItemsResponse<ApiToken>>('GET', '/api/auth/tokens'),
  create: (name: string) => apiRequest<CreatedApiToken>('POST', '/api/auth/tokens', { body: { name } }),
  revoke: (id: number) => apiRequest<void>('DELETE', `/api/auth/tokens/${id}`),
};

export const AUTOMATION_TRIGGERS = ['leadStatusSet', 'saleRegistered', 'saleSold', 'saleLost'] as const;
export type AutomationTrigger = (typeof AUTOMATION_TRIGGERS)[number];

export interface AutomationRule {
  trigger: AutomationTrigger;
  enabled: boolean;
  /** The status that fires the rule; only the leadStatusSet rule has one. */
  leadStatusId: number | null;
  targetCategoryId: number | null;
  askConfirmation: boolean;
}

export interface AutomationRules {
  rules: AutomationRule[];
  version: number;
}

export const automationRules = {
  get: () => apiRequest<AutomationRules>('GET', '/api/automation-rules'),
  put: (rules: AutomationRule[], version: number) =>
    apiRequest<AutomationRules>('PUT', '/api/automation-rules', { body: { rules, version } }),
};

export interface AuditEntry {
  id: number;
  at: string;
  user: { id: number; name: string } | null;
  entity: string;
  entityId: number;
  action: string;
  changes: unknown;
}

export interface AuditLogPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditLogFilter {
  entity: string;
  userId: string;
  /** Inclusive dates as yyyy-mm-dd, empty for no bound. */
  from: string;
  to: string;
}

/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 50;

export const auditLog = {
  page: (filter: AuditLogFilter, cursor: string | null, signal?: AbortSignal) =>
    apiRequest<AuditLogPage>('GET', '/api/audit-log', {
      query: {
        entity: filter.entity,
        userId: filter.userId,
        from: startOfDay(filter.from),
        to: startOfDay(filter.to, 1),
        cursor,
        limit: AUDIT_PAGE_SIZE,
      },
      signal,
    }),
};

/**
 * Converts a yyyy-mm-dd date to the ISO moment its day starts in the browser's time zone, moved by
 * `addDays`. The upper bound of a range uses the next day's start, so the whole last day counts.
 */
function startOfDay(date: string, addDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return undefined;
  const moment = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return moment.toISOString();
}

/** Query keys of the administration screens; the shared list keys live in api/queries. */
export const adminKeys = {
  listItems: (kind: ListKind, language: Language) => ['admin', 'listItems', kind, language] as const,
  usage: (kind: ListKind, id: number) => ['admin', 'usage', kind, id] as const,
  users: ['admin', 'users'] as const,
  apiTokens: ['admin', 'apiTokens'] as const,
  automationRules: ['admin', 'automationRules'] as const,
  auditLog: (filter: AuditLogFilter) => ['admin', 'auditLog', filter] as const,
};
