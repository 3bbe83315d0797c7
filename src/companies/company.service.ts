import type { Actor } from '../auth/actor.js';
import type { Executor, Trx } from '../db/database.js';
import type { AutomationTrigger } from '../db/schema.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import { AppError, notFound } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { leadStatusTransition } from '../leads/lead-status-rules.js';
import { startLeadCycleForCompanies } from '../leads/lead-status.service.js';
import { assertActiveUser, loadSelectableCategory } from '../lists/references.js';
import { type Company, type CompanyInput, toCompany } from './company.js';
import { selectCompanyRows } from './company.repository.js';

export async function getCompany(db: Executor, actor: Actor, id: number): Promise<Company> {
  const row = await selectCompanyRows(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('company', id);
  return toCompany(row, actor.language);
}

async function assertReferences(db: Executor, input: Partial<CompanyInput>): Promise<void> {
  if (input.categoryId != null) await loadSelectableCategory(db, input.categoryId);
  if (input.ownerId != null) await assertActiveUser(db, input.ownerId);
}

function assertName(name: string | undefined): void {
  if (name !== undefined && name.trim() === '') {
    throw new AppError('VALIDATION_FAILED', 'company name must not be empty', [{ field: '/name', message: 'required', code: 'required' }]);
  }
}

export async function createCompany(trx: Trx, actor: Actor, input: CompanyInput): Promise<Company> {
  assertName(input.name);
  await assertReferences(trx, input);

  const inserted = await trx
    .insertInto('companies')
    .values({
      name: input.name.trim(),
      category_id: input.categoryId ?? null,
      owner_id: input.ownerId ?? null,
      street: input.street ?? null,
      postcode: input.postcode ?? null,
      city: input.city ?? null,
      country: input.country ?? null,
      phone: input.phone ?? null,
      website: input.website ?? null,
      ...(input.registeredAt ? { registered_at: input.registeredAt } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  await writeAuditEntry(trx, actor, { entity: 'company', entityId: inserted.id, action: 'create', changes: { ...input } });
  return getCompany(trx, actor, inserted.id);
}

/** Locks a company row for the rest of the transaction and returns its current state. */
async function lockCompany(trx: Trx, id: number) {
  const company = await trx
    .selectFrom('companies')
    .select(['id', 'name', 'category_id', 'version', 'deleted_at'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!company) throw notFound('company', id);
  return company;
}

async function isCategoryLeadEnabled(db: Executor, categoryId: number | null): Promise<boolean> {
  if (categoryId === null) return false;
  const category = await db.selectFrom('categories').select('lead_status_enabled').where('id', '=', categoryId).executeTakeFirst();
  return category?.lead_status_enabled ?? false;
}

/** How updateCompany records a change that category automation makes. */
export interface CompanyUpdateOptions {
  /** The automation rule that made the change; recorded in the audit entry and as source of new lead cycles. */
  automationTrigger?: AutomationTrigger;
}

/**
 * Updates a company. A new category applies the lead status rules to every person of the company.
 * Entering a lead-enabled category starts a new lead cycle at the default status. Leaving one
 * keeps each person's status as a retained value, and moving between two such categories keeps it.
 */
export async function updateCompany(
  trx: Trx,
  actor: Actor,
  id: number,
  patch: Partial<CompanyInput>,
  expectedVersion: number,
  options: CompanyUpdateOptions = {},
): Promise<Company> {
  const company = await lockCompany(trx, id);
  assertCurrentVersion('company', id, company.version, expectedVersion);
  if (company.deleted_at !== null) throw new AppError('VALIDATION_FAILED', `company ${id} is deleted; restore it before editing`);
  // A patch with only the version changes nothing, so the version and the audit log stay as they are.
  if (Object.keys(patch).length === 0) return getCompany(trx, actor, id);
  assertName(patch.name);

  const categoryChanges = patch.categoryId !== undefined && patch.categoryId !== company.category_id;
  if (categoryChanges) await assertReferences(trx, { categoryId: patch.categoryId });
  if (patch.ownerId != null) await assertActiveUser(trx, patch.ownerId);

  const now = new Date();
  await trx
    .updateTable('companies')
    .set((eb) => ({
      ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
      ...(patch.categoryId !== undefined ? { category_id: patch.categoryId } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.street !== undefined ? { street: patch.street } : {}),
      ...(patch.postcode !== undefined ? { postcode: patch.postcode } : {}),
      ...(patch.city !== undefined ? { city: patch.city } : {}),
      ...(patch.country !== undefined ? { country: patch.country } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.website !== undefined ? { website: patch.website } : {}),
      ...(patch.registeredAt !== undefined ? { registered_at: patch.registeredAt } : {}),
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();

  if (categoryChanges) {
    const wasEnabled = await isCategoryLeadEnabled(trx, company.category_id);
    const isEnabled = await isCategoryLeadEnabled(trx, patch.categoryId ?? null);
    if (leadStatusTransition(wasEnabled, isEnabled).kind === 'startCycle') {
      const source = options.automationTrigger === undefined ? 'categoryChange' : 'automation';
      await startLeadCycleForCompanies(trx, { ...actor, source }, [id], now);
    }
  }

  const automation = options.automationTrigger === undefined ? {} : { automation: options.automationTrigger };
  await writeAuditEntry(trx, actor, { entity: 'company', entityId: id, action: 'update', changes: { ...patch, ...automation } });
  return getCompany(trx, actor, id);
}

/** Counts what a category change would do to the lead statuses of the company's persons. */
export async function previewCategoryChange(
  db: Executor,
  companyId: number,
  categoryId: number | null,
): Promise<{ startCycle: number; keep: number; retain: number; none: number }> {
  const company = await db.selectFrom('companies').select(['id', 'category_id']).where('id', '=', companyId).executeTakeFirst();
  if (!company) throw notFound('company', companyId);
  if (categoryId !== null) {
    const exists = await db.selectFrom('categories').select('id').where('id', '=', categoryId).executeTakeFirst();
    if (!exists) throw new AppError('REFERENCE_NOT_FOUND', `category ${categoryId} does not exist`, [{ field: '/categoryId', message: 'unknown category', code: 'unknownReference' }]);
  }

  const counted = await db
    .selectFrom('persons')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('company_id', '=', companyId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  const persons = Number(counted.count);

  const wasEnabled = await isCategoryLeadEnabled(db, company.category_id);
  const isEnabled = categoryId === company.category_id ? wasEnabled : await isCategoryLeadEnabled(db, categoryId);
  const kind = categoryId === company.category_id ? 'none' : leadStatusTransition(wasEnabled, isEnabled).kind;
  return {
    startCycle: kind === 'startCycle' ? persons : 0,
    keep: kind === 'keep' ? persons : 0,
    retain: kind === 'retain' ? persons : 0,
    none: kind === 'none' ? persons : 0,
  };
}

/**
 * Soft-deletes a company together with its persons. They get the same deletion time, so restoring
 * the company brings back exactly the persons deleted with it.
 */
export async function deleteCompany(trx: Trx, actor: Actor, id: number, expectedVersion: number): Promise<void> {
  const company = await lockCompany(trx, id);
  assertCurrentVersion('company', id, company.version, expectedVersion);
  if (company.deleted_at !== null) return;

  const now = new Date();
  await trx
    .updateTable('companies')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await trx
    .updateTable('persons')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('company_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'company', entityId: id, action: 'delete', changes: {} });
}

export async function restoreCompany(trx: Trx, actor: Actor, id: number): Promise<Company> {
  const company = await lockCompany(trx, id);
  if (company.deleted_at === null) return getCompany(trx, actor, id);

  const now = new Date();
  await trx
    .updateTable('persons')
    .set((eb) => ({ deleted_at: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('company_id', '=', id)
    .where('deleted_at', '=', company.deleted_at)
    .execute();
  await trx
    .updateTable('companies')
    .set((eb) => ({ deleted_at: null, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'company', entityId: id, action: 'restore', changes: {} });
  return getCompany(trx, actor, id);
}
