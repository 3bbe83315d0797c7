import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../api/client';
import type { Category, CategoryGroupId, Language } from '../../api/types';
import { ConflictNotice } from '../../forms/ConflictNotice';
import { fieldErrorsFromProblem } from '../../forms/fieldErrors';
import { textOrNull, useVersionedDraft } from '../../forms/useVersionedDraft';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { listItems, type AnyListItem, type CategoryInput, type ListItemInput, type ListKind } from '../adminApi';
import { countPhrase } from './ListItemsTable';
import { useListUsage, useRefreshAfterListChange } from './useListItems';

export const CATEGORY_GROUPS: CategoryGroupId[] = ['potentialCustomer', 'customer', 'partner', 'lost', 'other'];

/** Maximum lengths the API accepts. */
const NAME_MAX = 100;
const DESCRIPTION_MAX = 500;

type ItemDraft = {
  nameNl: string;
  nameEn: string;
  descriptionNl: string;
  descriptionEn: string;
  categoryGroup: string;
  leadStatusEnabled: boolean;
};

type DraftKey = keyof ItemDraft;
type TextKey = 'nameNl' | 'nameEn' | 'descriptionNl' | 'descriptionEn';

function toDraft(item: AnyListItem | null): ItemDraft {
  const category = item !== null && 'categoryGroup' in item ? item : null;
  return {
    nameNl: item?.nameNl ?? '',
    nameEn: item?.nameEn ?? '',
    descriptionNl: item?.descriptionNl ?? '',
    descriptionEn: item?.descriptionEn ?? '',
    categoryGroup: category?.categoryGroup ?? 'potentialCustomer',
    leadStatusEnabled: category?.leadStatusEnabled ?? false,
  };
}

function toInput(kind: ListKind, draft: ItemDraft, keys: DraftKey[]): ListItemInput {
  const input: CategoryInput = {};
  for (const key of keys) {
    if (key === 'categoryGroup') {
      if (kind === 'categories') input.categoryGroup = draft.categoryGroup as CategoryGroupId;
    } else if (key === 'leadStatusEnabled') {
      if (kind === 'categories') input.leadStatusEnabled = draft.leadStatusEnabled;
    } else {
      input[key] = textOrNull(draft[key]);
    }
  }
  return input;
}

interface ListItemDialogProps {
  kind: ListKind;
  open: boolean;
  /** The item to edit, or null to add one. */
  item: AnyListItem | null;
  onClose: () => void;
  onSaved: (item: AnyListItem, created: boolean) => void;
}

export function ListItemDialog(props: ListItemDialogProps) {
  // The form unmounts when closed, so an abandoned edit never shows up in the next opening.
  if (!props.open) return null;
  return <ListItemForm {...props} />;
}

