import { useTranslation } from 'react-i18next';

import { useCategories, useLeadStatuses, useUsers } from '../api/queries';
import type { Language } from '../api/types';
import { KEEP, NONE, type BulkChoice } from './changes';

/** Lists the chosen changes in words, such as "Leadstatus wordt Contact opnemen". */
export function ChangeSummary({ choice }: { choice: BulkChoice }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const statuses = useLeadStatuses(language);
  const users = useUsers();
  const categories = useCategories(language);

  const lines: Array<{ field: string; value: string }> = [];
  if (choice.leadStatus !== KEEP) {
    const status = statuses.data?.find((item) => String(item.id) === choice.leadStatus);
    lines.push({ field: t('fields.leadStatus'), value: status?.name ?? '…' });
  }
  if (choice.owner !== KEEP) {
    const user = users.data?.find((item) => String(item.id) === choice.owner);
    lines.push({ field: t('fields.owner'), value: choice.owner === NONE ? t('bulkUpdate.noOwner') : (user?.name ?? '…') });
  }
  if (choice.category !== KEEP) {
    const category = categories.data?.find((item) => String(item.id) === choice.category);
    lines.push({ field: t('fields.category'), value: choice.category === NONE ? t('companies.noCategory') : (category?.name ?? '…') });
  }

  return (
    <ul className="bulk-summary">
      {lines.map((line) => (
        <li key={line.field}>{t('bulkUpdate.changeSummary', { field: line.field, value: line.value })}</li>
      ))}
    </ul>
  );
}
