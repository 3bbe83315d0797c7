import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

import { Dialog } from './Dialog';
import { describeError } from './errors';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What happens on confirming: one paragraph, or several. */
  text: string | string[];
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
  /** Describes a failed confirmation; by default the general text for the error's code. */
  describe?: (t: TFunction, error: unknown) => string;
}

export function ConfirmDialog({ open, title, text, confirmLabel, danger, busy, error, onConfirm, onCancel, describe = describeError }: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={title}
      open={open}
      onClose={onCancel}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className={`button ${danger ? 'button-danger' : 'button-primary'}`} onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </>
      }
    >
      {Array.isArray(text) ? (
        <div className="confirm-text">
          {text.map((paragraph) => (
            <p key={paragraph}>{paragraph}</p>
          ))}
        </div>
      ) : (
        <p>{text}</p>
      )}
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{describe(t, error)}</p>
        </div>
      ) : null}
    </Dialog>
  );
}
