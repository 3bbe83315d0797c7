import { readFileSync } from 'node:fs';

import type { Page, Route } from '@playwright/test';

import { ADMIN_NAME } from './support/accounts';
import type { TrechterApi } from './support/api';
import { expect, saveScreenshot, test } from './support/fixtures';
import { expectNoDutch } from './support/no-dutch';

/*
 * NOTE: these tests serve /api/dashboards and /api/dashboards/tile-data with routed responses
 * (page.route) that follow the dashboards API contract, so they do not depend on the server's
 * dashboards routes. Everything else, such as lead statuses, users and the find screen, is the
 * real server. To run them against the server's own dashboards, drop `routeDashboards` and read
 * ids, counts and criteria from the API instead of from `DashboardServer`.
 */

type Criterion = { field: string; operator: string; values: Array<string | number | boolean | null> };
type Criteria = Criterion[][];
type Language = 'nl' | 'en';

interface Layout {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Tile {
  id: string;
  type: string;
  title: string;
  entity: 'person' | 'company';
  criteria: Criteria;
  measure: string;
  by: string | null;
  period: { field: string; range: string; days?: number } | null;
  sort?: string;
  limit?: number;
  steps?: number[];
  layout: Layout;
}

interface Dashboard {
  id: number;
  name: string;
  owner: { id: number; name: string };
  shared: boolean;
  editable: boolean;
  isDefault: boolean;
  updatedAt: string;
  version: number;
  tiles: Tile[];
}

interface TileDataRequest {
  tile: Tile;
  period?: { field: string; range: string; days?: number };
  ownerId?: number | 'currentUser' | null;
}

const LEAD_STATUS_NAMES = ['Open', 'Contact opnemen', 'Gediskwalificeerd', 'Opnieuw benaderen', 'Gekwalificeerd'] as const;
type StatusName = (typeof LEAD_STATUS_NAMES)[number];

const ALL_LEADS: Criterion = { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] };

/** Counts of the leads-by-status tile, the number the drill-down test follows. */
const LEADS_BY_STATUS: Record<StatusName, number> = {
  Open: 48,
  'Contact opnemen': 31,
  Gediskwalificeerd: 9,
  'Opnieuw benaderen': 14,
  Gekwalificeerd: 22,
};

const AVERAGE_DAYS: Record<StatusName, number> = {
  Open: 12.4,
  'Contact opnemen': 6.8,
  Gediskwalificeerd: 3.1,
  'Opnieuw benaderen': 41.5,
  Gekwalificeerd: 8.2,
};

const WAITING_LEADS = [
  ['Sanne de Vries', 'Bakkerij Jansen', 64],
  ['Mohamed El Amrani', 'Installatiebedrijf Noord', 58],
  ['Lotte Bakker', 'Drukkerij Zomer', 51],
  ['Pieter van den Berg', 'Hoveniers Groenrijk', 47],
  ['Eva Smit', 'Fietsenmakerij De Spaak', 39],
  ['Daan Visser', 'Adviesbureau Kompas', 33],
  ['Fleur Mulder', 'Kapsalon Knip', 26],
  ['Jesse de Boer', 'Schildersbedrijf Kleur', 21],
] as const;

/** Names and ids of the real lead statuses and categories, so routed data matches the server's lists. */
interface ListNames {
  statuses: Map<StatusName, { id: number; nl: string; en: string }>;
  categories: Array<{ id: number; nl: string; en: string }>;
  adminId: number;
}

async function loadListNames(api: TrechterApi): Promise<ListNames> {
  const statuses = new Map<StatusName, { id: number; nl: string; en: string }>();
  for (const item of await api.listItems('lead-statuses')) {
    const name = LEAD_STATUS_NAMES.find((candidate) => candidate === item.nameNl);
    if (name !== undefined && !statuses.has(name)) statuses.set(name, { id: item.id, nl: item.nameNl ?? '', en: item.nameEn ?? '' });
  }
  const wanted = ['Lead', 'Marketinggekwalificeerde lead (MQL)', 'Opportunity', 'Verloren opportunity'];
  const categories = (await api.listItems('categories'))
    .filter((item) => wanted.includes(item.nameNl ?? ''))
    .map((item) => ({ id: item.id, nl: item.nameNl ?? '', en: item.nameEn ?? '' }));
  const admin = (await api.users()).find((user) => user.name === ADMIN_NAME);
  if (admin === undefined) throw new Error(`no user named ${ADMIN_NAME}`);
  return { statuses, categories, adminId: admin.id };
}

function statusCriteria(id: number | null): Criteria {
  return [[ALL_LEADS, id === null ? { field: 'leadStatus', operator: 'isEmpty', values: [] } : { field: 'leadStatus', operator: 'isOneOf', values: [id] }]];
}

/** Builds the default Leads dashboard as the API contract describes it. */
function leadsDashboard(names: ListNames): Dashboard {
  const leads = [[ALL_LEADS]];
  const open = names.statuses.get('Open');
  return {
    id: 1,
    name: 'Leads',
    owner: { id: names.adminId, name: ADMIN_NAME },
    shared: true,
    editable: true,
    isDefault: true,
    updatedAt: '2026-12-01T09:00:00.000Z',
    version: 1,
    tiles: [
      { id: 'new-leads-this-month', type: 'bigNumber', title: 'Nieuwe leads deze maand', entity: 'person', criteria: leads, measure: 'count', by: null, period: { field: 'registeredAt', range: 'thisMonth' }, layout: { x: 0, y: 0, w: 3, h: 3 } },
      { id: 'leads-by-status', type: 'column', title: 'Leads per status', entity: 'person', criteria: leads, measure: 'count', by: 'leadStatus', period: null, layout: { x: 3, y: 0, w: 5, h: 4 } },
      { id: 'qualification-funnel', type: 'funnel', title: 'Kwalificatietrechter', entity: 'person', criteria: leads, measure: 'count', by: 'leadStatus', period: { field: 'leadStatusChangedAt', range: 'thisQuarter' }, layout: { x: 8, y: 0, w: 4, h: 4 } },
      { id: 'leads-by-category', type: 'pie', title: 'Leads per categorie', entity: 'person', criteria: leads, measure: 'count', by: 'category', period: null, layout: { x: 0, y: 3, w: 3, h: 5 } },
      { id: 'average-days-in-status', type: 'bar', title: 'Gemiddeld aantal dagen in status', entity: 'person', criteria: leads, measure: 'avgDaysInStatus', by: 'leadStatus', period: null, layout: { x: 3, y: 4, w: 5, h: 4 } },
      { id: 'leads-by-lead-source', type: 'bar', title: 'Leads per leadbron', entity: 'person', criteria: leads, measure: 'count', by: 'leadSource', period: null, layout: { x: 8, y: 4, w: 4, h: 4 } },
      {
        id: 'longest-waiting-open-leads',
        type: 'list',
        title: 'Langst wachtende open leads',
        entity: 'person',
        criteria: [[ALL_LEADS, { field: 'leadStatus', operator: 'isOneOf', values: [open?.id ?? 0] }]],
        measure: 'count',
        by: null,
        period: null,
        sort: '-daysInStatus',
        limit: 10,
        layout: { x: 0, y: 8, w: 12, h: 5 },
      },
    ],
  };
}

