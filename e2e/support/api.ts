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

  /** Soft-deletes a lead status. Only administrators may do this. */
  async deleteLeadStatus(id: number): Promise<void> {
    await this.send('DELETE', `/api/lead-statuses/${id}`);
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

  /** Creates a user with a password. Only administrators may do this. */
  async createUser(input: { name: string; email: string; password: string; role?: 'administrator' | 'user'; language?: 'nl' | 'en' }): Promise<{ id: number }> {
    return this.send('POST', '/api/users', input);
  }

  async users(): Promise<Array<{ id: number; name: string; email: string; role: string; active: boolean }>> {
    const { items } = await this.send<{ items: Array<{ id: number; name: string; email: string; role: string; active: boolean }> }>('GET', '/api/users');
    return items;
  }

  async apiTokens(): Promise<Array<{ id: number; name: string; revokedAt: string | null }>> {
    const { items } = await this.send<{ items: Array<{ id: number; name: string; revokedAt: string | null }> }>('GET', '/api/auth/tokens');
    return items;
  }
}
