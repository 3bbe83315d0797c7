/**
 * Category automation as pure functions: which rule fires and what it does to one company. The
 * person, bulk update, import and sale paths all decide through decideCategoryAutomation.
 */
import type { AutomationTrigger, CategoryGroup } from '../db/schema.js';

export { AUTOMATION_TRIGGERS, type AutomationTrigger } from '../db/schema.js';

/** One rule: when its trigger fires, move the company to targetCategoryId. */
export interface AutomationRule {
  trigger: AutomationTrigger;
  enabled: boolean;
  /** The lead status X of "when a person's lead status is set to X"; null for the sale rules. */
  leadStatusId: number | null;
  targetCategoryId: number | null;
  /** Offer the change to the user instead of making it. */
  askConfirmation: boolean;
}

/** All four rules, in trigger order, with the version they were saved at. */
export interface AutomationSettings {
  rules: AutomationRule[];
  version: number;
}

/** What decides whether a rule may change a company's category. */
export interface CompanyCategoryState {
  categoryId: number | null;
  categoryGroup: CategoryGroup | null;
  leadStatusEnabled: boolean;
  deleted: boolean;
}

/** The effect of a rule on one company: none, a category change, or a change offered to the user. */
export type AutomationDecision = 'none' | 'apply' | 'suggest';

/**
 * Decides what a fired rule does to a company. Only a company whose current category is in the
 * group Potential customer is eligible, and for the lead status rule that category must also have
 * lead status enabled, so a customer is never moved back by automation. A rule whose target is
 * the current category, or a deleted one, does nothing.
 */
export function decideCategoryAutomation(
  rule: AutomationRule,
  company: CompanyCategoryState,
  target: { deleted: boolean } | null,
): AutomationDecision {
  if (!rule.enabled || rule.targetCategoryId === null || target === null || target.deleted) return 'none';
  if (company.deleted || company.categoryGroup !== 'potentialCustomer') return 'none';
  if (rule.trigger === 'leadStatusSet' && !company.leadStatusEnabled) return 'none';
  if (company.categoryId === rule.targetCategoryId) return 'none';
  return rule.askConfirmation ? 'suggest' : 'apply';
}

/** Tells whether setting a person's lead status to `leadStatusId` fires the lead status rule. */
export function firesLeadStatusRule(rule: AutomationRule, leadStatusId: number | null | undefined): boolean {
  return rule.trigger === 'leadStatusSet' && rule.enabled && leadStatusId != null && leadStatusId === rule.leadStatusId;
}

/**
 * Tells whether the lead status rule may change a company's category when one of these statuses
 * is set. Person writes then lock the company for update instead of for share from the start:
 * upgrading a share lock later deadlocks with a second transaction holding one on the same company.
 */
export function leadStatusRuleMayWriteCompany(rule: AutomationRule, leadStatusIds: ReadonlyArray<number | null | undefined>): boolean {
  return !rule.askConfirmation && rule.targetCategoryId !== null && leadStatusIds.some((id) => firesLeadStatusRule(rule, id));
}
