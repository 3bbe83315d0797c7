import { sql } from 'kysely';

import type { Db } from '../db/database.js';
import { encodeCursor } from '../criteria/cursor.js';
import { PERSON_FIELDS } from '../criteria/person-fields.js';
import { parseSort } from '../criteria/sort.js';
import type { ReplayMode } from './statement-recorder.js';

/**
 * The cases measured through the API: each is one request, repeated, with an untimed step before
 * each run that puts the data back where the request expects it.
 */

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: Record<string, unknown>;
}

export interface ApiCase {
  name: string;
  /** Maximum median server time in milliseconds; undefined where no budget applies. */
  budgetMs: number | undefined;
  /** Replay mode of the request's statements, the one that matches how the service runs them. */
  replay: ReplayMode;
  /** Untimed; returns the request of the next run, or several that one run sends one after another. */
  prepare(): Promise<BenchRequest | BenchRequest[]>;
}

/** A person whose company has lead status enabled and a company of about 500 persons, found in the data set. */
interface CaseSubjects {
  statuses: { open: number; contacting: number; qualified: number; disqualified: number };
  categories: { lead: number; customer: number };
  leadPersonId: number;
  largeCompany: { id: number; persons: number };
  /** Persons that the list filter matches. */
  listMatches: number;
  deepCursor: string;
}

/** Returns the list filter: lead status Open or Contacting, in a company of the category group Potential customer. */
function listFilter(subjects: Pick<CaseSubjects, 'statuses'>) {
  return [
    { field: 'leadStatus', operator: 'isOneOf', values: [subjects.statuses.open, subjects.statuses.contacting] },
    { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] },
  ];
}

/**
 * Returns the criteria sets of the find screen's cases: potential customers that are not
 * Disqualified, or customers without our contact.
 */
function findSets(subjects: Pick<CaseSubjects, 'statuses'>) {
  return [
    [
      { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] },
      { field: 'leadStatus', operator: 'isNotOneOf', values: [subjects.statuses.disqualified] },
    ],
    [
      { field: 'categoryGroup', operator: 'isOneOf', values: ['customer'] },
      { field: 'owner', operator: 'isEmpty', values: [] },
    ],
  ];
}

