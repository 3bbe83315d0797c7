import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { BulkUpdateTarget, Language, SelectionEntity } from '../api/types';
import { formatNumber } from '../i18n/format';
import type { ListContext } from '../lists/RecordList';
import { BulkUpdateDialog } from './BulkUpdateDialog';

/**
 * Opens a bulk update of a list: of the ticked rows when there are any, otherwise of every row
 * the list's filter matches. The target is fixed when the dialog opens.
 */
export function BulkUpdateButton({ entity, list }: { entity: SelectionEntity; list: ListContext }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState<{ target: BulkUpdateTarget; count: number | null }>({ target: { ids: [] }, count: null });

  const ticked = list.tickedIds.length;
  // With ticks the label counts the ticked rows, and the toolbar shows that they are ticked.
  const count = ticked > 0 ? ticked : list.total;
  const label = count === null ? t('bulkUpdate.open') : t('bulkUpdate.openCount', { formatted: formatNumber(count, language) });

  function openDialog() {
    setSubject(ticked > 0 ? { target: { ids: [...list.tickedIds] }, count: ticked } : { target: { filter: list.filter }, count: list.total });
    setOpen(true);
  }

  return (
    <>
      <button type="button" className="button button-secondary" onClick={openDialog} disabled={ticked === 0 && list.total === 0}>
        {label}
      </button>
      <BulkUpdateDialog open={open} entity={entity} target={subject.target} count={subject.count} onClose={() => setOpen(false)} />
    </>
  );
}