/** Serves the dashboards API from memory and records the requests of the screen. */
class DashboardServer {
  readonly dashboards = new Map<number, Dashboard>();
  readonly tileDataRequests: TileDataRequest[] = [];
  readonly patches: Array<Record<string, unknown>> = [];
  readonly deleted: string[] = [];
  language: Language = 'nl';
  /** Tile ids whose data requests fail with a server error, and how many times more. */
  readonly failures = new Map<string, number>();
  /** Field problems that the next saves of a dashboard are rejected with, one list per save. */
  readonly rejectedSaves: FieldProblem[][] = [];
  /** Tile ids whose data requests are rejected, with the field problems of the rejection. */
  readonly rejectedTileData = new Map<string, FieldProblem[]>();
  private nextId = 100;

  constructor(private readonly names: ListNames) {
    this.dashboards.set(1, leadsDashboard(names));
  }

  addDashboard(dashboard: Omit<Dashboard, 'id' | 'owner' | 'updatedAt' | 'version'>): Dashboard {
    const created: Dashboard = {
      ...dashboard,
      id: this.nextId++,
      owner: { id: this.names.adminId, name: ADMIN_NAME },
      updatedAt: '2026-12-02T10:00:00.000Z',
      version: 1,
    };
    this.dashboards.set(created.id, created);
    return created;
  }

  /** Returns the criteria the leads-by-status tile sends for one status. */
  statusCriteria(name: StatusName): Criteria {
    return statusCriteria(this.status(name).id);
  }

  /** Returns the criteria the leads-by-category tile sends for one category, by its Dutch name. */
  categoryCriteria(nameNl: string): Criteria {
    const category = this.names.categories.find((item) => item.nl === nameNl);
    if (category === undefined) throw new Error(`no category named ${nameNl}`);
    return [[ALL_LEADS, { field: 'category', operator: 'isOneOf', values: [category.id] }]];
  }

  async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const method = request.method();

    if (url.pathname === '/api/dashboards/tile-data' && method === 'POST') {
      const body = request.postDataJSON() as TileDataRequest;
      this.tileDataRequests.push(body);
      const rejection = this.rejectedTileData.get(body.tile.id);
      if (rejection !== undefined) return problem(route, 400, 'VALIDATION_FAILED', 'the tile has invalid criteria', rejection);
      const failures = this.failures.get(body.tile.id) ?? 0;
      if (failures > 0) {
        this.failures.set(body.tile.id, failures - 1);
        return problem(route, 500, 'INTERNAL', 'internal server error');
      }
      return route.fulfill({ json: this.tileData(body) });
    }
    if (url.pathname === '/api/dashboards' && method === 'GET') {
      const items = [...this.dashboards.values()].map(({ tiles: _tiles, ...summary }) => summary);
      return route.fulfill({ json: { items } });
    }
    if (url.pathname === '/api/dashboards' && method === 'POST') {
      const body = request.postDataJSON() as { name: string; tiles?: Tile[] };
      const created = this.addDashboard({ name: body.name, shared: false, editable: true, isDefault: false, tiles: body.tiles ?? [] });
      return route.fulfill({ status: 201, json: created });
    }

    const id = Number(/^\/api\/dashboards\/(\d+)$/.exec(url.pathname)?.[1]);
    const dashboard = this.dashboards.get(id);
    if (dashboard === undefined) return problem(route, 404, 'NOT_FOUND', `dashboard ${id} not found`);
    if (method === 'GET') return route.fulfill({ json: dashboard });
    if (method === 'PATCH') {
      const body = request.postDataJSON() as { name?: string; tiles?: Tile[]; shared?: boolean; version: number };
      this.patches.push(body);
      const rejection = this.rejectedSaves.shift();
      if (rejection !== undefined) return problem(route, 400, 'VALIDATION_FAILED', 'the dashboard has invalid tiles', rejection);
      if (body.version !== dashboard.version) return problem(route, 409, 'VERSION_CONFLICT', `dashboard ${id} has version ${dashboard.version}`);
      const { version: _version, ...changes } = body;
      const updated = { ...dashboard, ...changes, version: dashboard.version + 1, updatedAt: new Date().toISOString() };
      this.dashboards.set(id, updated);
      return route.fulfill({ json: updated });
    }
    if (method === 'DELETE') {
      this.deleted.push(url.search);
      this.dashboards.delete(id);
      return route.fulfill({ status: 204, body: '' });
    }
    return problem(route, 405, 'METHOD_NOT_ALLOWED', `${method} is not allowed`);
  }

  /** Returns a conversion between the tile's two statuses: 124 persons reached the first, 31 of them the second. */
  private conversionData(tile: Tile): unknown {
    const step = (id: number, reached: number, lines: Criterion[]) => {
      const status = [...this.names.statuses.values()].find((item) => item.id === id);
      return { key: { kind: 'leadStatus', id, name: status === undefined ? String(id) : this.label(status) }, reached, criteria: [[ALL_LEADS, ...lines]] };
    };
    const [fromId = 0, toId = 0] = tile.steps ?? [];
    const reached = (id: number): Criterion => ({ field: 'reachedLeadStatus', operator: 'thisQuarter', values: [id] });
    return { type: 'conversion', from: step(fromId, 124, [reached(fromId)]), to: step(toId, 31, [reached(fromId), reached(toId)]), rate: 0.25 };
  }

  /** Average days per status over the stays that began this quarter. */
  private timeInStatusData(): unknown {
    const days: Array<[StatusName, number, number]> = [
      ['Open', 6.2, 124],
      ['Contact opnemen', 11.8, 76],
      ['Gekwalificeerd', 23.5, 31],
    ];
    return {
      type: 'timeInStatus',
      groups: days.map(([name, value, stays]) => ({
        key: { value: this.status(name).id, label: this.label(this.status(name)) },
        value,
        stays,
        criteria: [[ALL_LEADS, { field: 'reachedLeadStatus', operator: 'thisQuarter', values: [this.status(name).id] }]],
      })),
    };
  }

  private status(name: StatusName) {
    const status = this.names.statuses.get(name);
    if (status === undefined) throw new Error(`no lead status named ${name}`);
    return status;
  }

  private label(item: { nl: string; en: string }): string {
    return this.language === 'nl' ? item.nl : item.en;
  }

  private tileData(request: TileDataRequest): unknown {
    const { tile } = request;
    const leads = [[ALL_LEADS]];
    switch (tile.id) {
      case 'new-leads-this-month':
        return { type: 'bigNumber', value: 37, previous: 29, criteria: [[ALL_LEADS, { field: 'registeredAt', operator: 'thisMonth', values: [] }]] };
      case 'leads-by-status':
        return {
          type: tile.type,
          groups: [
            ...LEAD_STATUS_NAMES.map((name) => ({
              key: { value: this.status(name).id, label: this.label(this.status(name)) },
              value: LEADS_BY_STATUS[name],
              criteria: this.statusCriteria(name),
            })),
            { key: { value: null, label: null }, value: 3, criteria: statusCriteria(null) },
          ],
        };
      case 'average-days-in-status':
        return {
          type: tile.type,
          groups: LEAD_STATUS_NAMES.map((name) => ({
            key: { value: this.status(name).id, label: this.label(this.status(name)) },
            value: AVERAGE_DAYS[name],
            criteria: this.statusCriteria(name),
          })),
        };
      case 'qualification-funnel': {
        const steps = (['Open', 'Contact opnemen', 'Gekwalificeerd'] as const).map((name, index) => ({
          key: { kind: 'leadStatus', id: this.status(name).id, name: this.label(this.status(name)) },
          reached: [124, 76, 31][index] ?? 0,
          criteria: [[ALL_LEADS, { field: 'leadStatus', operator: 'isOneOf', values: [this.status(name).id] }]],
        }));
        return {
          type: 'funnel',
          steps: [...steps, { key: { kind: 'sale', id: null, name: this.language === 'nl' ? 'Verkoop' : 'Sale' }, reached: 12, criteria: null }],
          conversions: [76 / 124, 31 / 76, 12 / 31],
        };
      }
      case 'leads-by-category':
        return {
          type: tile.type,
          groups: this.names.categories.map((category, index) => ({
            key: { value: category.id, label: this.label(category) },
            value: [58, 24, 19, 11][index] ?? 5,
            criteria: this.categoryCriteria(category.nl),
          })),
        };
      case 'leads-by-lead-source':
        return {
          type: tile.type,
          groups: [
            ...(
              [
                ['google', 41],
                ['linkedin', 28],
                ['newsletter', 17],
                ['webinar', 9],
              ] as const
            ).map(([source, value]) => ({
              key: { value: source, label: source },
              value,
              criteria: [[ALL_LEADS, { field: 'leadSource', operator: 'equals', values: [source] }]],
            })),
            { key: { value: null, label: null }, value: 32, criteria: [[ALL_LEADS, { field: 'leadSource', operator: 'isEmpty', values: [] }]] },
          ],
        };
      case 'longest-waiting-open-leads':
        return {
          type: 'list',
          total: 48,
          rows: WAITING_LEADS.map(([name, company, days], index) => ({
            id: 9000 + index,
            name,
            company,
            leadStatus: this.label(this.status('Open')),
            owner: ADMIN_NAME,
            daysInStatus: days,
          })),
          criteria: tile.criteria,
        };
      default:
        if (tile.type === 'conversion') return this.conversionData(tile);
        if (tile.type === 'timeInStatus') return this.timeInStatusData();
        return genericTileData(tile, leads);
    }
  }
}

