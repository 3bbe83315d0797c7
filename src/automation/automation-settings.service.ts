import type { Actor } from '../auth/actor.js';
import { writeAuditEntry } from '../audit/audit-log.js';
import type { Executor, Trx } from '../db/database.js';
import { AUTOMATION_TRIGGERS, type AutomationTrigger } from '../db/schema.js';
import { AppError, type FieldError, validationFailed } from '../errors/app-error.js';
import { assertCurrentVersion } from '../errors/version.js';
import { assertSelectableLeadStatus } from '../leads/lead-status.service.js';
import { loadSelectableCategory } from '../lists/references.js';
import type { AutomationRule, AutomationSettings } from './automation-rules.js';

/** The id of the one automation_settings row; audit entries of the rules carry it as entity id. */
const SETTINGS_ID = 1;

/** Reads the four rules in trigger order, with the version they share. */
export async function getAutomationSettings(db: Executor): Promise<AutomationSettings> {
  const settings = await db.selectFrom('automation_settings').select('version').where('id', '=', SETTINGS_ID).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('automation_rules').selectAll().execute();
  const rules = AUTOMATION_TRIGGERS.map((trigger) => {
    const row = rows.find((candidate) => candidate.trigger === trigger);
    if (row === undefined) throw new Error(`automation rule ${trigger} is missing from the database`);
    return {
      trigger,
      enabled: row.enabled,
      leadStatusId: row.lead_status_id,
      targetCategoryId: row.target_category_id,
      askConfirmation: row.ask_confirmation,
    };
  });
  return { rules, version: settings.version };
}

/** Reads one rule. */
export async function getAutomationRule(db: Executor, trigger: AutomationTrigger): Promise<AutomationRule> {
  const row = await db.selectFrom('automation_rules').selectAll().where('trigger', '=', trigger).executeTakeFirstOrThrow();
  return {
    trigger,
    enabled: row.enabled,
    leadStatusId: row.lead_status_id,
    targetCategoryId: row.target_category_id,
    askConfirmation: row.ask_confirmation,
  };
}

/**
 * Replaces the four rules. Each trigger must appear once. An enabled rule needs a target category,
 * and the lead status rule also a lead status, both existing and not deleted. A disabled rule may
 * keep an incomplete or deleted choice, so that switching a rule off always works.
 */
export async function saveAutomationSettings(trx: Trx, actor: Actor, rules: readonly AutomationRule[], expectedVersion: number): Promise<AutomationSettings> {
  const settings = await trx.selectFrom('automation_settings').select('version').where('id', '=', SETTINGS_ID).forUpdate().executeTakeFirstOrThrow();
  assertCurrentVersion('automation settings', SETTINGS_ID, settings.version, expectedVersion);

  assertEachTriggerOnce(rules);
  assertComplete(rules);
  for (const [index, rule] of rules.entries()) await assertReferences(trx, rule, index);

  for (const rule of rules) {
    await trx
      .updateTable('automation_rules')
      .set({
        enabled: rule.enabled,
        lead_status_id: rule.trigger === 'leadStatusSet' ? rule.leadStatusId : null,
        target_category_id: rule.targetCategoryId,
        ask_confirmation: rule.askConfirmation,
      })
      .where('trigger', '=', rule.trigger)
      .execute();
  }
  await trx
    .updateTable('automation_settings')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', SETTINGS_ID)
    .execute();

  const saved = await getAutomationSettings(trx);
  await writeAuditEntry(trx, actor, { entity: 'automationRules', entityId: SETTINGS_ID, action: 'update', changes: { rules: saved.rules } });
  return saved;
}

function assertEachTriggerOnce(rules: readonly AutomationRule[]): void {
  for (const [index, rule] of rules.entries()) {
    if (rules.findIndex((other) => other.trigger === rule.trigger) !== index) {
      throw validationFailed(`/rules/${index}/trigger`, `rule ${rule.trigger} appears more than once; send each of ${AUTOMATION_TRIGGERS.join(', ')} once`);
    }
    if (rule.trigger !== 'leadStatusSet' && rule.leadStatusId !== null) {
      throw validationFailed(`/rules/${index}/leadStatusId`, `only the leadStatusSet rule has a lead status; send null for ${rule.trigger}`);
    }
  }
  const missing = AUTOMATION_TRIGGERS.filter((trigger) => !rules.some((rule) => rule.trigger === trigger));
  if (missing.length > 0) throw validationFailed('/rules', `rules missing: ${missing.join(', ')}; send all four rules`, 'required');
}

/** Rejects enabled rules without a target category, or the lead status rule without its status. */
function assertComplete(rules: readonly AutomationRule[]): void {
  const fields: FieldError[] = [];
  for (const [index, rule] of rules.entries()) {
    if (!rule.enabled) continue;
    if (rule.trigger === 'leadStatusSet' && rule.leadStatusId === null) {
      fields.push({ field: `/rules/${index}/leadStatusId`, message: 'an enabled lead status rule needs the lead status that fires it', code: 'required' });
    }
    if (rule.targetCategoryId === null) {
      fields.push({ field: `/rules/${index}/targetCategoryId`, message: 'an enabled rule needs a target category', code: 'required' });
    }
  }
  if (fields.length > 0) {
    const summary = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
    throw new AppError('AUTOMATION_RULE_INCOMPLETE', `automation rules incomplete: ${summary}; choose the missing values or disable the rule`, fields);
  }
}

/** Checks that the rule's category and lead status exist and, for an enabled rule, are not deleted. */
async function assertReferences(db: Executor, rule: AutomationRule, index: number): Promise<void> {
  const categoryField = `/rules/${index}/targetCategoryId`;
  const statusField = `/rules/${index}/leadStatusId`;
  if (rule.enabled) {
    if (rule.targetCategoryId !== null) await loadSelectableCategory(db, rule.targetCategoryId, categoryField);
    if (rule.leadStatusId !== null) await assertSelectableLeadStatus(db, rule.leadStatusId, statusField);
    return;
  }
  // A disabled rule may keep a deleted item, but its ids must still refer to existing rows.
  if (rule.targetCategoryId !== null) {
    const category = await db.selectFrom('categories').select('id').where('id', '=', rule.targetCategoryId).executeTakeFirst();
    if (!category) throw new AppError('REFERENCE_NOT_FOUND', `category ${rule.targetCategoryId} does not exist`, [{ field: categoryField, message: 'unknown category', code: 'unknownReference' }]);
  }
  if (rule.leadStatusId !== null) {
    const status = await db.selectFrom('lead_statuses').select('id').where('id', '=', rule.leadStatusId).executeTakeFirst();
    if (!status) throw new AppError('REFERENCE_NOT_FOUND', `lead status ${rule.leadStatusId} does not exist`, [{ field: statusField, message: 'unknown lead status', code: 'unknownReference' }]);
  }
}
