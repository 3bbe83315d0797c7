import { useTranslation } from 'react-i18next';

import type { CategoryChangePreview } from '../api/types';
import { Dialog } from '../ui/Dialog';

interface CategoryChangeDialogProps {
  open: boolean;
  categoryName: string;
  defaultStatusName: string;
  preview: CategoryChangePreview | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Says what a new category does to the lead statuses of the company's persons before it is saved. */
export function CategoryChangeDialog({
  open,
  categoryName,
  defaultStatusName,
  preview,
  busy,
  onConfirm,
  onCancel,
}: CategoryChangeDialogProps) {
  const { t } = useTranslation();
  const affected = preview === null ? 0 : preview.startCycle + preview.keep + preview.retain + preview.none;

  return (
    <Dialog
      title={t('categoryChange.title', { category: categoryName })}
      open={open}
      onClose={onCancel}
      size="small"
      footer={
        <>
          <button type="button" className="button button-ghost" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button button-primary" onClick={onConfirm} disabled={busy}>
            {t('categoryChange.confirm')}
          </button>
        </>
      }
    >
      {preview === null ? null : affected === 0 ? (
        <p>{t('categoryChange.noPersons')}</p>
      ) : (
        <>
          <p>{t('categoryChange.intro')}</p>
          <ul className="impact-list">
            {preview.startCycle > 0 ? (
              <li className="impact-start">
                {t('categoryChange.startCycle', { count: preview.startCycle, status: defaultStatusName })}
              </li>
            ) : null}
            {preview.keep > 0 ? <li className="impact-keep">{t('categoryChange.keep', { count: preview.keep })}</li> : null}
            {preview.retain > 0 ? <li className="impact-retain">{t('categoryChange.retain', { count: preview.retain })}</li> : null}
            {preview.none > 0 ? <li className="impact-none">{t('categoryChange.none', { count: preview.none })}</li> : null}
          </ul>
        </>
      )}
    </Dialog>
  );
}
