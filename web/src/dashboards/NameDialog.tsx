import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { Dialog } from '../ui/Dialog';
import { describeError } from '../ui/errors';
import { Field } from '../ui/Field';

const MAX_NAME_LENGTH = 100;

interface NameDialogProps {
  open: boolean;
  title: string;
  initialName: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (name: string) => void;
  onClose: () => void;
}

/** Asks for a dashboard name, for a new dashboard or to rename one. */
export function NameDialog({ open, title, initialName, submitLabel, busy, error, onSubmit, onClose }: NameDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initialName);
  const [touched, setTouched] = useState(false);

  useEffect(() => {
    if (open) {
      setName(initialName);
      setTouched(false);
    }
  }, [open, initialName]);

  const trimmed = name.trim();
  let invalid: string | undefined;
  if (trimmed === '') invalid = t('dashboards.nameRequired');
  else if (trimmed.length > MAX_NAME_LENGTH) invalid = t('validation.tooLongMax', { max: MAX_NAME_LENGTH });

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (invalid === undefined) onSubmit(trimmed);
  }

  return (
    <Dialog
      title={title}
      open={open}
      onClose={onClose}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" form="dashboard-name-form" className="button button-primary" disabled={busy}>
            {submitLabel}
          </button>
        </>
      }
    >
      <form id="dashboard-name-form" className="form-stack" onSubmit={handleSubmit} noValidate>
        <Field label={t('fields.name')} required error={touched ? invalid : undefined}>
          {(control) => <input {...control} type="text" value={name} autoFocus onChange={(event) => setName(event.target.value)} />}
        </Field>
        {error ? (
          <div className="notice notice-error" role="alert">
            <p>{describeError(t, error)}</p>
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
