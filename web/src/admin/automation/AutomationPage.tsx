import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, isApiError } from '../../api/client';
import { useCategories, useLeadStatuses } from '../../api/queries';
import type { Category, CategoryGroupId, Language, LeadStatus } from '../../api/types';
import { ConflictNotice } from '../../forms/ConflictNotice';
import { ErrorNotice, Spinner } from '../../ui/feedback';
import { useToast } from '../../ui/toast';
import { adminKeys, AUTOMATION_TRIGGERS, automationRules, type AutomationRule, type AutomationRules, type AutomationTrigger } from '../adminApi';
import { CATEGORY_GROUPS } from '../lists/ListItemDialog';

type RuleErrors = Partial<Record<AutomationTrigger, { targetCategoryId?: string; leadStatusId?: string; general?: string }>>;

/** Beheer → Automatische categorisering: the four rules that update a company's category. */
export default function AutomationPage() {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: adminKeys.automationRules, queryFn: automationRules.get, retry: (count, error) => !isMissingRoute(error) && count < 2 });

  return (
    <div className="page admin-page">
      <header className="page-header">
        <div>
          <h1 className="page-title">{t('admin.automation.title')}</h1>
          <p className="page-intro">{t('admin.automation.intro')}</p>
        </div>
      </header>
      <div className="notice notice-info admin-note">
        <p>{t('admin.automation.eligibility')}</p>
      </div>
      {query.isPending ? <Spinner label={t('common.loading')} /> : null}
      {query.isError ? (
        isMissingRoute(query.error) ? (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">{t('admin.automation.unavailableTitle')}</p>
            <p>{t('admin.automation.unavailableText')}</p>
            <button type="button" className="button button-secondary button-small" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <ErrorNotice error={query.error} onRetry={() => void query.refetch()} />
        )
      ) : null}
      {query.data !== undefined ? <RulesForm key={query.data.version} saved={query.data} /> : null}
    </div>
  );
}

