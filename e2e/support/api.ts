import type { APIRequestContext } from '@playwright/test';

/** Test data made through the REST API, so each test starts from what it needs. */
export class TrechterApi {
  private readonly categoryIds = new Map<string, number>();
  private readonly statusIds = new Map<string, number>();

  constructor(
    private readonly request: APIRequestContext,
    private readonly csrfToken: string,
  ) {}

  private async send<T>(method: string, url: string, data?: unknown): Promise<T> {
    const response = await this.request.fetch(url, {
      method,
      data,
      headers: method === 'GET' ? {} : { 'X-CSRF-Token': this.csrfToken },
    });
    if (!response.ok()) throw new Error(`${method} ${url} failed with ${response.status()}: ${await response.text()}`);
    return (response.status() === 204 ? undefined : await response.json()) as T;
  }

  /** Looks up a category by its Dutch or English name. */
  async categoryId(name: string): Promise<number> {
    if (this.categoryIds.size === 0) {
      const { items } = await this.send<{ items: Array<{ id: number; nameNl: string | null; nameEn: string | null }> }>('GET', '/api/categories');
      for (const item of items) {
        if (item.nameNl) this.categoryIds.set(item.nameNl, item.id);
        if (item.nameEn) this.categoryIds.set(item.nameEn, item.id);
      }
    }
    const id = this.categoryIds.get(name);
    if (id === undefined) throw new Error(`no category named ${name}`);
    return id;
  }

  /** Looks up a lead status by its Dutch or English name. */
  async leadStatusId(name: string): Promise<number> {
    if (this.statusIds.size === 0) {
      const { items } = await this.send<{ items: Array<{ id: number; nameNl: string | null; nameEn: string | null }> }>('GET', '/api/lead-statuses');
      for (const item of items) {
        if (item.nameNl) this.statusIds.set(item.nameNl, item.id);
        if (item.nameEn) this.statusIds.set(item.nameEn, item.id);
      }
    }
    const id = this.statusIds.get(name);
    if (id === undefined) throw new Error(`no lead status named ${name}`);
    return id;
  }

  async createCompany(input: { name: string; category?: string; city?: string }): Promise<{ id: number; version: number }> {
    const categoryId = input.category === undefined ? null : await this.categoryId(input.category);
    return this.send('POST', '/api/companies', { name: input.name, categoryId, city: input.city ?? null });
  }

  async updateCompany(id: number, version: number, input: Record<string, unknown>): Promise<{ id: number; version: number }> {
    return this.send('PATCH', `/api/companies/${id}`, { ...input, version });
  }

  async createPerson(input: {
    lastName: string;
    firstName?: string;
    middleName?: string;
    companyId?: number | null;
    jobTitle?: string;
    email?: string;
  }): Promise<{ id: number; version: number; fullName: string }> {
    return this.send('POST', '/api/persons', input);
  }

  async getPerson(id: number): Promise<{ id: number; version: number; ownerId: number | null; leadStatus: { name: string } | null }> {
    return this.send('GET', `/api/persons/${id}`);
  }

  /** Returns the person's lead status changes, newest first. */
  async leadStatusHistory(personId: number): Promise<Array<{ from: { name: string } | null; to: { name: string } | null; source: string }>> {
    const { items } = await this.send<{ items: Array<{ from: { name: string } | null; to: { name: string } | null; source: string }> }>(
      'GET',
      `/api/persons/${personId}/lead-status-history`,
    );
    return items;
  }

  /** Counts the persons matching a filter, per value of one list field. */
  async personGroupCounts(by: string, filter: unknown[]): Promise<{ total: number; groups: Array<{ count: number }> }> {
    const query = new URLSearchParams({ by, filter: JSON.stringify(filter) });
    return this.send('GET', `/api/persons/group-counts?${query.toString()}`);
  }

  /** Creates a category with a Dutch name only. Only administrators may do this. */
  async createCategory(input: { name: string; categoryGroup: string; leadStatusEnabled: boolean }): Promise<{ id: number }> {
    return this.send('POST', '/api/categories', { nameNl: input.name, categoryGroup: input.categoryGroup, leadStatusEnabled: input.leadStatusEnabled });
  }