/** Returns plausible data of the tile's type for tiles that the tests add. */
function genericTileData(tile: Tile, criteria: Criteria): unknown {
  if (tile.type === 'bigNumber') return { type: 'bigNumber', value: 12, previous: null, criteria };
  if (tile.type === 'list') return { type: 'list', total: 0, rows: [], criteria };
  if (tile.type === 'line' && tile.period !== null) {
    const weeks = ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'];
    return {
      type: 'line',
      buckets: weeks.map((start, index) => ({
        start,
        value: [6, 9, 7, 12, 15][index] ?? 0,
        criteria: [[...(criteria[0] ?? []), { field: 'registeredAt', operator: 'between', values: [start, start] }]],
      })),
    };
  }
  if (tile.type === 'line') return { type: 'line', buckets: [] };
  if (tile.type === 'funnel') return { type: 'funnel', steps: [], conversions: [] };
  return { type: tile.type, groups: [{ key: { value: null, label: null }, value: 4, criteria }] };
}

interface FieldProblem {
  field: string;
  message: string;
  code: string;
}

async function problem(route: Route, status: number, code: string, detail: string, fields?: FieldProblem[]): Promise<void> {
  const body = { type: 'about:blank', title: code, status, code, detail, ...(fields === undefined ? {} : { fields }) };
  await route.fulfill({ status, contentType: 'application/problem+json', body: JSON.stringify(body) });
}

async function routeDashboards(page: Page, api: TrechterApi): Promise<DashboardServer> {
  const server = new DashboardServer(await loadListNames(api));
  await page.route((url) => url.pathname === '/api/dashboards' || url.pathname.startsWith('/api/dashboards/'), (route) => server.handle(route));
  return server;
}

function tile(page: Page, title: string) {
  return page.getByRole('region', { name: title, exact: true });
}

/** Waits until no tile shows a spinner and every chart tile lists its elements. */
async function expectTilesFilled(page: Page, count: number): Promise<void> {
  const grid = page.locator('.dashboard-grid');
  await expect(grid.locator('.tile')).toHaveCount(count);
  await expect(grid.getByRole('status')).toHaveCount(0);
  await expect(grid.getByRole('alert')).toHaveCount(0);
  await expect(grid.locator('.tile-empty')).toHaveCount(0);
}

/** Roles a user operates; each needs an accessible name. */
const INTERACTIVE_ROLES = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'radio', 'menuitem', 'spinbutton']);

/** Lists the interactive elements without an accessible name, from Chromium's accessibility tree. */
async function unnamedControls(page: Page): Promise<string[]> {
  const session = await page.context().newCDPSession(page);
  const { nodes } = (await session.send('Accessibility.getFullAXTree')) as {
    nodes: Array<{ ignored: boolean; role?: { value: string }; name?: { value: string } }>;
  };
  await session.detach();
  return nodes
    .filter((node) => !node.ignored && INTERACTIVE_ROLES.has(node.role?.value ?? ''))
    .filter((node) => (node.name?.value ?? '').trim() === '')
    .map((node) => node.role?.value ?? 'unknown');
}

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
});

