import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../api/client';
import { persons, type PersonInput } from '../api/endpoints';
import type { NamedRef, Person } from '../api/types';
import { ConflictNotice } from '../forms/ConflictNotice';
import { fieldErrorsFromProblem, isValidEmail } from '../forms/fieldErrors';
import { idOrNull, textOrNull, useVersionedDraft } from '../forms/useVersionedDraft';
import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';
import { UserSelect } from '../ui/UserSelect';
import { CompanyPicker } from './CompanyPicker';

type PersonDraft = {
  salutation: string;
  firstName: string;
  middleName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  phone: string;
  mobile: string;
  companyId: string;
  /** Shown in the company picker only; the API gets companyId. */
  companyName: string;
  ownerId: string;
  leadSource: string;
  formerEmployee: boolean;
};

type DraftKey = keyof PersonDraft;
type TextKey = Exclude<DraftKey, 'companyId' | 'companyName' | 'ownerId' | 'formerEmployee'>;

/** Maximum lengths the API accepts, checked here first so the message appears before saving. */
const MAX_LENGTH: Record<TextKey, number> = {
  salutation: 50,
  firstName: 100,
  middleName: 50,
  lastName: 100,
  jobTitle: 200,
  email: 320,
  phone: 50,
  mobile: 50,
  leadSource: 200,
};

function draftOf(person: Person | null, company: NamedRef | null): PersonDraft {
  const owningCompany = person === null ? company : person.company;
  return {
    salutation: person?.salutation ?? '',
    firstName: person?.firstName ?? '',
    middleName: person?.middleName ?? '',
    lastName: person?.lastName ?? '',
    jobTitle: person?.jobTitle ?? '',
    email: person?.email ?? '',
    phone: person?.phone ?? '',
    mobile: person?.mobile ?? '',
    companyId: owningCompany === null ? '' : String(owningCompany.id),
    companyName: owningCompany?.name ?? '',
    ownerId: person?.ownerId === null || person === null ? '' : String(person.ownerId),
    leadSource: person?.leadSource ?? '',
    formerEmployee: person?.formerEmployee ?? false,
  };
}

function toInput(draft: PersonDraft, keys: DraftKey[]): PersonInput {
  const input: PersonInput = {};
  for (const key of keys) {
    if (key === 'companyName') continue;
    if (key === 'companyId' || key === 'ownerId') input[key] = idOrNull(draft[key]);
    else if (key === 'formerEmployee') input.formerEmployee = draft.formerEmployee;
    else if (key === 'lastName') input.lastName = draft.lastName.trim();
    else input[key] = textOrNull(draft[key]);
  }
  return input;
}

interface PersonFormDialogProps {
  open: boolean;
  /** The person to edit, or null to create one. */
  person: Person | null;
  /** The company a new person joins, when created from a company card. */
  company?: NamedRef | null;
  onClose: () => void;
  /** `another` is true when the user chose to add another person right away. */
  onSaved: (person: Person, another: boolean) => void;
  allowAnother?: boolean;
}

export function PersonFormDialog(props: PersonFormDialogProps) {
  const [round, setRound] = useState(0);
  // The form unmounts when closed, so an abandoned edit never leaks into the next opening.
  if (!props.open) return null;
  return (
    <PersonForm
      key={round}
      {...props}
      onSaved={(person, another) => {
        props.onSaved(person, another);
        if (another) setRound((value) => value + 1);
      }}
    />
  );
}

