import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { companies, type CompanyInput } from '../api/endpoints';
import { useCategories, useLeadStatuses } from '../api/queries';
import type { CategoryChangePreview, Company, Language } from '../api/types';
import { ConflictNotice } from '../forms/ConflictNotice';
import { fieldErrorsFromProblem } from '../forms/fieldErrors';
import { idOrNull, textOrNull, useVersionedDraft } from '../forms/useVersionedDraft';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import { UserSelect } from '../ui/UserSelect';
import { CategoryChangeDialog } from './CategoryChangeDialog';
import { CategorySelect } from './CategorySelect';

type CompanyDraft = {
  name: string;
  categoryId: string;
  ownerId: string;
  street: string;
  postcode: string;
  city: string;
  country: string;
  phone: string;
  website: string;
};

type DraftKey = keyof CompanyDraft;

/** Maximum lengths the API accepts, checked here first so the message appears while typing. */
const MAX_LENGTH: Record<DraftKey, number> = {
  name: 200,
  categoryId: 20,
  ownerId: 20,
  street: 200,
  postcode: 20,
  city: 100,
  country: 100,
  phone: 50,
  website: 300,
};

function toDraft(company: Company | null): CompanyDraft {
  return {
    name: company?.name ?? '',
    categoryId: company?.categoryId === null || company === null ? '' : String(company.categoryId),
    ownerId: company?.ownerId === null || company === null ? '' : String(company.ownerId),
    street: company?.street ?? '',
    postcode: company?.postcode ?? '',
    city: company?.city ?? '',
    country: company?.country ?? '',
    phone: company?.phone ?? '',
    website: company?.website ?? '',
  };
}

function toInput(draft: CompanyDraft, keys: DraftKey[]): CompanyInput {
  const input: CompanyInput = {};
  for (const key of keys) {
    if (key === 'categoryId' || key === 'ownerId') input[key] = idOrNull(draft[key]);
    else if (key === 'name') input.name = draft.name.trim();
    else input[key] = textOrNull(draft[key]);
  }
  return input;
}

interface CompanyFormDialogProps {
  open: boolean;
  /** The company to edit, or null to create one. */
  company: Company | null;
  onClose: () => void;
  onSaved: (company: Company) => void;
}

export function CompanyFormDialog(props: CompanyFormDialogProps) {
  // The form unmounts when closed, so an abandoned edit never leaks into the next opening.
  if (!props.open) return null;
  return <CompanyForm {...props} />;
}