/** Builds the measured cases for the data set in `db`. */
export async function buildApiCases(db: Db): Promise<ApiCase[]> {
  const subjects = await findSubjects(db);
  const filter = encodeURIComponent(JSON.stringify(listFilter(subjects)));
  const matches = subjects.listMatches.toLocaleString('en');
  const fixed = (request: BenchRequest) => async () => request;

  // The board of a saved selection: potential customers that are not Disqualified. Made on first
  // use, once the benchmark's user exists to own it.
  let boardSelectionId: number | undefined;
  const boardSelection = async (): Promise<number> => {
    if (boardSelectionId !== undefined) return boardSelectionId;
    const owner = await db.selectFrom('users').select('id').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const criteria = [
      [
        { field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] },
        { field: 'leadStatus', operator: 'isNotOneOf', values: [subjects.statuses.disqualified] },
      ],
    ];
    const row = await db
      .insertInto('selections')
      .values({ name: 'Warme leads', entity: 'person', kind: 'dynamic', criteria: JSON.stringify(criteria), owner_id: owner.id, visibility: 'everyone' })
      .returning('id')
      .executeTakeFirstOrThrow();
    boardSelectionId = row.id;
    return row.id;
  };

  // A tile over the leads and their status changes of the last year, which covers the data set's
  // most recent months.
  const historyTile = (fields: Record<string, unknown>): BenchRequest => ({
    method: 'POST',
    url: '/api/dashboards/tile-data',
    body: {
      tile: {
        entity: 'person',
        criteria: [[{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]],
        measure: 'count',
        by: null,
        period: { field: 'leadStatusChangedAt', range: 'lastNDays', days: 365 },
        ...fields,
      },
    },
  });

  // The tiles of the default Leads dashboard, which the web app loads one request per tile.
  const defaultDashboardTiles = async (): Promise<BenchRequest[]> => {
    const dashboard = await db.selectFrom('dashboards').select('tiles').where('is_default', '=', true).executeTakeFirstOrThrow();
    return (dashboard.tiles as unknown[]).map((tile) => ({ method: 'POST', url: '/api/dashboards/tile-data', body: { tile } }));
  };

  return [
    {
      name: `list page, first (50 of ${matches})`,
      budgetMs: 50,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: `/api/persons?filter=${filter}&sort=lastName&limit=50&includeTotal=false` }),
    },
    {
      name: 'list page, deep (cursor)',
      budgetMs: 50,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: `/api/persons?filter=${filter}&sort=lastName&limit=50&includeTotal=false&cursor=${subjects.deepCursor}` }),
    },
    {
      name: 'list page with its total (page of 1)',
      budgetMs: 150,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: `/api/persons?filter=${filter}&limit=1` }),
    },
    {
      name: 'group counts by lead status',
      budgetMs: 100,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: '/api/persons/group-counts?by=leadStatus' }),
    },
    {
      name: 'group counts, potential customers',
      budgetMs: 100,
      replay: 'concurrent',
      prepare: fixed({
        method: 'GET',
        url: `/api/persons/group-counts?by=leadStatus&filter=${encodeURIComponent(
          JSON.stringify([{ field: 'categoryGroup', operator: 'isOneOf', values: ['potentialCustomer'] }]),
        )}`,
      }),
    },
    {
      name: 'find, first page with its total',
      budgetMs: 150,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: `/api/persons?filter=${encodeURIComponent(JSON.stringify(findSets(subjects).slice(0, 1)))}&sort=lastName&limit=50` }),
    },
    {
      name: 'find, two sets ORed, first page with its total',
      budgetMs: 150,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: `/api/persons?filter=${encodeURIComponent(JSON.stringify(findSets(subjects)))}&sort=lastName&limit=50` }),
    },
    {
      name: 'selection board counts (dynamic)',
      budgetMs: 100,
      replay: 'concurrent',
      prepare: async () => ({ method: 'GET', url: `/api/selections/${await boardSelection()}/persons/group-counts?by=leadStatus` }),
    },
    {
      name: 'selection board column (50 cards)',
      budgetMs: 50,
      replay: 'concurrent',
      prepare: async () => ({
        method: 'GET',
        url: `/api/selections/${await boardSelection()}/persons?filter=${encodeURIComponent(
          JSON.stringify([{ field: 'leadStatus', operator: 'isOneOf', values: [subjects.statuses.open] }]),
        )}&sort=lastName&limit=50&includeTotal=false`,
      }),
    },
    {
      // The sum of all tile requests, sent one after another.
      name: 'default Leads dashboard, all tiles',
      budgetMs: 500,
      replay: 'concurrent',
      prepare: defaultDashboardTiles,
    },
    {
      // Tiles that users add themselves; they read the status history of the leads.
      name: 'dashboard tile: time in status of leads, last 365 days',
      budgetMs: undefined,
      replay: 'concurrent',
      prepare: async () => historyTile({ id: 'bench-time', type: 'timeInStatus', title: 'Tijd per status' }),
    },
    {
      name: 'dashboard tile: conversion Open to Contacting, last 365 days',
      budgetMs: undefined,
      replay: 'concurrent',
      prepare: async () => historyTile({ id: 'bench-conversion', type: 'conversion', title: 'Conversie', steps: [subjects.statuses.open, subjects.statuses.contacting] }),
    },
    {
      name: 'person card',
      budgetMs: undefined,
      replay: 'concurrent',
      prepare: fixed({ method: 'GET', url: `/api/persons/${subjects.leadPersonId}` }),
    },
    {
      name: 'lead status change',
      budgetMs: 10,
      replay: 'transaction',
      prepare: async () => {
        const person = await db.selectFrom('persons').select(['lead_status_id', 'version']).where('id', '=', subjects.leadPersonId).executeTakeFirstOrThrow();
        const { contacting, qualified } = subjects.statuses;
        const leadStatusId = person.lead_status_id === contacting ? qualified : contacting;
        return { method: 'PATCH', url: `/api/persons/${subjects.leadPersonId}`, body: { leadStatusId, version: person.version } };
      },
    },
    {
      name: `category change, ${subjects.largeCompany.persons} persons`,
      budgetMs: undefined,
      replay: 'transaction',
      prepare: async () => {
        // Back to a category without lead status first, so that every run starts a new lead
        // cycle for all persons of the company: the most work a category change does.
        const company = await db
          .updateTable('companies')
          .set((eb) => ({ category_id: subjects.categories.customer, version: eb('version', '+', 1) }))
          .where('id', '=', subjects.largeCompany.id)
          .returning('version')
          .executeTakeFirstOrThrow();
        return { method: 'PATCH', url: `/api/companies/${subjects.largeCompany.id}`, body: { categoryId: subjects.categories.lead, version: company.version } };
      },
    },
  ];
}

