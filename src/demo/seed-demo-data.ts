import { type Insertable, sql } from 'kysely';

import type { Db, Executor } from '../db/database.js';
import type { CompaniesTable, Database, LeadStatusChangesTable, LeadStatusChangeSource, PersonsTable, SalesTable } from '../db/schema.js';
import { compactPersonCounts } from '../persons/person-counts.js';
import { CompanyGenerator, type GeneratedCompany, type PlanEntry, planCompanySizes, toAsciiLower } from './company-generator.js';
import { type CategoryItem, LeadStatusPlanner, type LeadStatusStep, spreadChangeTimes } from './lead-history.js';
import { PersonGenerator } from './person-generator.js';
import { SeededRandom } from './random.js';
import { DEMO_USER_NAMES, LEAD_SOURCES } from './word-lists.js';

export interface SeedDemoOptions {
  persons: number;
  /** Seed of the random generator: the same seed, count and `now` give the same data. */
  seed: number;
  /** End of the two years over which registration and status change dates fall; defaults to now. */
  now?: Date;
  onProgress?: (progress: SeedDemoProgress) => void;
}

export interface SeedDemoProgress {
  personsDone: number;
  personsTotal: number;
  companiesDone: number;
}

export interface SeedDemoSummary {
  persons: number;
  companies: number;
  leadStatusChanges: number;
  /** Demo users created; 0 when the database already had users besides administrators. */
  usersCreated: number;
  /** Persons per lead status id, with null for persons without a status. */
  personsByLeadStatusId: Map<number | null, number>;
  /** Persons whose company's category has lead status enabled. */
  leads: number;
}

/** Maximum rows in one INSERT statement. */
const ROWS_PER_STATEMENT = 1_000;
/** A transaction ends after the company that brings it to this many persons. */
const PERSONS_PER_TRANSACTION = 5_000;

const DAY_MS = 24 * 60 * 60 * 1_000;
const PERIOD_MS = 730 * DAY_MS;
/** The newest records are registered at least this long before `now`, so their changes fit. */
const NEWEST_RECORD_AGE_MS = 60 * 60 * 1_000;

type CompanyRow = Insertable<CompaniesTable> & { id: number };
type PersonRow = Insertable<PersonsTable> & { id: number };
type LeadStatusChangeRow = Insertable<LeadStatusChangesTable>;

/**
 * Adds demo companies, persons and lead status history to a migrated database. Persons of a
 * company in a lead-enabled category all get a status, and every status comes with the chain of
 * history records that led to it. Creates a sales team of demo users as owners when the database
 * has no users besides administrators. Rows go in with multi-row inserts, one transaction per
 * few thousand persons, so an interrupted run leaves whole companies only.
 */
export async function seedDemoData(db: Db, options: SeedDemoOptions): Promise<SeedDemoSummary> {
  if (!Number.isInteger(options.persons) || options.persons < 1) {
    throw new RangeError(`persons must be a positive whole number, got ${options.persons}`);
  }
  const random = new SeededRandom(options.seed);
  const now = (options.now ?? new Date()).getTime();

  const { ownerIds, usersCreated } = await ensureDemoUsers(db, random, now);
  const categories = await loadCategories(db);
  const planner = new LeadStatusPlanner(random, await loadLeadStatuses(db));
  const companies = new CompanyGenerator(random);
  const salesRandom = new SeededRandom(options.seed + SALES_SEED_OFFSET);

  const summary: SeedDemoSummary = {
    persons: 0,
    companies: 0,
    leadStatusChanges: 0,
    usersCreated,
    personsByLeadStatusId: new Map(),
    leads: 0,
  };

  const plan = planCompanySizes(random, options.persons);
  for (const entries of splitIntoTransactions(plan)) {
    const batch = await db.transaction().execute(async (trx) => {
      const companyIds = await reserveIds(trx, 'companies', entries.filter((entry) => entry.hasCompany).length);
      const personIds = await reserveIds(trx, 'persons', entries.reduce((sum, entry) => sum + entry.size, 0));

      const builder = new BatchBuilder(random, now, ownerIds, categories, planner, companies, salesRandom);
      let nextCompanyId = 0;
      let nextPersonId = 0;
      for (const entry of entries) {
        const companyId = entry.hasCompany ? companyIds[nextCompanyId++]! : null;
        builder.addCompany(companyId, personIds.slice(nextPersonId, nextPersonId + entry.size));
        nextPersonId += entry.size;
      }

      await insertInChunks(trx, 'companies', builder.companyRows);
      await insertInChunks(trx, 'persons', builder.personRows);
      await insertInChunks(trx, 'lead_status_changes', builder.historyRows);
      await insertInChunks(trx, 'sales', builder.saleRows);
      return builder;
    });

    addToSummary(summary, batch);
    options.onProgress?.({ personsDone: summary.persons, personsTotal: options.persons, companiesDone: summary.companies });
  }
  await compactPersonCounts(db);
  // Planner statistics for the new rows: the embedded engine has no autovacuum to gather them, and
  // without them it chose plans that made a list page of 20,000 persons take 65 ms instead of 10.
  await sql`analyze`.execute(db);
  return summary;
}

