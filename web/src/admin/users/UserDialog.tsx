import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { isApiError } from '../../api/client';
import type { Language, UserRole } from '../../api/types';
import { ConflictNotice } from '../../forms/ConflictNotice';
import { fieldErrorsFromProblem, isValidEmail } from '../../forms/fieldErrors';
import { useVersionedDraft } from '../../forms/useVersionedDraft';
import { LANGUAGES } from '../../i18n';
import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { MIN_PASSWORD_LENGTH, users, type AdminUser, type UserInput } from '../adminApi';

const ROLES: UserRole[] = ['user', 'administrator'];
const NAME_MAX = 200;
const EMAIL_MAX = 320;

type UserDraft = {
  name: string;
  email: string;
  role: string;
  language: string;
  availableForDistribution: boolean;
  password: string;
};

type DraftKey = keyof UserDraft;

function toDraft(user: AdminUser | null): UserDraft {
  return {
    name: user?.name ?? '',
    email: user?.email ?? '',
    role: user?.role ?? 'user',
    language: user?.language ?? 'nl',
    availableForDistribution: user?.availableForDistribution ?? true,
    password: '',
  };
}

function toInput(draft: UserDraft, keys: DraftKey[]): UserInput {
  const input: UserInput = {};
  for (const key of keys) {
    if (key === 'name') input.name = draft.name.trim();
    if (key === 'email') input.email = draft.email.trim();
    if (key === 'role') input.role = draft.role as UserRole;
    if (key === 'language') input.language = draft.language as Language;
    if (key === 'availableForDistribution') input.availableForDistribution = draft.availableForDistribution;
    if (key === 'password' && draft.password !== '') input.password = draft.password;
  }
  return input;
}

interface UserDialogProps {
  open: boolean;
  /** The user to edit, or null to create one. */
  user: AdminUser | null;
  /** The signed-in administrator, who cannot take away their own role. */
  selfId: number;
  onClose: () => void;
  onSaved: (user: AdminUser, created: boolean) => void;
}

export function UserDialog(props: UserDialogProps) {
  if (!props.open) return null;
  return <UserForm {...props} />;
}

function UserForm({ user, selfId, onClose, onSaved }: UserDialogProps) {
  const { t } = useTranslation();
  const form = useVersionedDraft(user, useCallback(toDraft, []));
  const [errors, setErrors] = useState<Partial<Record<DraftKey, string>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const creating = user === null;
  const isSelf = user?.id === selfId;
  const draft = form.draft;

  function validate(): boolean {
    const found: Partial<Record<DraftKey, string>> = {};
    if (draft.name.trim() === '') found.name = t('validation.required');
    else if (draft.name.trim().length > NAME_MAX) found.name = t('validation.tooLongMax', { max: NAME_MAX });
    if (draft.email.trim() === '') found.email = t('validation.required');
    else if (!isValidEmail(draft.email.trim())) found.email = t('validation.email');
    else if (draft.email.trim().length > EMAIL_MAX) found.email = t('validation.tooLongMax', { max: EMAIL_MAX });
    if (creating && draft.password.length < MIN_PASSWORD_LENGTH) found.password = t('admin.users.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  async function save(version: number | null, keys: DraftKey[]) {
    setBusy(true);
    setFailure(null);
    try {
      const saved =
        user === null || version === null
          ? await users.create(toInput(draft, Object.keys(draft) as DraftKey[]))
          : await users.update(user.id, version, toInput(draft, keys));
      onSaved(saved, user === null);
    } catch (error) {
      if (user !== null && isApiError(error, 'VERSION_CONFLICT')) {
        try {
          const { items } = await users.list();
          const latest = items.find((candidate) => candidate.id === user.id);
          if (latest !== undefined) form.setNewer(latest);
          else setFailure(error);
        } catch (reloadError) {
          setFailure(reloadError);
        }
      } else {
        setErrors(fieldErrorsFromProblem(t, error) as Partial<Record<DraftKey, string>>);
        setFailure(error);
      }
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
    void save(creating ? null : (form.base?.version ?? null), form.changed as DraftKey[]);
  }

  function handleOverwrite() {
    const keys = form.changed as DraftKey[];
    const latest = form.rebaseOnNewer();
    if (latest !== null) void save(latest.version, keys);
  }

  const labels: Record<DraftKey, string> = {
    name: t('fields.name'),
    email: t('admin.users.email'),
    role: t('admin.users.role'),
    language: t('admin.users.language'),
    availableForDistribution: t('admin.users.availableForDistribution'),
    password: t('admin.users.initialPassword'),
  };
  const formId = creating ? 'user-form-new' : `user-form-${user.id}`;
  let submitLabel = creating ? t('admin.users.create') : t('common.save');
  if (busy) submitLabel = t('common.saving');

  return (
    <Dialog
      title={creating ? t('admin.users.createTitle') : t('admin.users.editTitle', { name: user.name })}
      open
      onClose={onClose}
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

        <Field label={labels.name} error={errors.name} required>
          {(control) => <input {...control} type="text" autoComplete="off" value={draft.name} onChange={(event) => form.set('name', event.target.value)} />}
        </Field>
        <Field label={labels.email} error={errors.email} required>
          {(control) => <input {...control} type="email" autoComplete="off" value={draft.email} onChange={(event) => form.set('email', event.target.value)} />}
        </Field>
        <Field label={labels.role} error={errors.role} hint={isSelf ? t('admin.users.ownRoleHint') : t('admin.users.roleHint')}>
          {(control) => (
            <select {...control} value={draft.role} disabled={isSelf} onChange={(event) => form.set('role', event.target.value)}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={labels.language} error={errors.language}>
          {(control) => (
            <select {...control} value={draft.language} onChange={(event) => form.set('language', event.target.value)}>
              {LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field form-span">
          <label className="choice">
            <input
              type="checkbox"
              checked={draft.availableForDistribution}
              aria-describedby={`${formId}-distribution-hint`}
              onChange={(event) => form.set('availableForDistribution', event.target.checked)}
            />
            {labels.availableForDistribution}
          </label>
          <p id={`${formId}-distribution-hint`} className="field-hint">
            {t('admin.users.availableHint')}
          </p>
        </div>
        {creating ? (
          <div className="form-span">
            <Field label={labels.password} error={errors.password} required hint={t('admin.users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}>
              {(control) => (
                <input {...control} type="password" autoComplete="new-password" value={draft.password} onChange={(event) => form.set('password', event.target.value)} />
              )}
            </Field>
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
