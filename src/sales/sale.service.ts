import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import { getAutomationRule } from '../automation/automation-settings.service.js';
import { type AutomationOutcome, runAutomationRule } from '../automation/category-automation.service.js';
import type { AutomationTrigger } from '../automation/automation-rules.js';
import type { Executor, Trx } from '../db/database.js';
import { AppError, notFound, validationFailed } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { assertActiveUser } from '../lists/references.js';
import { type Sale, type SaleInput, type SalePatch, type SaleStatus, toSale } from './sale.js';
import { selectSaleRows } from './sale.repository.js';

/** A written sale with what category automation did to its company, if anything. */
export interface SaleWriteResult {
  sale: Sale;
  automation: AutomationOutcome | null;
}

/** The largest amount numeric(14,2) holds. */
const MAX_AMOUNT = 999_999_999_999.99;

export async function getSale(db: Executor, id: number): Promise<Sale> {
  const row = await selectSaleRows(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('sale', id);
  return toSale(row);
}

export interface SaleListQuery {
  companyId?: number;
  personId?: number;
  status?: SaleStatus;
  limit: number;
  cursor?: string;
}

/**
 * Lists sales that are not deleted, newest sale date first, a page at a time. The cursor is the
 * sale date and id of the last sale of the previous page, as "2026-03-01_42".
 */
export async function listSales(db: Executor, query: SaleListQuery): Promise<{ items: Sale[]; nextCursor: string | null }> {
  let rows = selectSaleRows(db).where('s.deleted_at', 'is', null);
  if (query.companyId !== undefined) rows = rows.where('s.company_id', '=', query.companyId);
  if (query.personId !== undefined) rows = rows.where('s.person_id', '=', query.personId);
  if (query.status !== undefined) rows = rows.where('s.status', '=', query.status);
  if (query.cursor !== undefined) {
    const { saleDate, id } = decodeSaleCursor(query.cursor);
    rows = rows.where(sql<boolean>`(s.sale_date, s.id) < (${saleDate}::date, ${id})`);
  }

  const page = await rows.orderBy('s.sale_date', 'desc').orderBy('s.id', 'desc').limit(query.limit + 1).execute();
  const items = page.slice(0, query.limit).map(toSale);
  const last = items.at(-1);
  const nextCursor = page.length > query.limit && last !== undefined ? `${last.saleDate}_${last.id}` : null;
  return { items, nextCursor };
}

function decodeSaleCursor(cursor: string): { saleDate: string; id: number } {
  const match = /^(\d{4}-\d{2}-\d{2})_([1-9]\d{0,9})$/.exec(cursor);
  const id = Number(match?.[2]);
  if (match === null || Number.isNaN(Date.parse(match[1] as string)) || id > 2_147_483_647) {
    throw validationFailed('/cursor', 'is not a cursor this list returned; request the first page again without a cursor');
  }
  return { saleDate: match[1] as string, id };
}

/**
 * Registers an open sale and runs the saleRegistered rule of category automation on its company.
 * Without an owner the sale gets the user who registers it; without a date, `today`.
 */
export async function createSale(trx: Trx, actor: Actor, input: SaleInput, today: string): Promise<SaleWriteResult> {
  const title = checkedTitle(input.title);
  checkAmount(input.amount);
  await lockSaleCompany(trx, input.companyId, '/companyId');
  if (input.personId != null) await assertPersonOfCompany(trx, input.personId, input.companyId);
  const ownerId = input.ownerId !== undefined ? input.ownerId : actor.userId;
  if (ownerId !== null) await assertActiveUser(trx, ownerId);

  const now = new Date();
  const inserted = await trx
    .insertInto('sales')
    .values({
      title,
      company_id: input.companyId,
      person_id: input.personId ?? null,
      owner_id: ownerId,
      amount: input.amount ?? null,
      sale_date: input.saleDate ?? today,
      reason: input.reason ?? null,
      registered_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  await writeAuditEntry(trx, actor, { entity: 'sale', entityId: inserted.id, action: 'create', changes: { ...input, ownerId } });
  const automation = await runSaleRule(trx, actor, 'saleRegistered', input.companyId);
  return { sale: await getSale(trx, inserted.id), automation };
}

/**
 * Changes a sale. Marking it sold or lost runs the saleSold or saleLost rule of category
 * automation on its company; reopening it runs none.
 */
export async function updateSale(trx: Trx, actor: Actor, id: number, patch: SalePatch, expectedVersion: number): Promise<SaleWriteResult> {
  const current = await trx.selectFrom('sales').select('company_id').where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('sale', id);
  // The company first and the sale after it, the order in which automation locks them.
  await lockSaleCompany(trx, current.company_id, null);
  const sale = await trx.selectFrom('sales').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
  assertCurrentVersion('sale', id, sale.version, expectedVersion);
  if (sale.deleted_at !== null) throw new AppError('VALIDATION_FAILED', `sale ${id} is deleted and cannot be changed`);

  const title = patch.title === undefined ? undefined : checkedTitle(patch.title);
  checkAmount(patch.amount);
  if (patch.personId != null && patch.personId !== sale.person_id) await assertPersonOfCompany(trx, patch.personId, sale.company_id);
  if (patch.ownerId != null && patch.ownerId !== sale.owner_id) await assertActiveUser(trx, patch.ownerId);

  await trx
    .updateTable('sales')
    .set((eb) => ({
      ...(title !== undefined ? { title } : {}),
      ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
      ...(patch.ownerId !== undefined ? { owner_id: patch.ownerId } : {}),
      ...(patch.amount !== undefined ? { amount: patch.amount } : {}),
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.saleDate !== undefined ? { sale_date: patch.saleDate } : {}),
      ...(patch.reason !== undefined ? { reason: patch.reason } : {}),
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'sale', entityId: id, action: 'update', changes: { ...patch } });

  const trigger = patch.status !== undefined && patch.status !== sale.status ? STATUS_TRIGGERS[patch.status] : null;
  const automation = trigger === null ? null : await runSaleRule(trx, actor, trigger, sale.company_id);
  return { sale: await getSale(trx, id), automation };
}

const STATUS_TRIGGERS: Record<SaleStatus, AutomationTrigger | null> = { open: null, sold: 'saleSold', lost: 'saleLost' };

/** Soft-deletes a sale. A deleted sale leaves lists and cannot be changed; the audit log keeps it. */
export async function deleteSale(trx: Trx, actor: Actor, id: number, expectedVersion: number): Promise<void> {
  const sale = await trx.selectFrom('sales').select(['version', 'deleted_at']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!sale) throw notFound('sale', id);
  assertCurrentVersion('sale', id, sale.version, expectedVersion);
  if (sale.deleted_at !== null) return;

  const now = new Date();
  await trx
    .updateTable('sales')
    .set((eb) => ({ deleted_at: now, updated_at: now, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
  await writeAuditEntry(trx, actor, { entity: 'sale', entityId: id, action: 'delete', changes: {} });
}

async function runSaleRule(trx: Trx, actor: Actor, trigger: AutomationTrigger, companyId: number): Promise<AutomationOutcome | null> {
  const rule = await getAutomationRule(trx, trigger);
  return runAutomationRule(trx, actor, rule, companyId, 'interactive');
}

/**
 * Locks the sale's company for update: a sale rule may change its category later in the same
 * transaction, and taking the strongest lock first avoids upgrading a weaker one, which could
 * deadlock. With a `field`, also rejects a company that does not exist or is deleted.
 */
async function lockSaleCompany(trx: Trx, companyId: number, field: string | null): Promise<void> {
  const company = await trx.selectFrom('companies').select(['id', 'deleted_at']).where('id', '=', companyId).forUpdate().executeTakeFirst();
  if (field === null) return;
  if (!company) throw new AppError('REFERENCE_NOT_FOUND', `company ${companyId} does not exist`, [{ field, message: 'unknown company', code: 'unknownReference' }]);
  if (company.deleted_at !== null) {
    throw new AppError('REFERENCE_NOT_FOUND', `company ${companyId} is deleted; restore it or choose another company`, [{ field, message: 'deleted company', code: 'deletedItem' }]);
  }
}

/** Rejects a person who does not exist, is deleted or works at another company than the sale's. */
async function assertPersonOfCompany(db: Executor, personId: number, companyId: number): Promise<void> {
  const person = await db.selectFrom('persons').select(['id', 'company_id', 'deleted_at']).where('id', '=', personId).executeTakeFirst();
  if (!person) throw new AppError('REFERENCE_NOT_FOUND', `person ${personId} does not exist`, [{ field: '/personId', message: 'unknown person', code: 'unknownReference' }]);
  if (person.deleted_at !== null) {
    throw new AppError('REFERENCE_NOT_FOUND', `person ${personId} is deleted; restore them or choose another person`, [{ field: '/personId', message: 'deleted person', code: 'deletedItem' }]);
  }
  if (person.company_id !== companyId) {
    throw new AppError('PERSON_NOT_IN_COMPANY', `person ${personId} does not work at company ${companyId}; choose a person of the sale's company`, [
      { field: '/personId', message: "not a person of the sale's company", code: 'invalid' },
    ]);
  }
}

function checkedTitle(title: string): string {
  const trimmed = title.trim();
  if (trimmed === '') throw validationFailed('/title', 'required', 'required');
  return trimmed;
}

/** Rejects an amount with more than two decimals, which numeric(14,2) would round. */
function checkAmount(amount: number | null | undefined): void {
  if (amount === null || amount === undefined) return;
  if (amount < 0 || amount > MAX_AMOUNT || Math.round(amount * 100) / 100 !== amount) {
    throw validationFailed('/amount', `must be from 0 to ${MAX_AMOUNT} with at most two decimals, got ${amount}`);
  }
}
