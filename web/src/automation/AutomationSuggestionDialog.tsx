import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { companies } from '../api/endpoints';
import type { Language } from '../api/types';
import { CategorySelect } from '../companies/CategorySelect';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { useToast } from '../ui/toast';
import { type AutomationOutcome, onAutomationOutcome } from './automationOutcome';

/**
 * Shows what category automation did after a save: a toast when a rule moved the company, and a
 * dialog when a rule asks first. There the user accepts the suggested category, picks another one
 * or leaves the company as it is.
 */
export function AutomationSuggestionDialog() {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const categoryFieldId = useId();
  const [suggestion, setSuggestion] = useState<AutomationOutcome | null>(null);
  const [categoryId, setCategoryId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(
    () =>
      onAutomationOutcome((outcome) => {
        if (outcome.applied) {
          toast(t('automation.moved', { company: outcome.companyName, category: outcome.suggestedCategoryName }));
          void queryClient.invalidateQueries({ queryKey: ['companies'] });
          return;
        }
        setSuggestion(outcome);
        setCategoryId(String(outcome.suggestedCategoryId));
        setError(null);
      }),
    [queryClient, t, toast],
  );

  if (suggestion === null) return null;

  async function move(target: AutomationOutcome) {
    setBusy(true);
    setError(null);
    try {
      const saved = await companies.update(target.companyId, target.companyVersion, { categoryId: categoryId === '' ? null : Number(categoryId) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['companies'] }),
        queryClient.invalidateQueries({ queryKey: ['persons'] }),
      ]);
      toast(t('automation.moved', { company: target.companyName, category: saved.category?.name ?? t('automation.noCategory') }));
      setSuggestion(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const suggested = String(suggestion.suggestedCategoryId) === categoryId;
  return (
    <Dialog
      title={t('automation.confirmTitle', { company: suggestion.companyName, category: suggestion.suggestedCategoryName })}
      description={t(`automation.reason.${suggestion.trigger}`)}
      open
      size="small"
      onClose={() => setSuggestion(null)}
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={() => setSuggestion(null)} disabled={busy}>
            {t('automation.decline')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void move(suggestion)} disabled={busy}>
            {suggested ? t('automation.accept', { category: suggestion.suggestedCategoryName }) : t('automation.acceptOther')}
          </button>
        </>
      }
    >
      <div className="field automation-choice">
        <label htmlFor={categoryFieldId} className="field-label">
          {t('automation.category')}
        </label>
        <CategorySelect id={categoryFieldId} value={categoryId} onChange={setCategoryId} language={language} />
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{describeError(t, error)}</p>
        </div>
      ) : null}
    </Dialog>
  );
}
