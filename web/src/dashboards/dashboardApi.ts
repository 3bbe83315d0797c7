import { apiRequest } from '../api/client';
import type { Criterion, ItemsResponse, NamedRef, SelectionEntity } from '../api/types';

/** Shapes and calls of the dashboards API. Field names follow the API. */

export type TileType = 'bigNumber' | 'list' | 'pie' | 'bar' | 'column' | 'line' | 'funnel' | 'conversion' | 'timeInStatus';
export type TileMeasure = 'count' | 'avgDaysInStatus' | 'minDaysInStatus' | 'maxDaysInStatus';
export type PeriodField = 'registeredAt' | 'leadStatusChangedAt';
export type PeriodRange = 'today' | 'thisWeek' | 'thisMonth' | 'thisQuarter' | 'thisYear' | 'yearToDate' | 'lastNDays';

export interface Period {
  field: PeriodField;
  range: PeriodRange;
  /** Number of days; only with the range lastNDays. */
  days?: number;
}

/** Place of a tile on the dashboard grid of 12 columns; y and h count rows. */
export interface TileLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Tile {
  /** Made by the web app, at most 40 characters. */
  id: string;
  type: TileType;
  title: string;
  entity: SelectionEntity;
  /** Criteria sets of the records the tile counts, as on the find screen. */
  criteria: Criterion[][];
  measure: TileMeasure;
  /** Field the records are grouped by, such as leadStatus; null for tiles without groups. */
  by: string | null;
  period: Period | null;
  /** List tiles: the sort, as in the list API, such as "-daysInStatus". */
  sort?: string;
  /** List tiles: the number of rows shown; the server shows 100 without it. */
  limit?: number;
  /** Funnel tiles: the lead status ids of the steps, in order. Conversion tiles: from and to. */
  steps?: number[];
  layout: TileLayout;
}

export interface DashboardSummary {
  id: number;
  name: string;
  /** Null for a dashboard that came with Trechter, such as the default Leads dashboard. */
  owner: NamedRef | null;
  shared: boolean;
  /** Whether the signed-in user may change the dashboard. */
  editable: boolean;
  isDefault: boolean;
  updatedAt: string;
  version: number;
}

export interface Dashboard extends DashboardSummary {
  tiles: Tile[];
}

/** Owner filter of the whole dashboard: a user id, the signed-in user, or null for everyone. */
export type OwnerFilter = number | 'currentUser' | null;

export interface TileDataRequest {
  tile: Omit<Tile, 'layout'> & { layout?: TileLayout };
  period?: Period;
  ownerId?: OwnerFilter;
}

export interface GroupKey {
  value: string | number | boolean | null;
  label: string | null;
  deleted?: boolean;
}

export interface BigNumberData {
  type: 'bigNumber';
  value: number | null;
  /** The same measure over the previous period of equal length; null without a period. */
  previous: number | null;
  criteria: Criterion[][];
}

export interface GroupsData {
  type: 'pie' | 'bar' | 'column';
  groups: Array<{ key: GroupKey; value: number | null; criteria: Criterion[][] }>;
}

export interface LineData {
  type: 'line';
  /** Buckets of days, weeks (starting on Monday) or months, by the length of the period. */
  buckets: Array<{ start: string; value: number | null; criteria: Criterion[][] }>;
}

export interface ListRow {
  id: number;
  name: string;
  company: string | null;
  leadStatus: string | null;
  owner: string | null;
  daysInStatus: number | null;
}

export interface ListData {
  type: 'list';
  total: number;
  /** At most 100 rows. */
  rows: ListRow[];
  criteria: Criterion[][];
}

export type FunnelStepKey = { kind: 'leadStatus'; id: number; name: string } | { kind: 'sale'; id: null; name: string };

export interface FunnelData {
  type: 'funnel';
  steps: Array<{ key: FunnelStepKey; reached: number; criteria: Criterion[][] | null }>;
  /** Share of step i that reached step i + 1, or null where step i reached no records. */
  conversions: Array<number | null>;
}

export interface ConversionStep {
  key: { kind: 'leadStatus'; id: number; name: string };
  reached: number;
  criteria: Criterion[][];
}

export interface ConversionData {
  type: 'conversion';
  /** The persons that reached the first status in the period. */
  from: ConversionStep;
  /** Of those, the persons that reached the second status in the period too. */
  to: ConversionStep;
  /** to.reached divided by from.reached; null when from has none. */
  rate: number | null;
}

export interface TimeInStatusData {
  type: 'timeInStatus';
  /** Per lead status in list order: the average days spent in it over the stays that began in the period. */
  groups: Array<{ key: GroupKey; value: number | null; stays: number; criteria: Criterion[][] }>;
}

export type TileData = BigNumberData | GroupsData | LineData | ListData | FunnelData | ConversionData | TimeInStatusData;

export const dashboards = {
  list: () => apiRequest<ItemsResponse<DashboardSummary>>('GET', '/api/dashboards'),
  get: (id: number) => apiRequest<Dashboard>('GET', `/api/dashboards/${id}`),
  create: (input: { name: string; tiles?: Tile[] }) => apiRequest<Dashboard>('POST', '/api/dashboards', { body: input }),
  update: (id: number, changes: { name?: string; tiles?: Tile[]; shared?: boolean; version: number }) =>
    apiRequest<Dashboard>('PATCH', `/api/dashboards/${id}`, { body: changes }),
  remove: (id: number, version: number) => apiRequest<void>('DELETE', `/api/dashboards/${id}`, { query: { version } }),
  tileData: (request: TileDataRequest, signal?: AbortSignal) =>
    apiRequest<TileData>('POST', '/api/dashboards/tile-data', { body: request, ...(signal === undefined ? {} : { signal }) }),
};

/** Query keys of the dashboard screens; everything starts with 'dashboards', so one prefix refreshes all. */
export const dashboardKeys = {
  all: ['dashboards'] as const,
  list: ['dashboards', 'list'] as const,
  record: (id: number) => ['dashboards', 'record', id] as const,
  tileDataAll: ['dashboards', 'tile-data'] as const,
  tileData: (request: TileDataRequest) => ['dashboards', 'tile-data', request] as const,
};
