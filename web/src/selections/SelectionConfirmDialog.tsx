import { useTranslation } from 'react-i18next';

import { Dialog } from '../ui/Dialog';
import { describeSelectionError } from './selectionErrors';

interface SelectionConfirmDialogProps {
  open: boolean;
  title: string;
  /** Paragraphs that explain what happens. */
  text: string[];
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks to confirm a change to a selection and shows why it failed in selection terms. */
export function SelectionConfirmDialog({ open, title, text, confirmLabel, danger, busy, error, onConfirm, onCancel }: SelectionConfirmDialogProps) {
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
      <div className="selection-confirm-text">
        {text.map((paragraph) => (
          <p key={paragraph}>{paragraph}</p>
        ))}
      </div>
      {error ? (
        <div className="notice notice-error" role="alert">
          <p>{describeSelectionError(t, error)}</p>
        </div>
      ) : null}
    </Dialog>
  );
}
