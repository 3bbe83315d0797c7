import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { apiRequest } from '../api/client';
import type { Language, Person } from '../api/types';
import { formatDate, formatNumber } from '../i18n/format';
import { ErrorNotice, Spinner } from '../ui/feedback';

interface TimelineEntry {
  leadStatus: { id: number; name: string; deleted: boolean } | null;
  from: string;
  to: string | null;
  days: number;
}

/** A status with the whole days the person spent in it, over every period in that status. */
interface StatusTotal {
  key: string;
  name: string;
  deleted: boolean;
  days: number;
  current: boolean;
}

function totalsPerStatus(entries: TimelineEntry[], noStatus: string): StatusTotal[] {
  const totals = new Map<string, StatusTotal>();
  entries.forEach((entry, index) => {
    const key = entry.leadStatus === null ? 'none' : String(entry.leadStatus.id);
    const total = totals.get(key) ?? { key, name: entry.leadStatus?.name ?? noStatus, deleted: entry.leadStatus?.deleted ?? false, days: 0, current: false };
    total.days += entry.days;
    // The timeline is newest first, so the first entry is the current status.
    if (index === 0) total.current = true;
    totals.set(key, total);
  });
  return [...totals.values()];
}

/**
 * Renders the person's time in each lead status: the total days per status as bars, and the
 * periods from the lead status history, newest first.
 */
export function StatusTimeline({ person }: { person: Person }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const headingId = useId();
  const timeline = useQuery({
    queryKey: ['persons', 'timeline', person.id, person.version],
    queryFn: () => apiRequest<{ items: TimelineEntry[] }>('GET', `/api/persons/${person.id}/status-timeline`),
  });

  let body;
  if (timeline.isPending) body = <Spinner label={t('common.loading')} />;
  else if (timeline.isError) body = <ErrorNotice error={timeline.error} onRetry={() => void timeline.refetch()} />;
  else if (timeline.data.items.length === 0) body = <p className="muted">{t('timeline.empty')}</p>;
  else {
    const totals = totalsPerStatus(timeline.data.items, t('leadStatus.none'));
    const longest = Math.max(1, ...totals.map((total) => total.days));
    body = (
      <>
        <ul className="timeline-totals">
          {totals.map((total) => (
            <li key={total.key} className="timeline-total">
              <span className="timeline-status">
                {total.deleted ? `${total.name} ${t('common.deletedSuffix')}` : total.name}
                {total.current ? <span className="badge badge-muted">{t('timeline.current')}</span> : null}
              </span>
              <span className="timeline-bar" aria-hidden="true">
                <span style={{ width: `${Math.max(2, (total.days / longest) * 100)}%` }} />
              </span>
              <span className="timeline-days">{t('persons.days', { count: total.days, formatted: formatNumber(total.days, language) })}</span>
            </li>
          ))}
        </ul>
        <table className="simple-table timeline-periods">
          <caption className="visually-hidden">{t('timeline.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fields.leadStatus')}</th>
              <th scope="col">{t('timeline.from')}</th>
              <th scope="col">{t('timeline.to')}</th>
              <th scope="col" className="numeric">
                {t('timeline.days')}
              </th>
            </tr>
          </thead>
          <tbody>
            {timeline.data.items.map((entry) => (
              <tr key={entry.from}>
                <td>{entry.leadStatus === null ? t('leadStatus.none') : entry.leadStatus.name}</td>
                <td>{formatDate(entry.from, language)}</td>
                <td>{entry.to === null ? t('timeline.now') : formatDate(entry.to, language)}</td>
                <td className="numeric">{formatNumber(entry.days, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 className="panel-title" id={headingId}>
        {t('timeline.title')}
      </h2>
      {body}
    </section>
  );
}