  async currentUser(): Promise<{ id: number; name: string }> {
    const { user } = await this.send<{ user: { id: number; name: string } }>('GET', '/api/auth/me');
    return user;
  }

  async updatePerson(id: number, version: number, input: Record<string, unknown>): Promise<{ id: number; version: number }> {
    return this.send('PATCH', `/api/persons/${id}`, { ...input, version });
  }

  async setLanguage(language: 'nl' | 'en'): Promise<void> {
    await this.send('PATCH', '/api/auth/me', { language });
  }

  /** Forgets a saved list layout, so the list shows its default columns, sort and grouping. */
  async resetListLayout(key: string): Promise<void> {
    await this.send('PUT', `/api/preferences/${key}`, { value: null });
  }

  /** Saves a dynamic person selection with one set of criteria lines. */
  async createPersonSelection(name: string, criteria: unknown[]): Promise<{ id: number }> {
    return this.send('POST', '/api/selections', { name, entity: 'person', kind: 'dynamic', criteria: [criteria], visibility: 'everyone' });
  }

  /** Returns how many persons a saved selection holds, as its record list counts them. */
  async selectionPersonCount(id: number): Promise<number> {
    const page = await this.send<{ total: number }>('GET', `/api/selections/${id}/persons?limit=1`);
    return page.total;
  }

  /** Counts the persons matching a filter (one set of lines, or sets of lines), as the person list does. */
  async personTotal(filter: unknown[]): Promise<number> {
    const query = new URLSearchParams({ filter: JSON.stringify(filter), limit: '1' });
    const page = await this.send<{ total: number }>('GET', `/api/persons?${query.toString()}`);
    return page.total;
  }

  /** Saves a selection: dynamic with criteria sets, or static with member ids. */
  async createSelection(input: {
    name: string;
    entity: 'person' | 'company';
    kind: 'dynamic' | 'static';
    description?: string;
    criteria?: unknown[];
    memberIds?: number[];
    visibility?: 'everyone' | 'owner';
  }): Promise<SelectionRecord> {
    return this.send('POST', '/api/selections', input);
  }

  async getSelection(id: number): Promise<SelectionRecord> {
    return this.send('GET', `/api/selections/${id}`);
  }

  async updateSelection(
    id: number,
    version: number,
    patch: { name?: string; description?: string | null; visibility?: 'everyone' | 'owner'; criteria?: unknown[] },
  ): Promise<SelectionRecord> {
    return this.send('PATCH', `/api/selections/${id}`, { ...patch, version });
  }

  async listSelections(): Promise<SelectionRecord[]> {
    const { items } = await this.send<{ items: SelectionRecord[] }>('GET', '/api/selections');
    return items;
  }

  /** Returns the HTTP status of reading a selection, such as 404 for a deleted or private one. */
  async selectionStatus(id: number): Promise<number> {
    const response = await this.request.fetch(`/api/selections/${id}`);
    return response.status();
  }

  /** Counts the records of a selection, as its list in the app counts them. */
  async selectionTotal(id: number, entity: 'person' | 'company'): Promise<number> {
    const page = await this.send<{ total: number }>('GET', `/api/selections/${id}/${entity === 'person' ? 'persons' : 'companies'}?limit=1`);
    return page.total;
  }

  /** Creates a user who signs in with a password. Only administrators may do this. */
  async createUser(input: {
    name: string;
    email: string;
    password: string;
    role?: 'administrator' | 'user';
    language?: 'nl' | 'en';
  }): Promise<{ id: number; name: string }> {
    return this.send('POST', '/api/users', input);
  }

  /** Creates `count` persons with twenty requests at a time. `input` gives the fields of the person at each index. */
  async createPersons(
    count: number,
    input: (index: number) => { lastName: string; firstName?: string; companyId?: number | null },
  ): Promise<Array<{ id: number; version: number; fullName: string }>> {
    const created: Array<{ id: number; version: number; fullName: string }> = [];
    for (let start = 0; start < count; start += 20) {
      const indexes = Array.from({ length: Math.min(20, count - start) }, (_, offset) => start + offset);
      created.push(...(await Promise.all(indexes.map((index) => this.createPerson(input(index))))));
    }
    return created;
  }