test.describe('dashboards', () => {
  test('leads dashboard shows every tile', async ({ page, api }) => {
    await routeDashboards(page, api);

    await page.goto('/dashboards');
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboards' })).toBeVisible();
    await page.getByRole('link', { name: /Leads/ }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
    await expectTilesFilled(page, 7);

    await expect(tile(page, 'Nieuwe leads deze maand').getByRole('button', { name: '37, records openen' })).toBeVisible();
    await expect(tile(page, 'Nieuwe leads deze maand').getByText('▲ 27,6%', { exact: true })).toBeVisible();
    await expect(tile(page, 'Nieuwe leads deze maand').getByText('t.o.v. vorige periode (29)', { exact: true })).toBeVisible();
    await expect(tile(page, 'Leads per status').getByRole('button', { name: 'Geen leadstatus: 3' })).toBeAttached();
    await expect(tile(page, 'Gemiddeld aantal dagen in status').getByRole('button', { name: 'Opnieuw benaderen: 41,5' })).toBeAttached();
    await expect(tile(page, 'Leads per leadbron').getByRole('button', { name: 'Geen waarde: 32' })).toBeAttached();
    await expect(tile(page, 'Kwalificatietrechter').getByRole('button', { name: 'Contact opnemen: 76' })).toBeAttached();
    await expect(tile(page, 'Kwalificatietrechter').getByText('Verkoop: 12')).toBeAttached();
    await expect(tile(page, 'Langst wachtende open leads').getByRole('link', { name: 'Sanne de Vries' })).toBeVisible();
    await expect(tile(page, 'Langst wachtende open leads')).toContainText('8 van 48');
    await expect(page.locator('.dashboard-grid canvas')).toHaveCount(5);

    await saveScreenshot(page, 'nl-dashboard-leads');
    await tile(page, 'Langst wachtende open leads').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'nl-dashboard-leads-list');
  });

  test('tile menu at the bottom opens upwards', async ({ page, api }) => {
    await routeDashboards(page, api);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/dashboards/1');
    const menuButton = page.getByRole('button', { name: 'Acties voor tegel Langst wachtende open leads' });
    await expect(menuButton).toBeVisible();
    // Put the tile's menu button 40 pixels above the bottom of the window.
    await menuButton.evaluate((element) => window.scrollBy(0, element.getBoundingClientRect().bottom - (window.innerHeight - 40)));

    await menuButton.click();
    const menu = page.getByRole('dialog', { name: 'Acties voor tegel Langst wachtende open leads' });
    const box = await menu.boundingBox();
    const buttonBox = await menuButton.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(buttonBox!.y);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    const download = page.waitForEvent('download');
    await menu.getByRole('button', { name: 'Gegevens als CSV' }).click({ timeout: 5_000 });
    expect((await download).suggestedFilename()).toBe('Langst wachtende open leads.csv');
  });

  test('qualified bar opens its records', async ({ page, api }) => {
    const server = await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    const bar = tile(page, 'Leads per status').getByRole('button', { name: 'Gekwalificeerd: 22' });
    await bar.focus();
    await expect(bar).toBeVisible();
    await page.keyboard.press('Enter');

    await expect(page).toHaveURL(/\/find\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('entity')).toBe('person');
    expect(JSON.parse(url.searchParams.get('criteria') ?? 'null')).toEqual(server.statusCriteria('Gekwalificeerd'));
    await expect(page.getByRole('heading', { level: 1, name: 'Zoeken' })).toBeVisible();
  });

  test('pie slice click opens its records', async ({ page, api }) => {
    const server = await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    const chart = tile(page, 'Leads per categorie').locator('.tile-chart');
    const box = await chart.boundingBox();
    if (box === null) throw new Error('the pie chart has no size');
    // The donut sits above a legend of 92 pixels. Its first slice, Lead (58 of 112), starts at
    // twelve o'clock and runs clockwise past three o'clock, where the click lands.
    const height = box.height - 92;
    const radius = Math.min(box.width, height) / 2;
    await chart.click({ position: { x: box.width / 2 + radius * 0.6, y: height / 2 } });

    await expect(page).toHaveURL(/\/find\?/);
    const url = new URL(page.url());
    expect(url.searchParams.get('entity')).toBe('person');
    expect(JSON.parse(url.searchParams.get('criteria') ?? 'null')).toEqual(server.categoryCriteria('Lead'));
  });

  test('period and owner filters reach every tile', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const names = await api.users();
    const admin = names.find((user) => user.name === ADMIN_NAME);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    expect(server.tileDataRequests.every((request) => request.period === undefined && request.ownerId === undefined)).toBe(true);

    server.tileDataRequests.length = 0;
    await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption({ label: 'Deze maand' });
    await expect.poll(() => server.tileDataRequests.length).toBe(7);
    for (const request of server.tileDataRequests) expect(request.period?.range, request.tile.id).toBe('thisMonth');
    const funnel = server.tileDataRequests.find((request) => request.tile.id === 'qualification-funnel');
    expect(funnel?.period).toEqual({ field: 'leadStatusChangedAt', range: 'thisMonth' });
    const newLeads = server.tileDataRequests.find((request) => request.tile.id === 'new-leads-this-month');
    expect(newLeads?.period).toEqual({ field: 'registeredAt', range: 'thisMonth' });
    await expect(page).toHaveURL(/\/dashboards\/1\?period=thisMonth$/);

    // A reload keeps the filter, and Refresh requests the data of every tile again.
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Periode', exact: true })).toHaveValue('thisMonth');
    await expectTilesFilled(page, 7);
    server.tileDataRequests.length = 0;
    await page.getByRole('button', { name: 'Vernieuwen' }).click();
    await expect.poll(() => server.tileDataRequests.length).toBe(7);
    for (const request of server.tileDataRequests) expect(request.period?.range, request.tile.id).toBe('thisMonth');

    server.tileDataRequests.length = 0;
    await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption({ label: 'Afgelopen 30 dagen' });
    await page.getByRole('combobox', { name: 'Onze contactpersoon', exact: true }).selectOption({ label: 'Ik' });
    await expect.poll(() => server.tileDataRequests.filter((request) => request.ownerId === 'currentUser').length).toBe(7);
    const mine = server.tileDataRequests.filter((request) => request.ownerId === 'currentUser');
    for (const request of mine) expect(request.period, request.tile.id).toEqual({ field: request.tile.period?.field ?? 'registeredAt', range: 'lastNDays', days: 30 });

    server.tileDataRequests.length = 0;
    await page.getByRole('combobox', { name: 'Periode', exact: true }).selectOption({ label: 'Per tegel' });
    await page.getByRole('combobox', { name: 'Onze contactpersoon', exact: true }).selectOption({ label: ADMIN_NAME });
    await expect.poll(() => server.tileDataRequests.filter((request) => request.ownerId === admin?.id && request.period === undefined).length).toBe(7);
    await expectTilesFilled(page, 7);
  });

  test('tiles can be added, arranged, removed and edited', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const own = server.addDashboard({
      name: 'Mijn leads',
      shared: false,
      editable: true,
      isDefault: false,
      tiles: [
        { id: 'my-count', type: 'bigNumber', title: 'Mijn leads', entity: 'person', criteria: [[ALL_LEADS]], measure: 'count', by: null, period: null, layout: { x: 0, y: 0, w: 3, h: 2 } },
      ],
    });

    await page.goto(`/dashboards/${own.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn leads' })).toBeVisible();
    await expectTilesFilled(page, 1);

    await page.getByRole('button', { name: 'Tegel toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tegel toevoegen' });
    await dialog.getByLabel('Soort tegel').selectOption({ label: 'Kolomdiagram' });
    await dialog.getByRole('textbox', { name: 'Titel', exact: true }).fill('Leads per categoriegroep');
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect(dialog.getByText('Vul dit veld in.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Per', exact: true }).selectOption({ label: 'Categoriegroep' });
    await saveScreenshot(page, 'nl-dashboard-tile-dialog');
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(tile(page, 'Leads per categoriegroep').getByRole('button', { name: 'Geen waarde: 4' })).toBeAttached();

    const added = server.patches.at(-1)?.tiles as Tile[];
    expect(server.patches.at(-1)?.version).toBe(1);
    expect(added).toHaveLength(2);
    // The new tile takes the free place beside the big number.
    expect(added[1]).toMatchObject({ type: 'column', title: 'Leads per categoriegroep', entity: 'person', criteria: [], measure: 'count', by: 'categoryGroup', period: null, layout: { x: 3, y: 0, w: 6, h: 4 } });
    expect(added[1]?.id.length).toBeLessThanOrEqual(40);

    await page.getByRole('button', { name: 'Indeling wijzigen' }).click();
    await saveScreenshot(page, 'nl-dashboard-arrange');
    await page.getByRole('button', { name: 'Leads per categoriegroep naar links' }).click();
    await expect.poll(() => server.patches.length).toBe(2);
    await page.getByRole('button', { name: 'Leads per categoriegroep omlaag' }).click();
    await expect.poll(() => server.patches.length).toBe(3);
    await page.getByRole('button', { name: 'Leads per categoriegroep breder' }).click();
    await expect.poll(() => server.patches.length).toBe(4);
    await page.getByRole('button', { name: 'Leads per categoriegroep hoger' }).click();
    await expect.poll(() => server.patches.length).toBe(5);
    const arranged = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(arranged.version).toBe(5);
    expect(arranged.tiles.find((item) => item.title === 'Leads per categoriegroep')?.layout).toEqual({ x: 2, y: 1, w: 7, h: 5 });
    // The tile it grew into moves down instead of lying underneath.
    expect(arranged.tiles.find((item) => item.title === 'Mijn leads')?.layout).toEqual({ x: 0, y: 6, w: 3, h: 2 });
    await expect(page.getByRole('button', { name: 'Mijn leads naar links' })).toBeDisabled();

    await page.getByRole('button', { name: 'Acties voor tegel Mijn leads' }).click();
    await page.getByRole('dialog', { name: 'Acties voor tegel Mijn leads' }).getByRole('button', { name: 'Verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Tegel verwijderen?' });
    await expect(confirm).toContainText('Mijn leads');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await expect(tile(page, 'Mijn leads')).toHaveCount(0);
    const removed = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(removed.version).toBe(6);
    expect(removed.tiles.map((item) => item.title)).toEqual(['Leads per categoriegroep']);
    await page.getByRole('button', { name: 'Gereed' }).click();
    await expect(page.getByRole('button', { name: 'Leads per categoriegroep naar rechts' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Acties voor tegel Leads per categoriegroep' }).click();
    await page.getByRole('dialog', { name: 'Acties voor tegel Leads per categoriegroep' }).getByRole('button', { name: 'Bewerken' }).click();
    const editing = page.getByRole('dialog', { name: 'Tegel bewerken' });
    await expect(editing.getByRole('combobox', { name: 'Per', exact: true })).toHaveValue('categoryGroup');
    await editing.getByRole('textbox', { name: 'Titel', exact: true }).fill('Leads per groep');
    await editing.getByRole('combobox', { name: 'Periode van de tegel' }).selectOption({ label: 'Dit kwartaal' });
    await editing.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editing).toBeHidden();
    await expect(tile(page, 'Leads per groep')).toBeVisible();
    const edited = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(edited.version).toBe(7);
    expect(edited.tiles).toHaveLength(1);
    expect(edited.tiles[0]).toMatchObject({ title: 'Leads per groep', by: 'categoryGroup', period: { field: 'registeredAt', range: 'thisQuarter' }, layout: { x: 2, y: 1, w: 7, h: 5 } });
  });

  test('tiles can be arranged by dragging', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const own = server.addDashboard({
      name: 'Mijn overzicht',
      shared: false,
      editable: true,
      isDefault: false,
      tiles: [
        { id: 'customers', type: 'bigNumber', title: 'Nieuwe klanten', entity: 'person', criteria: [[ALL_LEADS]], measure: 'count', by: null, period: null, layout: { x: 0, y: 0, w: 3, h: 2 } },
        { id: 'by-group', type: 'column', title: 'Leads per groep', entity: 'person', criteria: [], measure: 'count', by: 'categoryGroup', period: null, layout: { x: 3, y: 0, w: 6, h: 4 } },
      ],
    });

    await page.goto(`/dashboards/${own.id}`);
    await expectTilesFilled(page, 2);
    await expect(page.getByRole('button', { name: 'Nieuwe klanten verslepen' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Indeling wijzigen' }).click();
    const handle = page.getByRole('button', { name: 'Nieuwe klanten verslepen' });
    await expect(handle).toHaveAttribute('title', 'Nieuwe klanten verslepen');
    const pitch = await page.locator('.dashboard-grid').evaluate((grid) => {
      const style = getComputedStyle(grid);
      return {
        column: (grid.clientWidth + Number.parseFloat(style.columnGap)) / 12,
        row: Number.parseFloat(style.gridAutoRows) + Number.parseFloat(style.rowGap),
      };
    });

    /** Drags a tile by its handle over whole grid columns and rows, in small mouse steps. */
    async function drag(title: string, columns: number, rows: number, screenshot?: string): Promise<void> {
      const box = await page.getByRole('button', { name: `${title} verslepen` }).boundingBox();
      if (box === null) throw new Error(`the drag handle of ${title} is not visible`);
      const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(start.x, start.y);
      await page.mouse.down();
      await page.mouse.move(start.x + columns * pitch.column, start.y + rows * pitch.row + 3, { steps: 12 });
      await expect(page.locator('.tile-drop-target')).toBeVisible();
      if (screenshot !== undefined) await saveScreenshot(page, screenshot);
      await page.mouse.up();
      await expect(page.locator('.tile-drop-target')).toHaveCount(0);
    }

    // Dragged to free cells at the right edge, only the dragged tile moves.
    await drag('Nieuwe klanten', 9, 0, 'nl-dashboard-drag');
    await expect.poll(() => server.patches.length).toBe(1);
    const first = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(first.version).toBe(1);
    expect(first.tiles.map((item) => item.id)).toEqual(['customers', 'by-group']);
    expect(first.tiles[0]?.layout).toEqual({ x: 9, y: 0, w: 3, h: 2 });
    expect(first.tiles[1]?.layout).toEqual({ x: 3, y: 0, w: 6, h: 4 });

    // Dragged onto the other tile, the dragged tile takes its place and the other moves down below it.
    await expect(handle).toBeEnabled();
    await drag('Nieuwe klanten', -6, 0);
    await expect.poll(() => server.patches.length).toBe(2);
    const second = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(second.version).toBe(2);
    expect(second.tiles[0]?.layout).toEqual({ x: 3, y: 0, w: 3, h: 2 });
    expect(second.tiles[1]?.layout).toEqual({ x: 3, y: 2, w: 6, h: 4 });
    await saveScreenshot(page, 'nl-dashboard-dragged');

    // Dragged up two rows onto the first tile, the second tile takes its place and the first moves down below it.
    await expect(handle).toBeEnabled();
    await drag('Leads per groep', 0, -2);
    await expect.poll(() => server.patches.length).toBe(3);
    const third = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(third.version).toBe(3);
    expect(third.tiles[1]?.layout).toEqual({ x: 3, y: 0, w: 6, h: 4 });
    expect(third.tiles[0]?.layout).toEqual({ x: 3, y: 4, w: 3, h: 2 });

    // A press on the handle without moving changes nothing.
    await handle.click();
    await expect(handle).toBeEnabled();
    expect(server.patches).toHaveLength(3);
  });

  test('edited list tile keeps its sort', async ({ page, api }) => {
    const server = await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    // The tile's menu opens below its button, so the tile goes to the top of the screen first.
    await tile(page, 'Langst wachtende open leads').evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await page.getByRole('button', { name: 'Acties voor tegel Langst wachtende open leads' }).click();
    await page.getByRole('dialog', { name: 'Acties voor tegel Langst wachtende open leads' }).getByRole('button', { name: 'Bewerken' }).click();
    const editing = page.getByRole('dialog', { name: 'Tegel bewerken' });
    await editing.getByRole('textbox', { name: 'Titel', exact: true }).fill('Wachtende open leads');
    await editing.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editing).toBeHidden();

    const saved = (server.patches.at(-1) as { tiles: Tile[] }).tiles.find((item) => item.id === 'longest-waiting-open-leads');
    expect(saved?.title).toBe('Wachtende open leads');
    expect(saved?.sort).toBe('-daysInStatus');
    expect(saved?.limit).toBe(10);
  });

  test('save conflict offers the latest version', async ({ page, api }) => {
    const server = await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    const stored = server.dashboards.get(1);
    if (stored === undefined) throw new Error('the Leads dashboard is missing');
    server.dashboards.set(1, { ...stored, version: stored.version + 1, name: 'Leads (team)' });

    await page.getByRole('button', { name: 'Indeling wijzigen' }).click();
    await page.getByRole('button', { name: 'Leads per status omlaag' }).click();
    await expect(page.getByText('Iemand anders heeft dit dashboard intussen gewijzigd')).toBeVisible();
    await page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Leads (team)' })).toBeVisible();
    await expect(page.getByText('Iemand anders heeft dit dashboard intussen gewijzigd')).toHaveCount(0);
  });

  test('invalid tile criteria show at the line', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const noLeadStatusChosen = { field: 'leadStatus', operator: 'isOneOf', values: [] };
    const own = server.addDashboard({
      name: 'Opvolging',
      shared: false,
      editable: true,
      isDefault: false,
      tiles: [
        { id: 'all-leads', type: 'bigNumber', title: 'Alle leads', entity: 'person', criteria: [[ALL_LEADS]], measure: 'count', by: null, period: null, layout: { x: 0, y: 0, w: 3, h: 2 } },
        { id: 'to-call', type: 'bigNumber', title: 'Te bellen', entity: 'person', criteria: [[ALL_LEADS, noLeadStatusChosen]], measure: 'count', by: null, period: null, layout: { x: 3, y: 0, w: 3, h: 2 } },
      ],
    });
    // The second line of the edited tile (index 1) is invalid. The problem of the other tile must not show in this dialog.
    server.rejectedSaves.push([
      { field: '/tiles/1/criteria/0/1/values', message: 'operator "isOneOf" needs at least one value', code: 'invalid' },
      { field: '/tiles/0/criteria/0/0/operator', message: 'operator "between" does not apply to categoryGroup', code: 'invalid' },
    ]);

    await page.goto(`/dashboards/${own.id}`);
    await expectTilesFilled(page, 2);
    await page.getByRole('button', { name: 'Acties voor tegel Te bellen' }).click();
    await page.getByRole('dialog', { name: 'Acties voor tegel Te bellen' }).getByRole('button', { name: 'Bewerken' }).click();
    const editing = page.getByRole('dialog', { name: 'Tegel bewerken' });
    await editing.getByRole('button', { name: 'Opslaan' }).click();

    await expect(editing.getByRole('group', { name: 'Regel 2' }).getByText('Kies ten minste één waarde.')).toBeVisible();
    await expect(editing.getByRole('group', { name: 'Regel 1' }).locator('.find-line-error')).toHaveCount(0);
    await expect(editing.getByText('Kies een voorwaarde die bij dit veld past.')).toHaveCount(0);
    await expect(editing.getByRole('alert')).toContainText('Niet alle gegevens zijn geldig');
    await editing.getByRole('group', { name: 'Regel 2' }).scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'nl-dashboard-tile-invalid-criteria');

    // Removing the invalid line clears its message, and the next save succeeds and closes the dialog.
    await editing.getByRole('group', { name: 'Regel 2' }).getByRole('button', { name: 'Regel 2 verwijderen' }).click();
    await expect(editing.getByText('Kies ten minste één waarde.')).toHaveCount(0);
    await editing.getByRole('button', { name: 'Opslaan' }).click();
    await expect(editing).toBeHidden();
    const saved = server.patches.at(-1) as { tiles: Tile[]; version: number };
    expect(saved.version).toBe(1);
    expect(saved.tiles[1]?.criteria).toEqual([[ALL_LEADS]]);
  });

  test('invalid tile data criteria show at the line', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const lastDays = { field: 'registeredAt', operator: 'lastNDays', values: [0] };
    const own = server.addDashboard({
      name: 'Instroom',
      shared: false,
      editable: true,
      isDefault: false,
      tiles: [
        { id: 'recent', type: 'bigNumber', title: 'Recente leads', entity: 'person', criteria: [[ALL_LEADS, lastDays]], measure: 'count', by: null, period: null, layout: { x: 0, y: 0, w: 4, h: 2 } },
      ],
    });
    server.rejectedTileData.set('recent', [{ field: '/tile/criteria/0/1/values/0', message: 'must be a whole number of days from 1 to 36600, got 0', code: 'invalid' }]);

    await page.goto(`/dashboards/${own.id}`);
    await expect(tile(page, 'Recente leads').getByRole('alert')).toContainText('Niet alle gegevens zijn geldig');
    await page.getByRole('button', { name: 'Acties voor tegel Recente leads' }).click();
    await page.getByRole('dialog', { name: 'Acties voor tegel Recente leads' }).getByRole('button', { name: 'Bewerken' }).click();
    const editing = page.getByRole('dialog', { name: 'Tegel bewerken' });

    const line = editing.getByRole('group', { name: 'Regel 2' });
    await expect(line.getByText('Vul een heel aantal dagen in, van 1 tot en met 36.600.')).toBeVisible();
    await expect(line.getByLabel('Aantal dagen')).toHaveAttribute('aria-invalid', 'true');
    await line.getByLabel('Aantal dagen').fill('30');
    await expect(line.getByText('Vul een heel aantal dagen in', { exact: false })).toHaveCount(0);
  });

  test('tile data downloads as CSV', async ({ page, api }) => {
    await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    await page.getByRole('button', { name: 'Acties voor tegel Leads per status' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Acties voor tegel Leads per status' }).getByRole('button', { name: 'Gegevens als CSV' }).click();
    const download = await downloading;

    expect(download.suggestedFilename()).toBe('Leads per status.csv');
    const bytes = readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('Leadstatus;Aantal');
    expect(lines).toContain('Gekwalificeerd;22');
    expect(lines).toContain('Geen leadstatus;3');
    expect(lines).toHaveLength(7);
  });

  test('big number exports as PNG', async ({ page, api }) => {
    await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    for (const title of ['Nieuwe leads deze maand', 'Kwalificatietrechter']) {
      await page.getByRole('button', { name: `Acties voor tegel ${title}` }).click();
      const downloading = page.waitForEvent('download');
      await page.getByRole('dialog', { name: `Acties voor tegel ${title}` }).getByRole('button', { name: 'Exporteren als PNG' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`${title}.png`);
      const bytes = readFileSync(await download.path());
      expect([...bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
    }
  });

  test('new dashboard opens empty', async ({ page, api }) => {
    await routeDashboards(page, api);

    await page.goto('/dashboards');
    await expect(page.getByRole('link', { name: /Leads/ })).toBeVisible();
    await saveScreenshot(page, 'nl-dashboards');
    await page.getByRole('button', { name: 'Nieuw dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuw dashboard' });
    await dialog.getByLabel('Naam').fill('Marketing');
    await dialog.getByRole('button', { name: 'Dashboard maken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Marketing' })).toBeVisible();
    await expect(page.getByText('Dit dashboard heeft nog geen tegels')).toBeVisible();
    await expect(page).toHaveURL(/\/dashboards\/\d+$/);
  });

  test('conversion tile shows the share between two statuses', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const own = server.addDashboard({ name: 'Conversie', shared: false, editable: true, isDefault: false, tiles: [] });

    await page.goto(`/dashboards/${own.id}`);
    await page.getByRole('button', { name: 'Tegel toevoegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Tegel toevoegen' });
    await dialog.getByLabel('Soort tegel').selectOption({ label: 'Conversie' });
    await dialog.getByRole('textbox', { name: 'Titel', exact: true }).fill('Van open naar contact');
    await dialog.getByRole('combobox', { name: 'Van status' }).selectOption({ label: 'Open' });
    await dialog.getByRole('combobox', { name: 'Naar status' }).selectOption({ label: 'Open' });
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect(dialog.getByText('Kies een andere status dan bij Van status.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Naar status' }).selectOption({ label: 'Contact opnemen' });
    await dialog.getByRole('combobox', { name: 'Periode van de tegel' }).selectOption({ label: 'Dit kwartaal' });
    await dialog.getByRole('combobox', { name: 'Datumveld' }).selectOption({ label: 'Leadstatus gewijzigd op' });
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect(dialog).toBeHidden();

    const added = (server.patches.at(-1)?.tiles as Tile[])[0];
    const names = await loadListNames(api);
    expect(added).toMatchObject({ type: 'conversion', measure: 'count', by: null, steps: [names.statuses.get('Open')?.id, names.statuses.get('Contact opnemen')?.id] });
    const conversion = tile(page, 'Van open naar contact');
    await expect(conversion.getByRole('button', { name: '25%, records openen' })).toBeVisible();
    await expect(conversion).toContainText('Open');
    await expect(conversion).toContainText('Contact opnemen');
    await expect(conversion.getByRole('button', { name: '124 bereikten Open' })).toBeVisible();
    await saveScreenshot(page, 'nl-dashboard-conversion');

    await conversion.getByRole('button', { name: '31 daarvan ook Contact opnemen' }).click();
    await expect(page).toHaveURL(/\/find\?/);
    const criteria = JSON.parse(new URL(page.url()).searchParams.get('criteria') ?? '[]') as Criteria;
    expect(criteria[0]?.filter((line) => line.field === 'reachedLeadStatus')).toHaveLength(2);
  });

  test('time in status tile shows days per status', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const own = server.addDashboard({ name: 'Doorlooptijd', shared: false, editable: true, isDefault: false, tiles: [] });

    await page.goto(`/dashboards/${own.id}`);
    await page.getByRole('button', { name: 'Tegel toevoegen' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Tegel toevoegen' });
    await dialog.getByLabel('Soort tegel').selectOption({ label: 'Tijd per status' });
    await expect(dialog.getByRole('combobox', { name: 'Meten' })).toHaveCount(0);
    await dialog.getByRole('textbox', { name: 'Titel', exact: true }).fill('Dagen per status dit kwartaal');
    await dialog.getByRole('combobox', { name: 'Periode van de tegel' }).selectOption({ label: 'Dit kwartaal' });
    await expect(dialog.getByText('Telt de keren dat leads in de periode een status binnenkwamen')).toBeVisible();
    // The status history belongs to persons, so companies are not offered.
    await expect(dialog.getByRole('combobox', { name: 'Records' }).getByRole('option')).toHaveText(['Personen']);
    await dialog.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect(dialog).toBeHidden();

    const added = (server.patches.at(-1)?.tiles as Tile[])[0];
    expect(added).toMatchObject({ type: 'timeInStatus', entity: 'person', measure: 'count', by: null, period: { range: 'thisQuarter' } });
    const days = tile(page, 'Dagen per status dit kwartaal');
    await expect(days.getByRole('button', { name: 'Contact opnemen: 11,8' })).toBeAttached();
    await expect(days.locator('canvas')).toHaveCount(1);
    await saveScreenshot(page, 'nl-dashboard-time-in-status');

    const bar = days.getByRole('button', { name: 'Gekwalificeerd: 23,5' });
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/find\?/);
    const criteria = JSON.parse(new URL(page.url()).searchParams.get('criteria') ?? '[]') as Criteria;
    expect(criteria[0]?.at(-1)?.field).toBe('reachedLeadStatus');
  });

  test('line and empty tiles', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const leads = [[ALL_LEADS]];
    const own = server.addDashboard({
      name: 'Instroom',
      shared: false,
      editable: true,
      isDefault: false,
      tiles: [
        { id: 'weekly', type: 'line', title: 'Nieuwe leads per week', entity: 'person', criteria: leads, measure: 'count', by: null, period: { field: 'registeredAt', range: 'lastNDays', days: 35 }, layout: { x: 0, y: 0, w: 8, h: 4 } },
        { id: 'nothing', type: 'list', title: 'Wachtende leads', entity: 'person', criteria: leads, measure: 'count', by: null, period: { field: 'registeredAt', range: 'today' }, layout: { x: 8, y: 0, w: 4, h: 4 } },
      ],
    });

    await page.goto(`/dashboards/${own.id}`);
    await expect(tile(page, 'Nieuwe leads per week').getByRole('button', { name: '30 nov: 15' })).toBeAttached();
    await expect(tile(page, 'Wachtende leads').getByText('Geen gegevens in deze periode')).toBeVisible();
    await saveScreenshot(page, 'nl-dashboard-line');
  });

  test('failed tile retries on its own', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    // The first request and the automatic retry fail; the user's retry succeeds.
    server.failures.set('leads-by-status', 2);

    await page.goto('/dashboards/1');
    const failed = tile(page, 'Leads per status');
    await expect(failed.getByRole('alert')).toContainText('Er ging iets mis op de server');
    await expect(tile(page, 'Nieuwe leads deze maand').getByRole('button', { name: '37, records openen' })).toBeVisible();
    await failed.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await expect(failed.getByRole('button', { name: 'Gekwalificeerd: 22' })).toBeAttached();
    await expect(failed.getByRole('alert')).toHaveCount(0);
  });

  test('dashboard can be renamed, shared and deleted', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    const own = server.addDashboard({ name: 'Mijn week', shared: false, editable: true, isDefault: false, tiles: [] });

    await page.goto(`/dashboards/${own.id}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn week' })).toBeVisible();
    await page.getByRole('button', { name: 'Acties voor dit dashboard' }).click();
    await page.getByRole('button', { name: 'Naam wijzigen' }).click();
    const rename = page.getByRole('dialog', { name: 'Naam van het dashboard wijzigen' });
    await rename.getByRole('textbox', { name: 'Naam' }).fill('Mijn maand');
    await rename.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn maand' })).toBeVisible();
    expect(server.patches.at(-1)).toEqual({ name: 'Mijn maand', version: 1 });

    await page.getByRole('button', { name: 'Acties voor dit dashboard' }).click();
    await page.getByRole('button', { name: 'Delen met iedereen' }).click();
    await expect(page.getByText('Gedeeld met iedereen', { exact: true })).toBeVisible();
    expect(server.patches.at(-1)).toEqual({ shared: true, version: 2 });

    await page.getByRole('button', { name: 'Acties voor dit dashboard' }).click();
    await page.getByRole('button', { name: 'Dashboard verwijderen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Dashboard verwijderen?' });
    await expect(confirm).toContainText('Mijn maand');
    await confirm.getByRole('button', { name: 'Dashboard verwijderen' }).click();
    await expect(page).toHaveURL(/\/dashboards$/);
    expect(server.deleted).toEqual(['?version=3']);
    await expect(page.getByRole('link', { name: /Mijn maand/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /Leads/ })).toBeVisible();
  });

  test('dashboard controls have names', async ({ page, api }) => {
    await routeDashboards(page, api);

    await page.goto('/dashboards/1');
    await expectTilesFilled(page, 7);
    await page.getByRole('button', { name: 'Indeling wijzigen' }).click();
    await expect(page.getByRole('button', { name: 'Leads per status naar rechts' })).toBeVisible();
    expect(await unnamedControls(page), 'unnamed controls while arranging').toEqual([]);

    await page.getByRole('button', { name: 'Tegel toevoegen' }).click();
    await expect(page.getByRole('dialog', { name: 'Tegel toevoegen' })).toBeVisible();
    expect(await unnamedControls(page), 'unnamed controls in the tile dialog').toEqual([]);
  });

  test('English dashboard shows no Dutch', async ({ page, api }) => {
    const server = await routeDashboards(page, api);
    server.language = 'en';
    await api.setLanguage('en');
    // A default tile whose title a user changed keeps the typed title in every language.
    const stored = server.dashboards.get(1);
    if (stored === undefined) throw new Error('the Leads dashboard is missing');
    const typedTitle = 'Leads per categorie (team)';
    server.dashboards.set(1, { ...stored, tiles: stored.tiles.map((item) => (item.id === 'leads-by-category' ? { ...item, title: typedTitle } : item)) });

    await page.goto('/dashboards/1');
    await expect(page.getByRole('heading', { level: 1, name: 'Leads' })).toBeVisible();
    await expectTilesFilled(page, 7);
    await expect(tile(page, 'New leads this month').getByText('▲ 27.6%', { exact: true })).toBeVisible();
    await expect(tile(page, 'New leads this month').getByText('vs previous period (29)', { exact: true })).toBeVisible();
    await expect(tile(page, 'Leads by status').getByRole('button', { name: 'No lead status: 3' })).toBeAttached();
    for (const title of ['Qualification funnel', 'Average days in status', 'Leads by lead source', 'Longest-waiting open leads', typedTitle]) {
      await expect(tile(page, title), title).toBeVisible();
    }
    await expect(tile(page, 'Leads by category')).toHaveCount(0);
    await saveScreenshot(page, 'en-dashboard-leads');
    await expectNoDutch(page, [ADMIN_NAME, typedTitle, ...WAITING_LEADS.flatMap(([name, company]) => [name, company])]);

    await page.getByRole('button', { name: 'Actions for tile Leads by status' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Actions for tile Leads by status' }).getByRole('button', { name: 'Data as CSV' }).click();
    expect((await downloading).suggestedFilename()).toBe('Leads by status.csv');

    await page.getByRole('button', { name: 'Actions for tile Qualification funnel' }).click();
    await page.getByRole('dialog', { name: 'Actions for tile Qualification funnel' }).getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Remove tile?' });
    await expect(confirm).toContainText('Tile "Qualification funnel" will be removed from the dashboard.');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    expect(server.patches).toEqual([]);

    // Editing shows the title as on the tile; saved unchanged, the stored title stays, so the tile
    // keeps following each user's language.
    await page.getByRole('button', { name: 'Actions for tile Leads by status' }).click();
    await page.getByRole('dialog', { name: 'Actions for tile Leads by status' }).getByRole('button', { name: 'Edit' }).click();
    const editing = page.getByRole('dialog', { name: 'Edit tile' });
    await expect(editing.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue('Leads by status');
    await editing.getByRole('combobox', { name: 'Tile period' }).selectOption({ label: 'This year' });
    await editing.getByRole('button', { name: 'Save' }).click();
    await expect(editing).toBeHidden();
    const saved = (server.patches.at(-1)?.tiles as Tile[]).find((item) => item.id === 'leads-by-status');
    expect(saved?.title).toBe('Leads per status');
    expect(saved?.period).toEqual({ field: 'registeredAt', range: 'thisYear' });
  });
});