/** Groups plan entries into transactions of about PERSONS_PER_TRANSACTION persons. */
function* splitIntoTransactions(plan: readonly PlanEntry[]): Generator<PlanEntry[]> {
  let entries: PlanEntry[] = [];
  let persons = 0;
  for (const entry of plan) {
    entries.push(entry);
    persons += entry.size;
    if (persons >= PERSONS_PER_TRANSACTION) {
      yield entries;
      entries = [];
      persons = 0;
    }
  }
  if (entries.length > 0) yield entries;
}

function addToSummary(summary: SeedDemoSummary, batch: BatchBuilder): void {
  summary.companies += batch.companyRows.length;
  summary.persons += batch.personRows.length;
  summary.leadStatusChanges += batch.historyRows.length;
  summary.leads += batch.leads;
  for (const person of batch.personRows) {
    const statusId = person.lead_status_id ?? null;
    summary.personsByLeadStatusId.set(statusId, (summary.personsByLeadStatusId.get(statusId) ?? 0) + 1);
  }
}

/** Company details shared by its persons. For persons without a company all but registeredAt are null. */
interface CompanyContext {
  company: GeneratedCompany | null;
  category: CategoryItem | null;
  ownerId: number | null;
  registeredAt: number;
}

/** Builds the rows of one transaction: companies, their persons and the persons' history. */
class BatchBuilder {
  readonly companyRows: CompanyRow[] = [];
  readonly personRows: PersonRow[] = [];
  readonly historyRows: LeadStatusChangeRow[] = [];
  readonly saleRows: Array<Insertable<SalesTable>> = [];
  /** Persons added whose company's category has lead status enabled. */
  leads = 0;

  constructor(
    private readonly random: SeededRandom,
    private readonly now: number,
    private readonly ownerIds: readonly (readonly [number, number])[],
    private readonly categories: readonly (readonly [CategoryItem | null, number])[],
    private readonly planner: LeadStatusPlanner,
    private readonly companies: CompanyGenerator,
    /** Draws the sales apart from the rest, so that adding sales left the other demo data as it was. */
    private readonly salesRandom: SeededRandom,
  ) {}

  /** Adds a company with one person per id, or, when `companyId` is null, persons without a company. */
  addCompany(companyId: number | null, personIds: readonly number[]): void {
    const random = this.random;
    // Recent registrations are more common than old ones, as in a growing database.
    const registeredAt = wholeSeconds(this.now - NEWEST_RECORD_AGE_MS - (PERIOD_MS - NEWEST_RECORD_AGE_MS) * random.next() ** 1.3);

    let context: CompanyContext = { company: null, category: null, ownerId: null, registeredAt };
    if (companyId !== null) {
      const company = this.companies.next();
      const category = random.pickWeighted(this.categories);
      const ownerId = random.chance(0.9) ? random.pickWeighted(this.ownerIds) : null;
      context = { company, category, ownerId, registeredAt };

      this.companyRows.push({
        id: companyId,
        name: company.name,
        category_id: category?.id ?? null,
        owner_id: ownerId,
        street: company.street,
        postcode: company.postcode,
        city: company.city,
        country: company.country,
        phone: company.phone,
        website: company.website,
        registered_at: toTimestamp(registeredAt),
        updated_at: toTimestamp(laterTime(random, registeredAt, this.now)),
        deleted_at: null,
      });
      this.addSales(companyId, category, ownerId, registeredAt);
    }

    const persons = new PersonGenerator(random, context.company, personIds.length);
    for (const personId of personIds) this.addPerson(companyId, personId, persons, context);
  }

