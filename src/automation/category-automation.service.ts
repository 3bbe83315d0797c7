import { sql } from 'kysely';

import type { Actor } from '../auth/actor.js';
import { updateCompany } from '../companies/company.service.js';
import type { Trx } from '../db/database.js';
import { localize } from '../lists/localize.js';
import { type AutomationRule, type AutomationTrigger, decideCategoryAutomation, firesLeadStatusRule } from './automation-rules.js';

/**
 * The result of a fired rule on one company: the move made (applied) or, with confirmation on,
 * only suggested. Interactive paths return it so that the web app can ask the user.
 */
export interface AutomationOutcome {
  trigger: AutomationTrigger;
  companyId: number;
  companyName: string;
  fromCategoryId: number | null;
  suggestedCategoryId: number;
  suggestedCategoryName: string;
  applied: boolean;
  /** The company's version after the rule: what an accepting PATCH of the company must send. */
  companyVersion: number;
}

/**
 * Interactive paths (a person edit, a sale) return suggestions of rules with confirmation on.
 * Batch paths (bulk update, import) cannot ask a user, so they skip those rules.
 */
export type AutomationMode = 'interactive' | 'batch';

/**
 * Runs a fired rule on one company in the caller's transaction. An applied rule changes the
 * category through updateCompany, so the lead status rules, versions and audit log apply as for
 * an edit. Returns null when the rule does nothing to the company.
 */
export async function runAutomationRule(
  trx: Trx,
  actor: Actor,
  rule: AutomationRule,
  companyId: number,
  mode: AutomationMode,
): Promise<AutomationOutcome | null> {
  if (rule.targetCategoryId === null) return null;
  const company = await trx
    .selectFrom('companies as c')
    .leftJoin('categories as cat', 'cat.id', 'c.category_id')
    .select(['c.id', 'c.name', 'c.version', 'c.deleted_at', 'c.category_id', 'cat.category_group', 'cat.lead_status_enabled'])
    .where('c.id', '=', companyId)
    .forUpdate('c')
    .executeTakeFirst();
  if (company === undefined) return null;
  const target = await trx
    .selectFrom('categories')
    .select(['id', 'name_nl', 'name_en', 'deleted'])
    .where('id', '=', rule.targetCategoryId)
    .executeTakeFirst();

  const decision = decideCategoryAutomation(
    rule,
    {
      categoryId: company.category_id,
      categoryGroup: company.category_group,
      leadStatusEnabled: company.lead_status_enabled ?? false,
      deleted: company.deleted_at !== null,
    },
    target ?? null,
  );
  if (decision === 'none' || target === undefined || (decision === 'suggest' && mode === 'batch')) return null;

  const outcome = {
    trigger: rule.trigger,
    companyId: company.id,
    companyName: company.name,
    fromCategoryId: company.category_id,
    suggestedCategoryId: target.id,
    suggestedCategoryName: localize(actor.language, target.name_nl, target.name_en),
  };
  if (decision === 'suggest') return { ...outcome, applied: false, companyVersion: company.version };

  const updated = await updateCompany(trx, actor, company.id, { categoryId: target.id }, company.version, { automationTrigger: rule.trigger });
  return { ...outcome, applied: true, companyVersion: updated.version };
}

/**
 * Runs the lead status rule for persons whose status was just set: once per company, in id order
 * (the order person writes lock companies in). `changes` contains the company and new status of
 * each such person. Companies in `keepCategoryOf` are skipped, because the same write set their category itself.
 */
export async function runLeadStatusRule(
  trx: Trx,
  actor: Actor,
  rule: AutomationRule,
  changes: ReadonlyArray<{ companyId: number | null; leadStatusId: number | null }>,
  mode: AutomationMode,
  keepCategoryOf: ReadonlySet<number> = new Set(),
): Promise<AutomationOutcome[]> {
  const companyIds = changes
    .filter((change) => firesLeadStatusRule(rule, change.leadStatusId))
    .map((change) => change.companyId)
    .filter((id): id is number => id !== null && !keepCategoryOf.has(id));
  const outcomes: AutomationOutcome[] = [];
  for (const companyId of [...new Set(companyIds)].sort((a, b) => a - b)) {
    const outcome = await runAutomationRule(trx, actor, rule, companyId, mode);
    if (outcome !== null) outcomes.push(outcome);
  }
  return outcomes;
}

/**
 * Locks companies for update in id order, before person writes lock them for share. See
 * leadStatusRuleMayWriteCompany for why.
 */
export async function lockCompaniesForAutomation(trx: Trx, companyIds: ReadonlyArray<number | null>): Promise<void> {
  const ids = [...new Set(companyIds)].filter((id): id is number => id !== null).sort((a, b) => a - b);
  if (ids.length === 0) return;
  await trx.selectFrom('companies').select('id').where('id', '=', sql<number>`any(${ids}::int[])`).orderBy('id').forUpdate().execute();
}