function ListItemForm({ kind, item, onClose, onSaved }: ListItemDialogProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const refresh = useRefreshAfterListChange(kind);
  const form = useVersionedDraft(item, useCallback(toDraft, []));
  const [errors, setErrors] = useState<Partial<Record<DraftKey, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const usage = useListUsage(kind, kind === 'categories' && item !== null ? item.id : null);
  const creating = item === null;
  const draft = form.draft;
  const isCategory = kind === 'categories';
  const groupAllowsLeadStatus = draft.categoryGroup === 'potentialCustomer';
  const wasEnabled = (item as Category | null)?.leadStatusEnabled ?? false;
  const ownNameKey: TextKey = language === 'en' ? 'nameEn' : 'nameNl';

  function validate(): boolean {
    const found: Partial<Record<DraftKey, string>> = {};
    if (draft.nameNl.trim() === '' && draft.nameEn.trim() === '') found[ownNameKey] = t('admin.listForm.nameRequired');
    for (const key of ['nameNl', 'nameEn'] as const) {
      if (draft[key].trim().length > NAME_MAX) found[key] = t('validation.tooLongMax', { max: NAME_MAX });
    }
    for (const key of ['descriptionNl', 'descriptionEn'] as const) {
      if (draft[key].trim().length > DESCRIPTION_MAX) found[key] = t('validation.tooLongMax', { max: DESCRIPTION_MAX });
    }
    if (isCategory && draft.leadStatusEnabled && !groupAllowsLeadStatus) {
      found.leadStatusEnabled = t('admin.listForm.leadStatusOnlyPotential', { group: t(`categoryGroups.${draft.categoryGroup as CategoryGroupId}`) });
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function save(version: number | null, keys: DraftKey[]) {
    setBusy(true);
    setFailure(null);
    try {
      const saved =
        item === null || version === null
          ? await listItems.create(kind, toInput(kind, draft, Object.keys(draft) as DraftKey[]))
          : await listItems.update(kind, item.id, version, toInput(kind, draft, keys));
      await refresh();
      onSaved(saved, item === null);
    } catch (error) {
      if (item !== null && isApiError(error, 'VERSION_CONFLICT')) {
        await loadNewer(item.id);
      } else {
        setErrors(serverFieldErrors(error));
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  async function loadNewer(id: number) {
    try {
      const { items } = await listItems.list(kind);
      const latest = items.find((candidate) => candidate.id === id);
      if (latest === undefined) setFailure(new Error('item not found after a version conflict'));
      else form.setNewer(latest);
    } catch (reloadError) {
      setFailure(reloadError);
    }
  }

  /** Places the API's field problems on the form; a name clash belongs to the name the user typed. */
  function serverFieldErrors(error: unknown): Partial<Record<DraftKey, string>> {
    const found: Partial<Record<DraftKey, string>> = {};
    for (const [field, message] of Object.entries(fieldErrorsFromProblem(t, error))) {
      if (field === 'name') found[ownNameKey] = message;
      else if (field === 'leadStatusEnabled' || field === 'categoryGroup' || field in draft) found[field as DraftKey] = message;
    }
    if (isApiError(error, 'LEAD_STATUS_NOT_ALLOWED_FOR_GROUP')) found.leadStatusEnabled = t('errors.LEAD_STATUS_NOT_ALLOWED_FOR_GROUP');
    return found;
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (!validate()) return;
    if (!creating && form.changed.length === 0) {
      onClose();
      return;
    }
    void save(creating ? null : (form.base?.version ?? null), form.changed as DraftKey[]);
  }

  function handleOverwrite() {
    const keys = form.changed as DraftKey[];
    const latest = form.rebaseOnNewer();
    if (latest !== null) void save(latest.version, keys);
  }

  const labels: Record<DraftKey, string> = {
    nameNl: t('admin.listForm.nameNl'),
    nameEn: t('admin.listForm.nameEn'),
    descriptionNl: t('admin.listForm.descriptionNl'),
    descriptionEn: t('admin.listForm.descriptionEn'),
    categoryGroup: t('fields.categoryGroup'),
    leadStatusEnabled: t('admin.listForm.leadStatusEnabled'),
  };

  function nameField(key: 'nameNl' | 'nameEn', lang: Language) {
    return (
      <Field label={labels[key]} error={errors[key]} required={key === ownNameKey}>
        {(control) => (
          <input {...control} type="text" lang={lang} autoComplete="off" value={draft[key]} onChange={(event) => form.set(key, event.target.value)} />
        )}
      </Field>
    );
  }

  function descriptionField(key: 'descriptionNl' | 'descriptionEn', lang: Language) {
    return (
      <Field label={labels[key]} error={errors[key]} hint={kind === 'lead-statuses' ? t('admin.listForm.descriptionHint') : undefined}>
        {(control) => (
          <textarea {...control} lang={lang} rows={3} value={draft[key]} onChange={(event) => form.set(key, event.target.value)} />
        )}
      </Field>
    );
  }

  const title = creating
    ? t(isCategory ? 'admin.listForm.addCategory' : 'admin.listForm.addLeadStatus')
    : t(isCategory ? 'admin.listForm.editCategory' : 'admin.listForm.editLeadStatus', { name: item.name });
  const formId = creating ? `list-item-form-${kind}-new` : `list-item-form-${kind}-${item.id}`;
  const counts = usage.data;
  let submitLabel = creating ? t('admin.listForm.add') : t('common.save');
  if (busy) submitLabel = t('common.saving');
  const disabling = isCategory && !creating && wasEnabled && !draft.leadStatusEnabled;
  const enabling = isCategory && !creating && !wasEnabled && draft.leadStatusEnabled && groupAllowsLeadStatus;
  // An unticked box cannot be ticked outside Potentiële klant; a ticked one stays clickable to untick it.
  const checkboxDisabled = !groupAllowsLeadStatus && !draft.leadStatusEnabled;

  return (
    <Dialog
      title={title}
      open
      onClose={onClose}
      size="medium"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy || form.newer !== null}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={handleSubmit} noValidate className="form-grid">
        {form.newer !== null ? (
          <div className="form-span">
            <ConflictNotice
              changedByOther={form.changedByOther.map((key) => labels[key as DraftKey])}
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

        <p className="form-span field-hint">{t('admin.listForm.languagesHint')}</p>
        {nameField('nameNl', 'nl')}
        {nameField('nameEn', 'en')}
        {descriptionField('descriptionNl', 'nl')}
        {descriptionField('descriptionEn', 'en')}

        {isCategory ? (
          <>
            <Field label={labels.categoryGroup} error={errors.categoryGroup}>
              {(control) => (
                <select {...control} value={draft.categoryGroup} onChange={(event) => form.set('categoryGroup', event.target.value)}>
                  {CATEGORY_GROUPS.map((group) => (
                    <option key={group} value={group}>
                      {t(`categoryGroups.${group}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <div className="field form-checkbox">
              <label className="choice">
                <input
                  type="checkbox"
                  checked={draft.leadStatusEnabled}
                  disabled={checkboxDisabled}
                  aria-invalid={errors.leadStatusEnabled ? true : undefined}
                  aria-describedby={`${formId}-lead-status-hint`}
                  onChange={(event) => form.set('leadStatusEnabled', event.target.checked)}
                />
                {labels.leadStatusEnabled}
              </label>
              <p id={`${formId}-lead-status-hint`} className={errors.leadStatusEnabled ? 'field-error' : 'field-hint'}>
                {errors.leadStatusEnabled ??
                  (groupAllowsLeadStatus
                    ? t('admin.listForm.leadStatusHint')
                    : t('admin.listForm.leadStatusOnlyPotential', { group: t(`categoryGroups.${draft.categoryGroup as CategoryGroupId}`) }))}
              </p>
            </div>
            {disabling ? (
              <div className="notice notice-warning form-span" role="status">
                <p className="notice-title">{t('admin.listForm.disableTitle')}</p>
                <p>
                  {counts === undefined
                    ? t('admin.listForm.disableTextUnknown')
                    : t('admin.listForm.disableText', {
                        companies: countPhrase(t, 'companies', counts.companies, language),
                        persons: countPhrase(t, 'persons', counts.persons, language),
                      })}
                </p>
              </div>
            ) : null}
            {enabling ? (
              <div className="notice notice-info form-span" role="status">
                <p>
                  {counts === undefined
                    ? t('admin.listForm.enableTextUnknown')
                    : t('admin.listForm.enableText', {
                        companies: countPhrase(t, 'companies', counts.companies, language),
                        persons: countPhrase(t, 'persons', counts.persons, language),
                      })}
                </p>
              </div>
            ) : null}
          </>
        ) : null}
      </form>
    </Dialog>
  );
}