  /**
   * Adds the sales a company of its category plausibly has: won sales for customers, an open sale
   * for most opportunities, a lost one for lost opportunities, now and then an open sale for a lead.
   */
  private addSales(companyId: number, category: CategoryItem | null, ownerId: number | null, registeredAt: number): void {
    const random = this.salesRandom;
    const sale = (status: 'open' | 'sold' | 'lost', reason: string | null = null) => {
      const saleTime = laterTime(random, registeredAt, this.now);
      this.saleRows.push({
        title: random.pick(SALE_TITLES),
        company_id: companyId,
        person_id: null,
        owner_id: ownerId,
        amount: random.integer(20, 1_200) * 50,
        status,
        sale_date: toTimestamp(saleTime).slice(0, 10),
        reason,
        registered_at: toTimestamp(saleTime),
        updated_at: toTimestamp(saleTime),
        deleted_at: null,
      });
    };

    switch (category?.nameEn) {
      case 'Customer':
        for (let count = random.integer(1, 3); count > 0; count--) sale('sold');
        if (random.chance(0.3)) sale('open');
        break;
      case 'Former customer':
        sale('sold');
        break;
      case 'Opportunity':
        if (random.chance(0.7)) sale('open');
        break;
      case 'Lost opportunity':
        sale('lost', random.pick(LOST_REASONS));
        break;
      case 'Lead':
      case 'Marketing qualified lead (MQL)':
        if (random.chance(0.05)) sale('open');
        break;
    }
  }

  private addPerson(companyId: number | null, personId: number, persons: PersonGenerator, context: CompanyContext): void {
    const random = this.random;
    const person = persons.next();
    // Most persons are entered with their company, some join it later.
    const registeredAt = wholeSeconds(
      context.registeredAt + (this.now - NEWEST_RECORD_AGE_MS - context.registeredAt) * random.next() ** 3,
    );

    const leadEnabled = context.category?.leadStatusEnabled ?? false;
    let steps: LeadStatusStep[] = [];
    if (context.category !== null && leadEnabled) {
      steps = this.planner.chooseLeadSteps(context.category);
    } else if (context.company !== null) {
      steps = this.planner.chooseRetainedSteps(context.category);
    }

    const times = spreadChangeTimes(random, steps.length, registeredAt, this.now);
    const ownerId = this.personOwner(context.ownerId);
    steps.forEach((step, index) => {
      this.historyRows.push({
        person_id: personId,
        from_status_id: step.fromStatusId,
        to_status_id: step.toStatusId,
        changed_at: toTimestamp(times[index]!),
        changed_by: changedBy(random, step.source, ownerId, this.ownerIds),
        source: step.source,
      });
    });

    const lastStep = steps[steps.length - 1];
    const lastChangeAt = times[times.length - 1] ?? registeredAt;
    this.personRows.push({
      id: personId,
      company_id: companyId,
      salutation: person.salutation,
      first_name: person.firstName,
      middle_name: person.middleName,
      last_name: person.lastName,
      job_title: person.jobTitle,
      email: person.email,
      phone: person.phone,
      mobile: person.mobile,
      owner_id: ownerId,
      lead_status_id: lastStep?.toStatusId ?? null,
      lead_status_changed_at: lastStep === undefined ? null : toTimestamp(lastChangeAt),
      lead_source: lastStep !== undefined && random.chance(0.45) ? random.pickWeighted(LEAD_SOURCES) : null,
      former_employee: random.chance(0.03),
      registered_at: toTimestamp(registeredAt),
      updated_at: toTimestamp(laterTime(random, lastChangeAt, this.now)),
      deleted_at: null,
    });
    if (leadEnabled) this.leads += 1;
  }

  /** Persons usually share their company's owner. */
  private personOwner(companyOwnerId: number | null): number | null {
    const random = this.random;
    if (companyOwnerId !== null && random.chance(0.75)) return companyOwnerId;
    return random.chance(0.8) ? random.pickWeighted(this.ownerIds) : null;
  }
}

/** Picks the user who made a change: none for an import, which runs without a signed-in user, and usually the person's owner otherwise. */
function changedBy(
  random: SeededRandom,
  source: LeadStatusChangeSource,
  ownerId: number | null,
  ownerIds: readonly (readonly [number, number])[],
): number | null {
  if (source === 'import') return null;
  if (ownerId !== null && random.chance(0.8)) return ownerId;
  return random.pickWeighted(ownerIds);
}

/** Returns a time between `from` and `to`, usually close to `from`. */
function laterTime(random: SeededRandom, from: number, to: number): number {
  return wholeSeconds(from + Math.max(0, to - from) * random.next() ** 4);
}

function wholeSeconds(time: number): number {
  return Math.floor(time / 1_000) * 1_000;
}

function toTimestamp(time: number): string {
  return new Date(time).toISOString();
}

/**
 * Returns the active users who own the demo records, each with a weight so that some own more
 * than others. Creates eight demo users first when the database has no users besides
 * administrators. Demo users have no password, so they cannot sign in until an administrator
 * sets one.
 */
