import { useTranslation } from 'react-i18next';

interface ConflictNoticeProps {
  /** Labels of the fields the other user changed. */
  changedByOther: string[];
  onOverwrite: () => void;
  onReload: () => void;
  busy: boolean;
}

/**
 * Explains a save that was based on an older version. The form keeps what the user typed, and the
 * user either saves those changes over the newer version or loads the newer version.
 */
export function ConflictNotice({ changedByOther, onOverwrite, onReload, busy }: ConflictNoticeProps) {
  const { t } = useTranslation();
  return (
    <div className="notice notice-warning" role="alert">
      <p className="notice-title">{t('conflict.title')}</p>
      <p>{t('conflict.text')}</p>
      {changedByOther.length > 0 ? <p>{t('conflict.changedFields', { fields: changedByOther.join(', ') })}</p> : null}
      <div className="notice-actions">
        <button type="button" className="button button-secondary button-small" onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </button>
        <button type="button" className="button button-primary button-small" onClick={onOverwrite} disabled={busy}>
          {t('conflict.overwrite')}
        </button>
      </div>
    </div>
  );
}