async function findSubjects(db: Db): Promise<CaseSubjects> {
  const statusRows = await db.selectFrom('lead_statuses').select(['id', 'name_en']).execute();
  const categoryRows = await db.selectFrom('categories').select(['id', 'name_en']).execute();
  const statusId = (name: string) => findId(statusRows, name, 'lead status');
  const categoryId = (name: string) => findId(categoryRows, name, 'category');
  const statuses = { open: statusId('Open'), contacting: statusId('Contacting'), qualified: statusId('Qualified'), disqualified: statusId('Disqualified') };
  const categories = { lead: categoryId('Lead'), customer: categoryId('Customer') };

  const leadPerson = await db
    .selectFrom('persons as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('categories as cat', 'cat.id', 'c.category_id')
    .select('p.id')
    .where('cat.lead_status_enabled', '=', true)
    .where('p.lead_status_id', 'is not', null)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .limit(1)
    .executeTakeFirstOrThrow();

  const largeCompany = await sql<{ id: number; persons: number }>`
    select company_id as id, count(*)::integer as persons
    from persons
    where company_id is not null and deleted_at is null
    group by company_id
    having count(*) <= 500
    order by count(*) desc, company_id
    limit 1
  `.execute(db);
  const company = largeCompany.rows[0];
  if (company === undefined) throw new Error('the data set has no company with persons');

  const { listMatches, deepCursor } = await findDeepCursor(db, statuses);
  return { statuses, categories, leadPersonId: leadPerson.id, largeCompany: company, listMatches, deepCursor };
}

/** Makes the cursor of the list page halfway down the filtered list, as paging there would return it. */
async function findDeepCursor(db: Db, statuses: CaseSubjects['statuses']): Promise<{ listMatches: number; deepCursor: string }> {
  const matching = sql`
    from persons as p
    join companies as c on c.id = p.company_id
    join categories as cat on cat.id = c.category_id
    where p.deleted_at is null and p.lead_status_id in (${statuses.open}, ${statuses.contacting}) and cat.category_group = 'potentialCustomer'`;
  const counted = await sql<{ total: number }>`select count(*)::integer as total ${matching}`.execute(db);
  const listMatches = counted.rows[0]?.total ?? 0;

  const middle = await sql<{ last_name: string; first_name: string | null; id: number }>`
    select trechter_fold(p.last_name) collate "C" as last_name, trechter_fold(p.first_name) collate "C" as first_name, p.id
    ${matching}
    order by 1, 2, 3
    offset ${Math.floor(listMatches / 2)} limit 1`.execute(db);
  const row = middle.rows[0];
  if (row === undefined) throw new Error('the list filter of the benchmark matches no person');
  return { listMatches, deepCursor: encodeCursor('person', parseSort('lastName', PERSON_FIELDS), [row.last_name, row.first_name, row.id]) };
}

function findId(rows: ReadonlyArray<{ id: number; name_en: string | null }>, name: string, kind: string): number {
  const row = rows.find((candidate) => candidate.name_en === name);
  if (row === undefined) throw new Error(`the data set has no ${kind} "${name}"`);
  return row.id;
}