/** Returns whether the server lacks the route, which means it does not have the feature yet. */
function isMissingRoute(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Returns the four rules in a fixed order, with a switched-off rule for any the server left out. */
function completeRules(rules: AutomationRule[]): AutomationRule[] {
  return AUTOMATION_TRIGGERS.map(
    (trigger) =>
      rules.find((rule) => rule.trigger === trigger) ?? { trigger, enabled: false, leadStatusId: null, targetCategoryId: null, askConfirmation: false },
  );
}

function RulesForm({ saved }: { saved: AutomationRules }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const toast = useToast();
  const queryClient = useQueryClient();
  const categories = useCategories(language);
  const leadStatuses = useLeadStatuses(language);
  const [rules, setRules] = useState(() => completeRules(saved.rules));
  const [version, setVersion] = useState(saved.version);
  const [errors, setErrors] = useState<RuleErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<AutomationRules | null>(null);
  const [busy, setBusy] = useState(false);

  const missing = findMissing(rules);
  const changed = JSON.stringify(rules) !== JSON.stringify(completeRules(saved.rules));

  useEffect(() => {
    // Errors that the user fixed disappear as soon as the rule is complete.
    setErrors((current) => {
      const next: RuleErrors = {};
      for (const [trigger, ruleErrors] of Object.entries(current) as Array<[AutomationTrigger, RuleErrors[AutomationTrigger]]>) {
        const rule = rules.find((candidate) => candidate.trigger === trigger);
        if (rule === undefined || !rule.enabled) continue;
        const kept = { ...ruleErrors };
        if (rule.targetCategoryId !== null) delete kept.targetCategoryId;
        if (rule.leadStatusId !== null) delete kept.leadStatusId;
        if (Object.keys(kept).length > 0) next[trigger] = kept;
      }
      return next;
    });
  }, [rules]);

  function update(trigger: AutomationTrigger, patch: Partial<AutomationRule>) {
    setRules((current) => current.map((rule) => (rule.trigger === trigger ? { ...rule, ...patch } : rule)));
  }

  async function save(baseVersion: number) {
    setBusy(true);
    setFailure(null);
    try {
      const result = await automationRules.put(rules, baseVersion);
      queryClient.setQueryData(adminKeys.automationRules, result);
      setVersion(result.version);
      toast(t('admin.automation.saved'));
    } catch (error) {
      if (isApiError(error, 'VERSION_CONFLICT') || (error instanceof ApiError && error.status === 409)) {
        try {
          setConflict(await automationRules.get());
        } catch (reloadError) {
          setFailure(reloadError);
        }
      } else {
        setErrors(ruleErrorsFromProblem(t, error, rules));
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (missing.length > 0) return;
    void save(version);
  }

  /** Server errors, plus what an enabled rule still lacks; the latter show while the user edits. */
  function errorsOf(trigger: AutomationTrigger): RuleErrors[AutomationTrigger] & object {
    const shown = { ...errors[trigger] };
    for (const item of missing) {
      if (item.trigger !== trigger) continue;
      shown[item.field] = item.field === 'leadStatusId' ? t('admin.automation.statusRequired') : t('admin.automation.targetRequired');
    }
    return shown;
  }

  return (
    <form onSubmit={handleSubmit} noValidate className="admin-rules">
      {conflict !== null ? (
        <ConflictNotice
          changedByOther={[]}
          busy={busy}
          onReload={() => {
            setRules(completeRules(conflict.rules));
            setVersion(conflict.version);
            setConflict(null);
          }}
          onOverwrite={() => {
            const latest = conflict.version;
            setVersion(latest);
            setConflict(null);
            void save(latest);
          }}
        />
      ) : null}
      {failure !== null ? <ErrorNotice error={failure} /> : null}
      {categories.isError ? <ErrorNotice error={categories.error} onRetry={() => void categories.refetch()} /> : null}

      {rules.map((rule) => (
        <RuleCard
          key={rule.trigger}
          rule={rule}
          errors={errorsOf(rule.trigger)}
          categories={categories.data ?? []}
          leadStatuses={leadStatuses.data ?? []}
          categoriesLoading={categories.isPending}
          leadStatusesLoading={leadStatuses.isPending}
          onChange={(patch) => update(rule.trigger, patch)}
        />
      ))}

      <div className="admin-rules-footer">
        {missing.length > 0 ? (
          <p className="field-error" id="automation-save-reason">
            {t('admin.automation.saveBlocked')}
          </p>
        ) : (
          <p className="field-hint">{changed ? t('admin.automation.unsaved') : t('admin.automation.upToDate')}</p>
        )}
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || missing.length > 0 || conflict !== null}
          aria-describedby={missing.length > 0 ? 'automation-save-reason' : undefined}
        >
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
    </form>
  );
}

/** Lists the choices that enabled rules still need: a target, and for the first rule a status. */
function findMissing(rules: AutomationRule[]): Array<{ trigger: AutomationTrigger; field: 'targetCategoryId' | 'leadStatusId' }> {
  const missing: Array<{ trigger: AutomationTrigger; field: 'targetCategoryId' | 'leadStatusId' }> = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (rule.trigger === 'leadStatusSet' && rule.leadStatusId === null) missing.push({ trigger: rule.trigger, field: 'leadStatusId' });
    if (rule.targetCategoryId === null) missing.push({ trigger: rule.trigger, field: 'targetCategoryId' });
  }
  return missing;
}

/** Places field problems such as "/rules/2/targetCategoryId" at the rule they belong to. */
function ruleErrorsFromProblem(t: TFunction, error: unknown, rules: AutomationRule[]): RuleErrors {
  if (!(error instanceof ApiError)) return {};
  const found: RuleErrors = {};
  for (const problem of error.fields) {
    const match = /^\/rules\/(\d+)(?:\/(\w+))?/.exec(problem.field);
    const rule = match === null ? undefined : rules[Number(match[1])];
    if (rule === undefined) continue;
    const field = match?.[2];
    const message =
      problem.code === 'required'
        ? t('admin.automation.targetRequired')
        : problem.code === 'deletedItem'
          ? t('validation.deletedItem')
          : problem.code === 'unknownReference'
            ? t('validation.unknownReference')
            : t('validation.invalid');
    const key = field === 'targetCategoryId' || field === 'leadStatusId' ? field : 'general';
    found[rule.trigger] = { ...found[rule.trigger], [key]: message };
  }
  return found;
}

interface RuleCardProps {
  rule: AutomationRule;
  /** True while the pickers' items load; a saved choice would otherwise show as no choice. */
  categoriesLoading: boolean;
  leadStatusesLoading: boolean;
  errors: { targetCategoryId?: string; leadStatusId?: string; general?: string };
  categories: Category[];
  leadStatuses: LeadStatus[];
  onChange: (patch: Partial<AutomationRule>) => void;
}

function RuleCard({ rule, errors, categories, leadStatuses, categoriesLoading, leadStatusesLoading, onChange }: RuleCardProps) {
  const { t } = useTranslation();
  const id = useId();
  const title = t(`admin.automation.rules.${rule.trigger}.title`);

  return (
    <section className={`panel admin-rule${rule.enabled ? '' : ' admin-rule-off'}`} aria-labelledby={`${id}-title`}>
      <div className="admin-rule-header">
        <h2 id={`${id}-title`} className="panel-title">
          {title}
        </h2>
        <label className="admin-switch">
          <input
            type="checkbox"
            role="switch"
            checked={rule.enabled}
            aria-label={t('admin.automation.enableRule', { rule: title })}
            onChange={(event) => onChange({ enabled: event.target.checked })}
          />
          <span className="admin-switch-track" aria-hidden="true" />
          <span className="admin-switch-text" aria-hidden="true">
            {rule.enabled ? t('admin.automation.on') : t('admin.automation.off')}
          </span>
        </label>
      </div>

      <p className="admin-rule-sentence">
        {rule.trigger === 'leadStatusSet' ? (
          <>
            <span>{t('admin.automation.rules.leadStatusSet.when')}</span>
            <RuleSelect
              label={t('admin.automation.statusLabel')}
              value={rule.leadStatusId}
              error={errors.leadStatusId}
              placeholder={t('admin.automation.chooseStatus')}
              disabled={leadStatusesLoading}
              onChange={(value) => onChange({ leadStatusId: value })}
            >
              {leadStatuses
                .filter((status) => !status.deleted || status.id === rule.leadStatusId)
                .map((status) => (
                  <option key={status.id} value={status.id} disabled={status.deleted}>
                    {status.name}
                    {status.deleted ? ` ${t('common.deletedSuffix')}` : ''}
                  </option>
                ))}
            </RuleSelect>
            <span>{t('admin.automation.rules.leadStatusSet.then')}</span>
          </>
        ) : (
          <span>{t(`admin.automation.rules.${rule.trigger}.when`)}</span>
        )}
        <RuleSelect
          label={t('admin.automation.targetLabel')}
          value={rule.targetCategoryId}
          error={errors.targetCategoryId}
          placeholder={t('admin.automation.chooseCategory')}
          disabled={categoriesLoading}
          onChange={(value) => onChange({ targetCategoryId: value })}
        >
          {CATEGORY_GROUPS.map((group: CategoryGroupId) => {
            const inGroup = categories.filter((category) => category.categoryGroup === group && (!category.deleted || category.id === rule.targetCategoryId));
            if (inGroup.length === 0) return null;
            return (
              <optgroup key={group} label={t(`categoryGroups.${group}`)}>
                {inGroup.map((category) => (
                  <option key={category.id} value={category.id} disabled={category.deleted}>
                    {category.name}
                    {category.deleted ? ` ${t('common.deletedSuffix')}` : ''}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </RuleSelect>
      </p>

      <label className="choice">
        <input type="checkbox" checked={rule.askConfirmation} onChange={(event) => onChange({ askConfirmation: event.target.checked })} />
        {t('admin.automation.askConfirmation')}
      </label>
      <p className="field-hint admin-rule-hint">{t('admin.automation.askConfirmationHint')}</p>
      {errors.general !== undefined ? <p className="field-error">{errors.general}</p> : null}
    </section>
  );
}

interface RuleSelectProps {
  label: string;
  value: number | null;
  error: string | undefined;
  placeholder: string;
  onChange: (value: number | null) => void;
  disabled?: boolean;
  children: ReactNode;
}

/** Renders a picker inside the rule's sentence, labelled for screen readers because the sentence is only visual. */
function RuleSelect({ label, value, error, placeholder, onChange, disabled, children }: RuleSelectProps) {
  const errorId = useId();
  return (
    <span className="admin-rule-select">
      <select
        aria-label={label}
        value={value === null ? '' : String(value)}
        disabled={disabled}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">{placeholder}</option>
        {children}
      </select>
      {error === undefined ? null : (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