function CompanyForm({ company, onClose, onSaved }: CompanyFormDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const queryClient = useQueryClient();
  const categories = useCategories(language);
  const leadStatuses = useLeadStatuses(language);
  const form = useVersionedDraft(company, useCallback(toDraft, []));
  const [errors, setErrors] = useState<Partial<Record<DraftKey, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ result: CategoryChangePreview; version: number } | null>(null);
  const creating = company === null;
  const draft = form.draft;

  function validate(): boolean {
    const found: Partial<Record<DraftKey, string>> = {};
    if (draft.name.trim() === '') found.name = t('validation.required');
    for (const key of Object.keys(MAX_LENGTH) as DraftKey[]) {
      if (!found[key] && draft[key].trim().length > MAX_LENGTH[key]) found[key] = t('validation.tooLongMax', { max: MAX_LENGTH[key] });
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function save(version: number | null, keys: DraftKey[]) {
    setBusy(true);
    setFailure(null);
    try {
      const saved =
        company === null || version === null
          ? await companies.create(toInput(draft, Object.keys(draft) as DraftKey[]))
          : await companies.update(company.id, version, toInput(draft, keys));
      queryClient.setQueryData(['companies', 'record', saved.id], saved);
      // A category change moves the persons' lead statuses, so person data is stale as well.
      await queryClient.invalidateQueries({ queryKey: ['companies'] });
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      onSaved(saved);
    } catch (error) {
      if (company !== null && isApiError(error, 'VERSION_CONFLICT')) {
        try {
          form.setNewer(await companies.get(company.id));
        } catch (reloadError) {
          setFailure(reloadError);
        }
      } else {
        setErrors(fieldErrorsFromProblem(t, error));
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  /** Saves, first showing what a category change does to the persons' lead statuses. */
  async function proceed(version: number | null, keys: DraftKey[]) {
    if (company === null || version === null || !keys.includes('categoryId')) {
      await save(version, keys);
      return;
    }
    setBusy(true);
    try {
      const result = await companies.categoryChangePreview(company.id, idOrNull(draft.categoryId));
      setPreview({ result, version });
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!validate()) return;
    if (!creating && form.changed.length === 0) {
      onClose();
      return;
    }
    void proceed(creating ? null : (form.base?.version ?? null), form.changed as DraftKey[]);
  }

  function handleOverwrite() {
    const keys = form.changed as DraftKey[];
    const latest = form.rebaseOnNewer();
    if (latest !== null) void proceed(latest.version, keys);
  }

  const newCategory = categories.data?.find((category) => String(category.id) === draft.categoryId);
  const defaultStatus = leadStatuses.data?.find((status) => status.isDefault);
  const fieldLabels: Record<DraftKey, string> = {
    name: t('fields.companyName'),
    categoryId: t('fields.category'),
    ownerId: t('fields.owner'),
    street: t('fields.street'),
    postcode: t('fields.postcode'),
    city: t('fields.city'),
    country: t('fields.country'),
    phone: t('fields.phone'),
    website: t('fields.website'),
  };

  function textField(key: Exclude<DraftKey, 'categoryId' | 'ownerId'>, options: { type?: string; autoComplete?: string; required?: boolean } = {}) {
    return (
      <Field label={fieldLabels[key]} error={errors[key]} required={options.required}>
        {(control) => (
          <input
            {...control}
            type={options.type ?? 'text'}
            autoComplete={options.autoComplete ?? 'off'}
            value={draft[key]}
            onChange={(event) => form.set(key, event.target.value)}
          />
        )}
      </Field>
    );
  }

  const formId = creating ? 'company-form-new' : `company-form-${company.id}`;

  return (
    <>
      <Dialog
        title={creating ? t('companyForm.createTitle') : t('companyForm.editTitle', { name: company.name })}
        open
        onClose={onClose}
        size="medium"
        footer={
          <>
            <button type="button" className="button button-ghost" onClick={onClose}>
              {t('common.cancel')}
            </button>
            <button type="submit" form={formId} className="button button-primary" disabled={busy || form.newer !== null}>
              {creating ? t('companyForm.create') : t('common.save')}
            </button>
          </>
        }
      >
        <form id={formId} onSubmit={handleSubmit} noValidate className="form-grid">
          {form.newer !== null ? (
            <div className="form-span">
              <ConflictNotice
                changedByOther={form.changedByOther.map((key) => fieldLabels[key as DraftKey])}
                onOverwrite={handleOverwrite}
                onReload={form.loadNewer}
                busy={busy}
              />
            </div>
          ) : null}
          {failure !== null ? (
            <div className="notice notice-error form-span" role="alert">
              <p>{describeError(t, failure)}</p>
            </div>
          ) : null}

          <div className="form-span">{textField('name', { required: true, autoComplete: 'organization' })}</div>
          <Field label={fieldLabels.categoryId} error={errors.categoryId} hint={t('companyForm.categoryHint')}>
            {(control) => (
              <CategorySelect {...control} value={draft.categoryId} onChange={(value) => form.set('categoryId', value)} language={language} />
            )}
          </Field>
          <Field label={fieldLabels.ownerId} error={errors.ownerId}>
            {(control) => <UserSelect {...control} value={draft.ownerId} onChange={(value) => form.set('ownerId', value)} />}
          </Field>
          <div className="form-span">{textField('street', { autoComplete: 'street-address' })}</div>
          {textField('postcode', { autoComplete: 'postal-code' })}
          {textField('city', { autoComplete: 'address-level2' })}
          {textField('country', { autoComplete: 'country-name' })}
          {textField('phone', { type: 'tel', autoComplete: 'tel' })}
          <div className="form-span">{textField('website', { type: 'url', autoComplete: 'url' })}</div>
        </form>
      </Dialog>

      <CategoryChangeDialog
        open={preview !== null}
        categoryName={newCategory?.name ?? t('companyForm.noCategory')}
        defaultStatusName={defaultStatus?.name ?? ''}
        preview={preview?.result ?? null}
        busy={busy}
        onCancel={() => setPreview(null)}
        onConfirm={() => {
          const version = preview?.version ?? null;
          setPreview(null);
          void save(version, form.changed as DraftKey[]);
        }}
      />
    </>
  );
}