  async getCompany(id: number): Promise<{ id: number; version: number; category: { name: string } | null }> {
    return this.send('GET', `/api/companies/${id}`);
  }

  /** Returns the progress and counts of a bulk update. */
  async getBulkUpdate(id: number): Promise<{ status: string; total: number; done: number; changed: number; unchanged: number; refused: number }> {
    return this.send('GET', `/api/bulk-updates/${id}`);
  }

  /** Adds a lead status with a Dutch name only. Only administrators may do this. */
  async createLeadStatus(name: string): Promise<{ id: number }> {
    return this.send('POST', '/api/lead-statuses', { nameNl: name });
  }

  /** Deletes a lead status (soft, restorable). Only administrators may do this. */
  async deleteLeadStatus(id: number): Promise<void> {
    await this.send('DELETE', `/api/lead-statuses/${id}`);
  }

  /** Returns the lead statuses in list order, deleted ones included. */
  async leadStatuses(): Promise<Array<{ id: number; name: string; nameNl: string | null; isDefault: boolean; deleted: boolean; version: number }>> {
    const { items } = await this.send<{ items: Array<{ id: number; name: string; nameNl: string | null; isDefault: boolean; deleted: boolean; version: number }> }>(
      'GET',
      '/api/lead-statuses?includeDeleted=true',
    );
    return items;
  }

  /** Makes a lead status the default for new leads. Only administrators may do this. */
  async makeDefaultLeadStatus(id: number): Promise<void> {
    const status = (await this.leadStatuses()).find((item) => item.id === id);
    if (status === undefined) throw new Error(`no lead status with id ${id}`);
    await this.send('PATCH', `/api/lead-statuses/${id}`, { isDefault: true, version: status.version });
  }

  async getCategory(id: number): Promise<{ id: number; categoryGroup: string; leadStatusEnabled: boolean; version: number }> {
    return this.send('GET', `/api/categories/${id}`);
  }

  /** Sends a PATCH to a category and returns the status and problem code, without failing on an error. */
  async tryUpdateCategory(id: number, input: Record<string, unknown>): Promise<{ status: number; code: string | null }> {
    const response = await this.request.fetch(`/api/categories/${id}`, { method: 'PATCH', data: input, headers: { 'X-CSRF-Token': this.csrfToken } });
    const body = (await response.json().catch(() => ({}))) as { code?: string };
    return { status: response.status(), code: body.code ?? null };
  }

  async users(): Promise<Array<{ id: number; name: string; email: string; role: string; active: boolean }>> {
    const { items } = await this.send<{ items: Array<{ id: number; name: string; email: string; role: string; active: boolean }> }>('GET', '/api/users');
    return items;
  }

  /** Returns the lead statuses or categories with their Dutch and English names, in list order. */
  async listItems(list: 'lead-statuses' | 'categories'): Promise<Array<{ id: number; nameNl: string | null; nameEn: string | null }>> {
    const { items } = await this.send<{ items: Array<{ id: number; nameNl: string | null; nameEn: string | null }> }>('GET', `/api/${list}`);
    return items;
  }

  async apiTokens(): Promise<Array<{ id: number; name: string; revokedAt: string | null }>> {
    const { items } = await this.send<{ items: Array<{ id: number; name: string; revokedAt: string | null }> }>('GET', '/api/auth/tokens');
    return items;
  }
}

/** A saved selection as the API returns it. */
export interface SelectionRecord {
  id: number;
  name: string;
  description: string | null;
  entity: 'person' | 'company';
  kind: 'dynamic' | 'static';
  visibility: 'everyone' | 'owner';
  owner: { id: number; name: string };
  editable: boolean;
  /** Criteria sets of a dynamic selection; null for a static one. */
  criteria: unknown[] | null;
  version: number;
}
