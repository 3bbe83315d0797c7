import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Dialog } from '../../ui/Dialog';
import { describeError } from '../../ui/errors';
import { Field } from '../../ui/Field';
import { MIN_PASSWORD_LENGTH, users, type AdminUser } from '../adminApi';

interface PasswordDialogProps {
  user: AdminUser | null;
  onClose: () => void;
  onSaved: (user: AdminUser) => void;
}

/** Sets a new password for a user; the API then ends the user's sessions. */
export function PasswordDialog(props: PasswordDialogProps) {
  if (props.user === null) return null;
  return <PasswordForm {...props} user={props.user} />;
}

function PasswordForm({ user, onClose, onSaved }: PasswordDialogProps & { user: AdminUser }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const found: { password?: string; repeat?: string } = {};
    if (password.length < MIN_PASSWORD_LENGTH) found.password = t('admin.users.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
    else if (repeat !== password) found.repeat = t('admin.users.passwordMismatch');
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    setFailure(null);
    try {
      onSaved(await users.update(user.id, user.version, { password }));
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const formId = `password-form-${user.id}`;
  return (
    <Dialog
      title={t('admin.users.passwordTitle', { name: user.name })}
      description={t('admin.users.passwordText')}
      open
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={formId} className="button button-primary" disabled={busy}>
            {t('admin.users.passwordSave')}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={(event) => void handleSubmit(event)} noValidate className="form-stack">
        {failure !== null ? (
          <div className="notice notice-error" role="alert">
            <p>{describeError(t, failure)}</p>
          </div>
        ) : null}
        <Field label={t('admin.users.newPassword')} error={errors.password} required hint={t('admin.users.initialPasswordHint', { min: MIN_PASSWORD_LENGTH })}>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(event) => setPassword(event.target.value)} />}
        </Field>
        <Field label={t('admin.users.repeatPassword')} error={errors.repeat} required>
          {(control) => <input {...control} type="password" autoComplete="new-password" value={repeat} onChange={(event) => setRepeat(event.target.value)} />}
        </Field>
      </form>
    </Dialog>
  );
}
