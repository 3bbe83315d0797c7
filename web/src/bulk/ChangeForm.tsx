import { useTranslation } from 'react-i18next';

import { useCategories, useLeadStatuses, useUsers } from '../api/queries';
import type { CategoryGroupId, Language, SelectionEntity } from '../api/types';
import { Field } from '../ui/Field';
import { KEEP, NONE, type BulkChoice } from './changes';

const GROUP_ORDER: CategoryGroupId[] = ['potentialCustomer', 'customer', 'partner', 'lost', 'other'];

interface ChangeFormProps {
  entity: SelectionEntity;
  choice: BulkChoice;
  onChange: (choice: BulkChoice) => void;
  /** Shown under the fields when the user tried to go on without choosing anything. */
  error: string | undefined;
}

/** Renders the first step: the fields a bulk update can set, each starting at "don't change". */
export function ChangeForm({ entity, choice, onChange, error }: ChangeFormProps) {
  return (
    <div className="form-stack">
      {entity === 'person' ? (
        <>
          <LeadStatusChoice value={choice.leadStatus} onChange={(leadStatus) => onChange({ ...choice, leadStatus })} />
          <OwnerChoice value={choice.owner} onChange={(owner) => onChange({ ...choice, owner })} />
        </>
      ) : (
        <CategoryChoice value={choice.category} onChange={(category) => onChange({ ...choice, category })} />
      )}
      {error === undefined ? null : (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function LeadStatusChoice({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const statuses = useLeadStatuses(i18n.language as Language);
  const items = (statuses.data ?? []).filter((status) => !status.deleted).sort((a, b) => a.sortOrder - b.sortOrder);

  return (
    <Field label={t('fields.leadStatus')} hint={t('bulkUpdate.leadStatusHint')}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} disabled={statuses.isPending}>
          <option value={KEEP}>{t('bulkUpdate.keep')}</option>
          {items.map((status) => (
            <option key={status.id} value={String(status.id)} title={status.description ?? undefined}>
              {status.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function OwnerChoice({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const items = (users.data ?? []).filter((user) => user.active);

  return (
    <Field label={t('fields.owner')} hint={t('bulkUpdate.ownerHint')}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} disabled={users.isPending}>
          <option value={KEEP}>{t('bulkUpdate.keep')}</option>
          <option value={NONE}>{t('bulkUpdate.noOwner')}</option>
          {items.map((user) => (
            <option key={user.id} value={String(user.id)}>
              {user.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CategoryChoice({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t, i18n } = useTranslation();
  const categories = useCategories(i18n.language as Language);
  const items = (categories.data ?? []).filter((category) => !category.deleted);

  return (
    <Field label={t('fields.category')} hint={t('bulkUpdate.categoryHint')}>
      {(control) => (
        <select {...control} value={value} onChange={(event) => onChange(event.target.value)} disabled={categories.isPending}>
          <option value={KEEP}>{t('bulkUpdate.chooseCategory')}</option>
          <option value={NONE}>{t('companies.noCategory')}</option>
          {GROUP_ORDER.map((group) => {
            const inGroup = items.filter((category) => category.categoryGroup === group).sort((a, b) => a.sortOrder - b.sortOrder);
            if (inGroup.length === 0) return null;
            return (
              <optgroup key={group} label={t(`categoryGroups.${group}`)}>
                {inGroup.map((category) => (
                  <option key={category.id} value={String(category.id)}>
                    {category.name}
                  </option>
                ))}
              </optgroup>
            );
          })}
        </select>
      )}
    </Field>
  );
}