function PersonForm({ person, company = null, onClose, onSaved, allowAnother = false }: PersonFormDialogProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toDraft = useCallback((record: Person | null) => draftOf(record, company), [company]);
  const form = useVersionedDraft(person, toDraft);
  const [errors, setErrors] = useState<Partial<Record<DraftKey, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const creating = person === null;
  const draft = form.draft;

  const labels: Record<DraftKey, string> = {
    salutation: t('fields.salutation'),
    firstName: t('fields.firstName'),
    middleName: t('fields.middleName'),
    lastName: t('fields.lastName'),
    jobTitle: t('fields.jobTitle'),
    email: t('fields.email'),
    phone: t('fields.phone'),
    mobile: t('fields.mobile'),
    companyId: t('fields.company'),
    companyName: t('fields.company'),
    ownerId: t('fields.owner'),
    leadSource: t('fields.leadSource'),
    formerEmployee: t('fields.formerEmployee'),
  };

  function validate(): boolean {
    const found: Partial<Record<DraftKey, string>> = {};
    if (draft.lastName.trim() === '') found.lastName = t('validation.required');
    if (draft.email.trim() !== '' && !isValidEmail(draft.email.trim())) found.email = t('validation.email');
    for (const key of Object.keys(MAX_LENGTH) as TextKey[]) {
      if (!found[key] && draft[key].trim().length > MAX_LENGTH[key]) found[key] = t('validation.tooLongMax', { max: MAX_LENGTH[key] });
    }
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function save(version: number | null, keys: DraftKey[], another: boolean) {
    setBusy(true);
    setFailure(null);
    try {
      const saved =
        person === null || version === null
          ? await persons.create(toInput(draft, Object.keys(draft) as DraftKey[]))
          : await persons.update(person.id, version, toInput(draft, keys));
      queryClient.setQueryData(['persons', 'record', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['persons'] });
      await queryClient.invalidateQueries({ queryKey: ['companies'] });
      onSaved(saved, another);
    } catch (error) {
      if (person !== null && isApiError(error, 'VERSION_CONFLICT')) {
        try {
          form.setNewer(await persons.get(person.id));
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

  function submit(another: boolean) {
    if (!validate()) return;
    if (!creating && form.changed.length === 0) {
      onClose();
      return;
    }
    void save(creating ? null : (form.base?.version ?? null), form.changed as DraftKey[], another);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    submit(false);
  }

  function handleOverwrite() {
    const keys = form.changed as DraftKey[];
    const latest = form.rebaseOnNewer();
    if (latest !== null) void save(latest.version, keys, false);
  }

  function textField(key: TextKey, options: { type?: string; autoComplete?: string; required?: boolean; hint?: string } = {}) {
    return (
      <Field label={labels[key]} error={errors[key]} required={options.required} hint={options.hint}>
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

  const formId = creating ? 'person-form-new' : `person-form-${person.id}`;
  const changedByOther = [...new Set(form.changedByOther.filter((key) => key !== 'companyName').map((key) => labels[key as DraftKey]))];

  return (
    <Dialog
      title={creating ? t('personForm.createTitle') : t('personForm.editTitle', { name: person.fullName })}
      description={creating && company !== null ? t('personForm.createIn', { company: company.name }) : undefined}
      open
      onClose={onClose}
      size="medium"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {creating && allowAnother ? (
            <button type="button" className="button button-secondary" onClick={() => submit(true)} disabled={busy}>
              {t('personForm.createAndAnother')}
            </button>
          ) : null}
          <button type="submit" form={formId} className="button button-primary" disabled={busy || form.newer !== null}>
            {creating ? t('personForm.create') : t('common.save')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={handleSubmit} noValidate className="form-grid form-grid-3">
        {form.newer !== null ? (
          <div className="form-span">
            <ConflictNotice changedByOther={changedByOther} onOverwrite={handleOverwrite} onReload={form.loadNewer} busy={busy} />
          </div>
        ) : null}
        {failure !== null ? (
          <div className="notice notice-error form-span" role="alert">
            <p>{describeError(t, failure)}</p>
          </div>
        ) : null}

        {textField('salutation', { autoComplete: 'honorific-prefix' })}
        {textField('firstName', { autoComplete: 'given-name' })}
        {textField('middleName', { autoComplete: 'additional-name', hint: t('personForm.middleNameHint') })}
        <div className="form-span">{textField('lastName', { required: true, autoComplete: 'family-name' })}</div>
        <div className="form-span-2">
          <Field label={labels.companyId} error={errors.companyId} hint={t('personForm.companyHint')}>
            {(control) => (
              <CompanyPicker
                {...control}
                value={draft.companyId === '' ? null : { id: Number(draft.companyId), name: draft.companyName }}
                onChange={(picked) => {
                  form.set('companyId', picked === null ? '' : String(picked.id));
                  form.set('companyName', picked?.name ?? '');
                }}
              />
            )}
          </Field>
        </div>
        {textField('jobTitle', { autoComplete: 'organization-title' })}
        {textField('email', { type: 'email', autoComplete: 'email' })}
        {textField('phone', { type: 'tel', autoComplete: 'tel' })}
        {textField('mobile', { type: 'tel', autoComplete: 'tel' })}
        <Field label={labels.ownerId} error={errors.ownerId}>
          {(control) => <UserSelect {...control} value={draft.ownerId} onChange={(value) => form.set('ownerId', value)} />}
        </Field>
        {textField('leadSource')}
        <label className="choice form-checkbox">
          <input type="checkbox" checked={draft.formerEmployee} onChange={(event) => form.set('formerEmployee', event.target.checked)} />
          {labels.formerEmployee}
        </label>
      </form>
    </Dialog>
  );
}