async function ensureDemoUsers(
  db: Db,
  random: SeededRandom,
  now: number,
): Promise<{ ownerIds: Array<readonly [number, number]>; usersCreated: number }> {
  const others = await db.selectFrom('users').select('id').where('role', '<>', 'administrator').limit(1).execute();

  let usersCreated = 0;
  if (others.length === 0) {
    const createdAt = toTimestamp(now - PERIOD_MS - 30 * DAY_MS);
    await db
      .insertInto('users')
      .values(
        DEMO_USER_NAMES.map((name) => ({
          name,
          email: `${toAsciiLower(name).replace(/[^a-z0-9]+/g, '.')}@demo.trechter.example`,
          password_hash: null,
          role: 'user' as const,
          language: 'nl' as const,
          created_at: createdAt,
          updated_at: createdAt,
        })),
      )
      .execute();
    usersCreated = DEMO_USER_NAMES.length;
  }

  let owners = await db.selectFrom('users').select('id').where('active', '=', true).where('role', '=', 'user').orderBy('id').execute();
  if (owners.length === 0) owners = await db.selectFrom('users').select('id').where('active', '=', true).orderBy('id').execute();
  if (owners.length === 0) throw new Error('the database has no active users to own the demo records; activate a user first');

  return { ownerIds: owners.map((owner) => [owner.id, random.integer(1, 5)] as const), usersCreated };
}

/** Category shares of the demo companies: two thirds in lead-enabled categories. */
const CATEGORY_WEIGHTS: Readonly<Record<string, number>> = {
  Lead: 40,
  'Marketing qualified lead (MQL)': 12,
  Opportunity: 10,
  'Lost opportunity': 5,
  Customer: 18,
  Partner: 4,
  'Former customer': 4,
  Other: 4,
};
/** Titles of demo sales, and the reasons of the lost ones. */
const SALE_TITLES = ['Licenties', 'Implementatie', 'Onderhoudscontract', 'Training', 'Uitbreiding', 'Adviestraject'] as const;
const LOST_REASONS = ['Te duur', 'Gekozen voor een concurrent', 'Geen budget', 'Project uitgesteld'] as const;
/** Added to the seed for the sales' own random sequence. */
const SALES_SEED_OFFSET = 7_919;

/** Share of a category an administrator added, and of companies without a category. */
const ADDED_CATEGORY_WEIGHT = 3;

async function loadCategories(db: Executor): Promise<Array<readonly [CategoryItem | null, number]>> {
  const rows = await db
    .selectFrom('categories')
    .select(['id', 'name_en', 'category_group', 'lead_status_enabled'])
    .where('deleted', '=', false)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();

  const weighted: Array<readonly [CategoryItem | null, number]> = rows.map((row) => [
    { id: row.id, nameEn: row.name_en, group: row.category_group, leadStatusEnabled: row.lead_status_enabled },
    CATEGORY_WEIGHTS[row.name_en ?? ''] ?? ADDED_CATEGORY_WEIGHT,
  ]);
  weighted.push([null, ADDED_CATEGORY_WEIGHT]);
  return weighted;
}

async function loadLeadStatuses(db: Executor) {
  const rows = await db
    .selectFrom('lead_statuses')
    .select(['id', 'name_en', 'is_default'])
    .where('deleted', '=', false)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, nameEn: row.name_en, isDefault: row.is_default }));
}

/**
 * Takes `count` ids from a table's identity sequence, so that rows can refer to each other before
 * they are inserted. Returns them in ascending order.
 */
async function reserveIds(db: Executor, table: 'companies' | 'persons', count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence(${table}, 'id'))::integer as id from generate_series(1, ${count})
  `.execute(db);
  return result.rows.map((row) => row.id).sort((a, b) => a - b);
}

/**
 * Inserts rows with one statement per ROWS_PER_STATEMENT rows. Each statement sends its rows as
 * one JSON parameter, which json_populate_recordset turns into table rows, instead of one
 * parameter per value. That was 10 to 30% faster on PGlite in a few runs of 20,000 persons.
 * Columns that the rows lack get their defaults.
 */
async function insertInChunks<Table extends keyof Database & string>(
  db: Executor,
  table: Table,
  rows: ReadonlyArray<Insertable<Database[Table]>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(Object.keys(rows[0]!).map((column) => sql.ref(column)));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(start, start + ROWS_PER_STATEMENT));
    await sql`
      insert into ${sql.table(table)} (${columns})
      select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${json}::json)
    `.execute(db);
  }
}
